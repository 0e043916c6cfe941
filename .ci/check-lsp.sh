#!/usr/bin/env bash
# check-lsp.sh - `peeringlint lsp` under a real client nobody on this project wrote: headless Neovim (Debian's
# `neovim`, installed with apt-get when missing) opens the broken tutorial and the broken CloudFormation template,
# waits for PeeringLint's diagnostics, checks rule ids and positions, applies the PL1002 quick fix to each buffer and
# sees that diagnostic go, with PL2003 still there (.ci/lsp/check.lua).
# Uses the Debug build `dotnet test` left behind (builds it when missing). Quiet on success except a few lines.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "check-lsp: FAILED: $1" >&2
  [ -n "${2:-}" ] && [ -s "$2" ] && tail -n 40 "$2" >&2
  exit 1
}

if ! command -v nvim >/dev/null; then
  echo "check-lsp: installing neovim"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim) >"$work/apt.txt" 2>&1 \
    || fail "apt-get install neovim" "$work/apt.txt"
fi

server="$repo/src/PeeringLint.Cli/bin/Debug/net10.0/peeringlint"
if [ ! -x "$server" ]; then
  dotnet build "$repo/src/PeeringLint.Cli" -v q --nologo >"$work/build.txt" 2>&1 || fail "dotnet build" "$work/build.txt"
fi

mkdir -p "$work/ws"
cp "$repo/examples/nextwork-peering-broken.yaml" "$repo/examples/cloudformation/nextwork-broken.yaml" "$work/ws/"
set +e
PEERINGLINT="$server" WORKDIR="$work/ws" timeout 120 nvim --headless --clean -n -c "luafile $repo/.ci/lsp/check.lua" >"$work/out.txt" 2>&1
rc=$?
set -e
grep -a '^check-lsp: ' "$work/out.txt" || true
[ "$rc" -eq 0 ] || fail "nvim exited $rc" "$work/out.txt"
cmp -s "$repo/examples/nextwork-peering-broken.yaml" "$work/ws/nextwork-peering-broken.yaml" \
  && cmp -s "$repo/examples/cloudformation/nextwork-broken.yaml" "$work/ws/nextwork-broken.yaml" \
  || fail "a quick fix was written to disk; only the buffer may change"
echo "check-lsp: ok"
