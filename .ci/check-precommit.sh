#!/usr/bin/env bash
# check-precommit.sh - the pre-commit hooks of .pre-commit-hooks.yaml under real pre-commit (Debian's package, 3.0.4,
# installed when missing), against a scratch git repository, as a user gets them (language: dotnet: pre-commit clones
# this repository, runs `dotnet pack` at its root and installs the tool from the package):
#   1. `pre-commit validate-manifest` on .pre-commit-hooks.yaml, `validate-config` on docs/ci/pre-commit-config*.yaml;
#   2. good inputs only (CloudFormation template, tutorial YAML, describe-* JSON): `try-repo <repo> --files <them>`
#      runs both hooks, both pass, exit 0;
#   3. broken inputs added beside them: `try-repo <repo> --files <the broken ones>`: both hooks fail with the
#      findings (PL1002, PL2001 in the template), exit 1, and the changed-files hook did not read the good files.
# try-repo on a working tree with changes commits tracked and staged changes to a temporary clone; untracked files
# are left out (`git add` them first when running this by hand). Each try-repo installs the hook anew (~1 min).
# Quiet on success except one summary line.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$SECONDS

fail() {
  echo "check-precommit: FAILED: $1" >&2
  [ -n "${2:-}" ] && [ -s "$2" ] && tail -n 60 "$2" >&2
  exit 1
}

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "check-precommit: installing Debian's pre-commit" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit) >"$work/apt.txt" 2>&1 \
    || fail "apt-get install pre-commit" "$work/apt.txt"
fi
version="$(pre-commit --version)"
export PRE_COMMIT_HOME="$work/pre-commit-home" PRE_COMMIT_COLOR=never

pre-commit validate-manifest "$repo/.pre-commit-hooks.yaml" >"$work/validate.txt" 2>&1 \
  || fail "validate-manifest .pre-commit-hooks.yaml" "$work/validate.txt"
for config in "$repo"/docs/ci/pre-commit-config*.yaml; do
  pre-commit validate-config "$config" >"$work/validate.txt" 2>&1 || fail "validate-config ${config#"$repo/"}" "$work/validate.txt"
done

# The scratch repository: a user's repository with its network inputs under network/.
scratch="$work/scratch"
mkdir -p "$scratch/network/aws"
git -C "$scratch" init -q
cp "$repo/examples/cloudformation/nextwork-working.yaml" "$scratch/network/good.template"
cp "$repo/examples/nextwork-peering.yaml" "$scratch/network/tutorial-good.yaml"
cp "$repo/examples/aws-json/nextwork-working/"*.json "$scratch/network/aws/"
git -C "$scratch" add -A
good=(network/good.template network/tutorial-good.yaml network/aws/*.json)

# 2. Good inputs: both hooks pass.
set +e
(cd "$scratch" && pre-commit try-repo "$repo" --files "${good[@]}" >"$work/good.txt" 2>&1)
rc=$?
set -e
[ "$rc" -eq 0 ] || fail "try-repo on good inputs exited $rc, expected 0" "$work/good.txt"
grep -Eq '^PeeringLint\.+Passed' "$work/good.txt" || fail "hook peeringlint did not pass on good inputs" "$work/good.txt"
grep -Eq '^PeeringLint \(all inputs\)\.+Passed' "$work/good.txt" || fail "hook peeringlint-all did not pass on good inputs" "$work/good.txt"

# 3. Broken inputs beside the good ones: both hooks fail with the findings.
cp "$repo/examples/cloudformation/nextwork-broken.yaml" "$scratch/network/broken.yaml"
cp "$repo/examples/nextwork-peering-broken.yaml" "$scratch/network/tutorial-broken.yaml"
git -C "$scratch" add -A
set +e
(cd "$scratch" && pre-commit try-repo "$repo" --files network/broken.yaml network/tutorial-broken.yaml >"$work/broken.txt" 2>&1)
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "try-repo on broken inputs exited $rc, expected 1" "$work/broken.txt"
grep -Eq '^PeeringLint\.+Failed' "$work/broken.txt" || fail "hook peeringlint did not fail on broken inputs" "$work/broken.txt"
grep -Eq '^PeeringLint \(all inputs\)\.+Failed' "$work/broken.txt" || fail "hook peeringlint-all did not fail on broken inputs" "$work/broken.txt"
# The changed-files hook's section (up to the next hook's status line) names the findings and only the named files.
sed -n '/^PeeringLint\.\.*Failed/,/^PeeringLint (all inputs)/p' "$work/broken.txt" >"$work/changed.txt"
for finding in 'network/broken.yaml:58:29: error PL1002:' 'network/broken.yaml:110:29: error PL2001:' 'network/tutorial-broken.yaml:16:28: error PL1002:'; do
  grep -qF "$finding" "$work/changed.txt" || fail "hook peeringlint: no '$finding' in its output" "$work/broken.txt"
done
! grep -q 'good\.template\|tutorial-good\|network/aws/' "$work/changed.txt" || fail "hook peeringlint read files it was not given" "$work/broken.txt"
# (Through a file, not a pipe: `grep -q` stops reading early, and under pipefail sed's SIGPIPE would fail the check.)
sed -n '/^PeeringLint (all inputs)\.\.*Failed/,$p' "$work/broken.txt" >"$work/all.txt"
grep -qF 'network/broken.yaml:110:29: error PL2001:' "$work/all.txt" || fail "hook peeringlint-all: no PL2001 in network/broken.yaml" "$work/broken.txt"

echo "check-precommit: ok: $version: hooks peeringlint and peeringlint-all install with language dotnet, pass on good inputs (exit 0), fail on broken ones with PL1002/PL2001 (exit 1) ($((SECONDS - start)) s)"
