#!/usr/bin/env bash
# check-vscode.sh - issue 15: the VS Code extension (editors/vscode) builds and packages as a .vsix:
#   1. `npm ci` from the committed package-lock.json (into editors/vscode/node_modules, git-ignored);
#   2. `vsce package` (@vscode/vsce, pinned in devDependencies) compiles it with tsc (its vscode:prepublish script)
#      and builds the .vsix, which must hold the manifest, the compiled extension, vscode-languageclient and the
#      LICENSE, and none of the tests, sources or source maps;
#   3. the node:test unit tests of the compiled code pass: server path resolution, document selector and start
#      check, the settings sent to the server, package.json against rules/README.md, and extension.ts itself with
#      fakes of `vscode` and `vscode-languageclient` (when it starts the server, with what, the not-found message);
#   4. when the CLI has the `lsp` command (src/PeeringLint.Cli/Commands/LspCommand.cs), an end-to-end smoke test:
#      the CLI built (Debug, as `dotnet test` left it), started the way the extension starts it (resolveServer and
#      serverExecutable with peeringlint.serverPath set to the build), initialize, didOpen of the broken template
#      and tutorial, PL1002 and PL2001 published, PL3001 gone when the settings turn it off, shutdown, exit 0; and
#      in a copy of examples/multi-stack (stacks in .peeringlint.yaml), PL2001 and PL2004 on peering.yaml, and
#      PL2004 gone with peeringlint.configPath naming a configuration that turns it off.
# Quiet on success except the test summary and one line.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
ext="$repo/editors/vscode"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$SECONDS
log="$work/log.txt"

fail() {
  echo "check-vscode: FAILED: $1" >&2
  [ -s "$log" ] && tail -n 60 "$log" >&2
  exit 1
}

command -v npm >/dev/null 2>&1 || fail "npm is not installed"
cd "$ext"

npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1 || fail "npm ci"
vsix="$work/peeringlint.vsix"
npx --no-install vsce package --out "$vsix" </dev/null >"$log" 2>&1 || fail "vsce package (tsc errors are above)"
[ -s "$vsix" ] || fail "vsce produced no .vsix"

npm test >"$log" 2>&1 || fail "unit tests (npm test)"
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log")
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log")
[ "${passed:-0}" -gt 0 ] || fail "the unit tests ran no test"
[ "${failed:-1}" -eq 0 ] || fail "unit tests failed"

# Listed to a file first: under pipefail, `unzip | grep -q` fails when grep stops reading early (SIGPIPE).
unzip -l "$vsix" | awk 'NR > 3 && $4 != "" { print $4 }' >"$work/contents.txt"
for f in extension.vsixmanifest extension/package.json extension/readme.md extension/LICENSE.txt \
         extension/out/extension.js extension/out/server.js extension/out/documents.js extension/out/settings.js \
         extension/node_modules/vscode-languageclient/package.json \
         extension/node_modules/vscode-languageclient/lib/node/main.js; do
  grep -qxF "$f" "$work/contents.txt" || { cp "$work/contents.txt" "$log"; fail "the .vsix lacks $f"; }
done
if grep -E '^extension/(out/test/|src/)|\.map$|\.ts$|\.vsix$' "$work/contents.txt" >"$log"; then
  fail "the .vsix carries files it should not (tests, sources, maps)"
fi

# The packaged manifest is the one in the repository, and its entry point is in the package.
unzip -p "$vsix" extension/package.json >"$work/package.json"
node -e '
  const fs = require("fs");
  const packed = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const source = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const files = fs.readFileSync(process.argv[3], "utf8").split("\n");
  if (packed.name !== source.name || packed.version !== source.version || packed.publisher !== source.publisher) {
    console.error("packed package.json differs from editors/vscode/package.json"); process.exit(1);
  }
  if (!files.includes("extension/" + packed.main.replace(/^\.\//, ""))) {
    console.error("main " + packed.main + " is not in the .vsix"); process.exit(1);
  }
  if (JSON.stringify(packed.contributes) !== JSON.stringify(source.contributes)) {
    console.error("contributes differs"); process.exit(1);
  }
' "$work/package.json" "$ext/package.json" "$work/contents.txt" >"$log" 2>&1 || fail "packaged manifest"

smoke="skipped (no lsp command in the CLI)"
if [ -f "$repo/src/PeeringLint.Cli/Commands/LspCommand.cs" ]; then
  dotnet build "$repo/src/PeeringLint.Cli" -v q -nologo >"$log" 2>&1 || fail "dotnet build src/PeeringLint.Cli"
  server="$repo/src/PeeringLint.Cli/bin/Debug/net10.0/peeringlint.dll"
  [ -f "$server" ] || fail "no $server after the build"
  mkdir -p "$work/ws"
  cp "$repo/examples/cloudformation/nextwork-broken.yaml" "$repo/examples/nextwork-peering-broken.yaml" "$work/ws/"
  : >"$work/smoke.txt"
  for input in nextwork-broken.yaml nextwork-peering-broken.yaml; do
    node out/test/smoke/lsp-smoke.js --server "$server" --file "$work/ws/$input" --expect PL1002,PL2001 --off PL3001 \
      >>"$work/smoke.txt" 2>"$log" || fail "lsp smoke test on $input"
  done
  # A workspace with a .peeringlint.yaml naming three stacks: the findings in peering.yaml need the other templates.
  cp -r "$repo/examples/multi-stack" "$work/multi-stack"
  node out/test/smoke/lsp-smoke.js --server "$server" --root "$work/multi-stack" \
    --file "$work/multi-stack/templates/peering.yaml" --expect PL2001,PL2004 >>"$work/smoke.txt" 2>"$log" \
    || fail "lsp smoke test on examples/multi-stack"
  # peeringlint.configPath: another configuration file beside it (same stacks, PL2004 off) replaces the nearest one.
  { cat "$work/multi-stack/.peeringlint.yaml"; printf 'rules:\n  PL2004: off\n'; } >"$work/multi-stack/ci.peeringlint.yaml"
  node out/test/smoke/lsp-smoke.js --server "$server" --root "$work/multi-stack" --config-path ci.peeringlint.yaml \
    --file "$work/multi-stack/templates/peering.yaml" --expect PL2001 --absent PL2004 --settle-ms 1500 \
    >>"$work/smoke.txt" 2>"$log" || fail "lsp smoke test with peeringlint.configPath"
  smoke="ok ($(grep -o 'after [0-9]* ms' "$work/smoke.txt" | head -n 1 | sed 's/after /diagnostics after /'))"
fi

files=$(wc -l <"$work/contents.txt")
size=$(du -k "$vsix" | cut -f1)
echo "check-vscode: unit tests ${passed} passed, ${failed} failed; peeringlint.vsix packaged (${files} files, ${size} KiB) with the compiled extension and package.json; lsp smoke test $smoke ($((SECONDS - start)) s)"
