#!/usr/bin/env bash
# check-vscode.sh - issue 15: the VS Code extension (editors/vscode) builds and packages as a .vsix:
#   1. `npm ci` from the committed package-lock.json (into editors/vscode/node_modules, git-ignored);
#   2. `vsce package` (@vscode/vsce, pinned in devDependencies) compiles it with tsc (its vscode:prepublish script)
#      and builds the .vsix, which must hold the manifest, the compiled extension, vscode-languageclient and the
#      LICENSE, and none of the tests, sources or source maps;
#   3. the node:test unit tests of the compiled code pass: server path resolution, document selector and start
#      check, the settings sent to the server, package.json against rules/README.md.
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

files=$(wc -l <"$work/contents.txt")
size=$(du -k "$vsix" | cut -f1)
echo "check-vscode: unit tests ${passed} passed, ${failed} failed; peeringlint.vsix packaged (${files} files, ${size} KiB) with the compiled extension and package.json ($((SECONDS - start)) s)"
