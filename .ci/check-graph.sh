#!/usr/bin/env bash
# Checks `peeringlint graph` output with the real tools:
#   1. Mermaid: parses every .mmd with the `mermaid` npm package (mermaid.parse under plain node, with a
#      no-op DOMPurify shim: mermaid only sanitises labels for rendering, parsing needs no DOM);
#   2. SVG: renders with Graphviz (installed with apt-get when missing) and checks well-formed XML and node ids;
#   3. HTML: renders the report in headless Chromium to a PNG and checks the image is not empty.
# Usage: .ci/check-graph.sh [output-folder]   (default: artifacts/graph-check). Needs dotnet, node/npm; runs
# apt-get (as root in CI) for graphviz and chromium when they are missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/graph-check}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$root"

apt_install() {
  if ! apt-get install -y "$@" >/dev/null; then
    apt-get update >/dev/null
    apt-get install -y "$@" >/dev/null
  fi
}

if ! command -v dot >/dev/null 2>&1; then
  echo "check-graph: installing graphviz"
  apt_install graphviz
fi

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
  echo "check-graph: installing chromium"
  apt_install chromium
  browser=chromium
fi

echo "check-graph: building the CLI"
dotnet build src/PeeringLint.Cli/PeeringLint.Cli.csproj -v q -nologo >/dev/null
cli=(dotnet "$root/src/PeeringLint.Cli/bin/Debug/net10.0/peeringlint.dll")

fail=0
for ex in nextwork-peering-broken nextwork-peering; do
  for detail in "" "--detail"; do
    name="$ex${detail:+.detail}"
    "${cli[@]}" graph "examples/$ex.yaml" --format mermaid $detail --output "$out/$name.mmd" 2>/dev/null
    "${cli[@]}" graph "examples/$ex.yaml" --format svg $detail --output "$out/$name.svg" 2>/dev/null
  done
done
"${cli[@]}" graph examples/nextwork-peering-broken.yaml --format html --detail --output "$out/report.html" 2>/dev/null

# 1. Mermaid syntax, with the real parser.
npm_dir="${PEERINGLINT_NPM_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/peeringlint-mermaid}"
mkdir -p "$npm_dir"
if [ ! -d "$npm_dir/node_modules/mermaid" ]; then
  echo "check-graph: installing mermaid (npm)"
  (cd "$npm_dir" && npm install --no-audit --no-fund --silent mermaid@11 >/dev/null)
fi
cat > "$npm_dir/parse.mjs" <<'JS'
import { readFileSync } from 'node:fs';
// Without a DOM, DOMPurify (mermaid's label sanitiser) lacks addHook/sanitize; parsing does not need them.
const { default: DOMPurify } = await import('dompurify');
DOMPurify.addHook ??= () => {};
DOMPurify.removeHook ??= () => {};
DOMPurify.removeHooks ??= () => {};
DOMPurify.sanitize ??= (s) => s;
const { default: mermaid } = await import('mermaid');
let failed = 0;
for (const f of process.argv.slice(2)) {
  try {
    const r = await mermaid.parse(readFileSync(f, 'utf8'));
    console.log(`mermaid ok   ${f} (${r.diagramType})`);
  } catch (e) {
    failed++;
    console.log(`mermaid FAIL ${f}: ${e.message ?? e}`);
  }
}
// A deliberately broken diagram must fail, or the check proves nothing.
try { await mermaid.parse('flowchart LR\n  a["x"] --> b["y'); console.log('mermaid FAIL parser accepted a broken diagram'); failed++; } catch { }
process.exit(failed ? 1 : 0);
JS
(cd "$npm_dir" && node parse.mjs "$out"/*.mmd) || fail=1

# 2. SVG: well-formed XML with the expected element ids.
for svg in "$out"/*.svg; do
  if python3 - "$svg" <<'PY'
import sys, xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
ids = {e.get("id") for e in tree.iter() if e.get("id")}
need = {"vpc_NextWork_1_vpc_14b8e5", "vpc_NextWork_2_vpc_f8479c", "pcx_VPC_1____VPC_2_49299a", "igw_NextWork_1_igw_cac48f"}
missing = need - ids
if missing:
    sys.exit("missing ids: " + ", ".join(sorted(missing)))
PY
  then echo "svg ok       $svg"; else echo "svg FAIL     $svg"; fail=1; fi
done

# 3. HTML report in headless Chromium.
png="$out/report.png"
rm -f "$png"
profile="$(mktemp -d)"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$png" --window-size=1400,1000 "file://$out/report.html" >/dev/null 2>&1 || true
rm -rf "$profile"
if [ -s "$png" ] && python3 - "$png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert w >= 1000 and h >= 700, f"unexpected size {w}x{h}"
assert len(data) > 20000, f"suspiciously small ({len(data)} bytes): blank page?"
print(f"html ok      {sys.argv[1]} ({w}x{h}, {len(data)} bytes)")
PY
then :; else echo "html FAIL    no screenshot of $out/report.html"; fail=1; fi

exit $fail
