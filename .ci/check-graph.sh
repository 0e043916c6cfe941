#!/usr/bin/env bash
# Checks `peeringlint graph` output with the real tools:
#   1. Mermaid: parses every .mmd with the `mermaid` npm package (mermaid.parse under plain node, with a
#      no-op DOMPurify shim: mermaid only sanitises labels for rendering, parsing needs no DOM);
#   2. SVG: renders with Graphviz (installed with apt-get when missing) and checks well-formed XML and node ids;
#   3. HTML: renders the report in headless Chromium to a PNG and checks the image is not empty;
#   4. Overview at 100 and 1,000 VPCs (organisations from bench's generator): from the SVG geometry, no two node
#      boxes overlap and the picture is within 2:1; the HTML report loads in headless Chromium without script
#      errors (the page records them in the DOM; a page with a planted error must be caught) and every VPC of the
#      input is in the rendered page; timings of `graph` are printed.
# Usage: .ci/check-graph.sh [output-folder]   (default: artifacts/graph-check). Needs dotnet, node/npm; runs
# apt-get (as root in CI) for graphviz and chromium when they are missing. PEERINGLINT_GRAPH_SIZES overrides the
# organisation sizes (default "100 1000").
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
# The overview's Mermaid (one subgraph per account/region group, the hub kept) goes through the parser too.
"${cli[@]}" graph examples/nextwork-peering-broken.yaml --view overview --format mermaid --output "$out/nextwork-peering-broken.overview.mmd" 2>/dev/null
"${cli[@]}" graph examples/transit-gateway/hub-and-spoke.yaml --view overview --format mermaid --output "$out/hub-and-spoke.overview.mmd" 2>/dev/null

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

# 4. Overview at scale.
chrome() {
  local prof
  prof="$(mktemp -d)"
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$prof" "$@" 2>/dev/null || true
  rm -rf "$prof"
}

cat > "$out/check_overview.py" <<'PY'
import glob, json, os, re, sys, xml.etree.ElementTree as ET
mode, path, org = sys.argv[1], sys.argv[2], sys.argv[3]
ids = set()
for f in glob.glob(os.path.join(org, "**", "Vpcs.json"), recursive=True):
    ids.update(v["VpcId"] for v in json.load(open(f))["Vpcs"])
assert ids, "no VPCs in " + org
if mode == "svg":
    # The overview SVG as the report embeds it (the same bytes `--format svg` writes).
    text = open(path, encoding="utf-8").read()
    start = text.index("<svg")
    ns = "{http://www.w3.org/2000/svg}"
    root = ET.fromstring(text[start:text.index("</svg>", start) + len("</svg>")])
    _, _, w, h = (float(x) for x in root.get("viewBox").split())
    assert 0.5 <= w / h <= 2.0, f"aspect {w/h:.2f} is not within 2:1"
    boxes, seen = [], set()
    for g in root.iter(ns + "g"):
        cls = (g.get("class") or "").split()
        if "vpc" in cls or "hub" in cls:
            r = g.find(ns + "rect")
            boxes.append(tuple(float(r.get(k)) for k in ("x", "y", "width", "height")))
            if g.get("data-vpc"):
                seen.add(g.get("data-vpc"))
    missing = ids - seen
    assert not missing, f"{len(missing)} VPCs missing from the SVG, e.g. {sorted(missing)[:3]}"
    boxes.sort()
    for i, (x, y, bw, bh) in enumerate(boxes):
        assert x >= 0 and y >= 0 and x + bw <= w and y + bh <= h, f"box at {x},{y} outside the picture"
        for (x2, y2, bw2, bh2) in boxes[i + 1:]:
            if x2 >= x + bw:
                break
            assert not (y < y2 + bh2 and y2 < y + bh), f"boxes at {x},{y} and {x2},{y2} overlap"
    print(f"overview ok  {path}: {len(boxes)} boxes, none overlapping, {w:.0f}x{h:.0f} (aspect {w/h:.2f})")
else:
    dom = open(path, encoding="utf-8").read()
    m = re.search(r'data-script-errors="([^"]*)"', dom)
    assert not m, "script errors: " + (m.group(1) if m else "")
    assert 'data-ready="' in dom, "the report's script did not finish"
    seen = set(re.findall(r'data-vpc="([^"]+)"', dom))
    missing = ids - seen
    assert not missing, f"{len(missing)} VPCs missing from the rendered page, e.g. {sorted(missing)[:3]}"
    rows = re.search(r'data-matrix-rows="(\d+)"', dom)
    assert rows and int(rows.group(1)) > 0, "the peering matrix has no rows"
    print(f"report ok    {path}: no script errors, {len(ids)} VPCs present, matrix {rows.group(1)} rows")
PY

echo "check-graph: building the generator"
dotnet build bench/PeeringLint.Bench -v q -nologo >/dev/null
for n in ${PEERINGLINT_GRAPH_SIZES:-100 1000}; do
  org="$out/org$n"
  rm -rf "$org"
  dotnet "$root/bench/PeeringLint.Bench/bin/Debug/net10.0/PeeringLint.Bench.dll" generate --vpcs "$n" --out "$org" >/dev/null
  start=$(date +%s%N)
  "${cli[@]}" graph "$org/aws" --format html --output "$out/report$n.html" 2>/dev/null
  end=$(date +%s%N)
  echo "graph $n VPCs: html report in $(( (end - start) / 1000000 )) ms (process start, read and rules included; Debug build)"
  python3 "$out/check_overview.py" svg "$out/report$n.html" "$org/aws" || fail=1
  chrome --dump-dom "file://$out/report$n.html" > "$out/report$n.dom.html"
  python3 "$out/check_overview.py" dom "$out/report$n.dom.html" "$org/aws" || fail=1
done

n1="$(echo ${PEERINGLINT_GRAPH_SIZES:-100 1000} | cut -d' ' -f1)"

# Drive the report's controls (search, filters, a click on a VPC, zoom, the matrix's hover, click, sorts, sizes and
# state filter, a peer in the focus panel) and check that nothing throws and the focus panel opened.
cat > "$out/exercise.html" <<'JS'
<script>
(function(){
  function fire(el,type,init){el.dispatchEvent(new (type.indexOf("key")===0?KeyboardEvent:type.indexOf("mouse")===0||type==="click"?MouseEvent:Event)(type,Object.assign({bubbles:true},init||{})));}
  var q=document.getElementById("q");q.value="vpc-0000000000000000a";fire(q,"input");fire(q,"keydown",{key:"Enter"});
  var sev=document.getElementById("sev");sev.value="error";fire(sev,"change");
  var rule=document.getElementById("rule");if(rule.options.length>1){rule.value=rule.options[1].value;fire(rule,"change");}
  q.value="";fire(q,"input");sev.value="";fire(sev,"change");rule.value="";fire(rule,"change");
  var v=document.querySelector(".diagram g.vpc, .diagram g.cluster");if(v)fire(v,"click");
  var zin=document.getElementById("zin");if(zin){fire(zin,"click");fire(document.getElementById("zfit"),"click");}
  var cv=document.getElementById("matrix-canvas");
  if(cv){var r=cv.getBoundingClientRect();fire(cv,"mousemove",{clientX:r.left+200,clientY:r.top+200});fire(cv,"click",{clientX:r.left+200,clientY:r.top+200});
    var s=document.getElementById("mxsort");["group","worst","degree","id","name"].forEach(function(k){s.value=k;fire(s,"change");});
    var z=document.getElementById("mxsize");z.value="16";fire(z,"change");
    var cb=document.querySelector("#mxstates input");cb.checked=false;fire(cb,"change");}
  var peer=document.querySelector("#focus-body .link");if(peer)fire(peer,"click");
  document.body.setAttribute("data-exercised",document.getElementById("focus").hidden?"no-focus":"focus-open");
})();
</script>
JS
for page in "report$n1" report; do
  sed -e "/<\/body>/{r $out/exercise.html" -e 'd}' "$out/$page.html" > "$out/$page.exercised.html"
  echo '</body></html>' >> "$out/$page.exercised.html"
  chrome --dump-dom "file://$out/$page.exercised.html" > "$out/$page.exercised.dom.html"
  if grep -q 'data-exercised="focus-open"' "$out/$page.exercised.dom.html" && ! grep -q 'data-script-errors=' "$out/$page.exercised.dom.html"; then
    echo "report ok    $page.html: search, filters, zoom, matrix and focus panel run without script errors"
  else
    echo "report FAIL  $page.html, driving the controls: $(grep -o 'data-script-errors="[^"]*"' "$out/$page.exercised.dom.html" || echo 'the focus panel did not open')"; fail=1
  fi
done

# The error capture must work, or the checks above prove nothing: a planted script error has to show.
sed 's|</body>|<script>definitelyNotAFunction();</script></body>|' "$out/report$n1.html" > "$out/planted.html"
chrome --dump-dom "file://$out/planted.html" > "$out/planted.dom.html"
if grep -q 'data-script-errors=' "$out/planted.dom.html"; then
  echo "report ok    a planted script error is caught"
else
  echo "report FAIL  a planted script error went unnoticed"; fail=1
fi

exit $fail
