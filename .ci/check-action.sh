#!/usr/bin/env bash
# check-action.sh - the GitHub Action (action.yml) and the documented GitHub workflows:
#   1. @action-validator/cli 0.6.0 (npm, installed once into a cache folder) validates action.yml against GitHub's
#      action schema and docs/ci/github-*.yml against the workflow schema; a deliberately broken action must fail it;
#   2. the action's steps run outside GitHub, read from action.yml by a small runner (Python, below) with the
#      environment GitHub sets (GITHUB_WORKSPACE, GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP), the
#      `${{ inputs.* }}`, `${{ steps.*.outputs.* }}` and `if:` expressions evaluated, `uses:` steps recorded instead of
#      run: a broken template fails with exit 1 and ::error annotations, good inputs pass with exit 0, upload-sarif
#      hands a SARIF file with the findings to upload-sarif, parameters reach the template, invalid inputs exit 2.
# The action's install step packs the tool from this checkout once (~1 min). Quiet on success except one line.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$SECONDS

fail() {
  echo "check-action: FAILED: $1" >&2
  [ -n "${2:-}" ] && [ -s "$2" ] && tail -n 60 "$2" >&2
  exit 1
}

# 1. action-validator.
VALIDATOR_VERSION=0.6.0
cache="${ACTION_VALIDATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/peeringlint/action-validator}"
cli="$cache/node_modules/@action-validator/cli/cli.mjs"
if [ ! -f "$cli" ] || [ ! -f "$cache/node_modules/@action-validator/core/package.json" ]; then
  echo "check-action: installing @action-validator/cli@$VALIDATOR_VERSION into $cache" >&2
  mkdir -p "$cache"
  [ -f "$cache/package.json" ] || echo '{"name":"action-validator-cache","private":true}' >"$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --loglevel=error \
      "@action-validator/cli@$VALIDATOR_VERSION" "@action-validator/core@$VALIDATOR_VERSION") >"$work/npm.txt" 2>&1 \
    || fail "npm install @action-validator/cli" "$work/npm.txt"
fi
validate() { node "$cli" "$1" >"$work/validator.txt" 2>&1; }

validated=0
for f in "$repo/action.yml" "$repo"/docs/ci/github-*.yml; do
  validate "$f" || fail "action-validator: ${f#"$repo/"}" "$work/validator.txt"
  validated=$((validated + 1))
done
# The validator must be able to fail: an action whose step lacks `shell:` and has an unknown key.
mkdir -p "$work/bad"
printf 'name: x\ndescription: x\nruns:\n  using: composite\n  steps:\n    - run: echo\n      bogus: 1\n' >"$work/bad/action.yml"
if validate "$work/bad/action.yml"; then fail "action-validator accepted a broken action.yml"; fi

# 2. The action's steps, run as GitHub would run them.
python=/usr/bin/python3
if ! "$python" -c 'import yaml' 2>/dev/null; then
  echo "check-action: installing Debian's python3-yaml" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml) >"$work/apt.txt" 2>&1 \
    || fail "apt-get install python3-yaml" "$work/apt.txt"
fi

cat >"$work/run-action.py" <<'PY'
"""Runs a composite action's steps outside GitHub. argv: action.yml, workspace, runner temp, JSON of inputs.
Prints a JSON report: each step (ran, exit code, output), the `uses:` steps with their `with:`, the outputs."""
import json, os, re, subprocess, sys, yaml

action_file, workspace, runner_temp, given = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
action = yaml.safe_load(open(action_file, encoding="utf-8"))
action_path = os.path.dirname(os.path.abspath(action_file))
inputs = {k: str(v.get("default", "")) for k, v in action.get("inputs", {}).items()}
for k, v in given.items():
    if k not in inputs:
        sys.exit(f"no input {k!r} in action.yml")
    inputs[k] = v
steps, report, failed = {}, {"steps": [], "uses": []}, False

def ref(name):
    parts = name.split(".")
    if parts[0] == "inputs" and len(parts) == 2 and parts[1] in inputs:
        return inputs[parts[1]]
    if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
        return steps.get(parts[1], {}).get(parts[3], "")
    if name == "github.action_path":
        return action_path
    if name == "github.workspace":
        return workspace
    raise SystemExit(f"unsupported expression {name!r}")

REF = re.compile(r"\b(?:inputs|steps|github)(?:\.[A-Za-z_][\w-]*)+")

def substitute(text):
    return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: ref(m.group(1)), str(text))

def condition(expr):
    expr = str(expr).strip()
    if expr.startswith("${{"):
        expr = expr[3:-2].strip()
    if not re.search(r"\b(always|success|failure|cancelled)\(\)", expr):
        expr = f"success() && ({expr})"
    py = REF.sub(lambda m: repr(ref(m.group(0))), expr)
    py = py.replace("&&", " and ").replace("||", " or ")
    py = re.sub(r"!(?!=)", " not ", py)
    py = py.replace("always()", "True").replace("success()", str(not failed)).replace("failure()", str(failed)).replace("cancelled()", "False")
    return eval(py, {"__builtins__": {}}, {})

for i, step in enumerate(action["runs"]["steps"]):
    entry = {"name": step.get("name", f"step {i}"), "ran": False}
    report["steps"].append(entry)
    if not condition(step.get("if", "success()")):
        continue
    entry["ran"] = True
    if "uses" in step:
        report["uses"].append({"uses": step["uses"], "with": {k: substitute(v) for k, v in step.get("with", {}).items()}})
        continue
    assert step.get("shell") == "bash", "every run step says shell: bash"
    output = os.path.join(runner_temp, f"output-{i}")
    open(output, "w").close()
    env = dict(os.environ, CI="true", GITHUB_ACTIONS="true", GITHUB_WORKSPACE=workspace, GITHUB_ACTION_PATH=action_path,
               RUNNER_TEMP=runner_temp, GITHUB_OUTPUT=output, GITHUB_PATH=os.path.join(runner_temp, "path"))
    env.update({k: substitute(v) for k, v in step.get("env", {}).items()})
    script = os.path.join(runner_temp, f"step-{i}.sh")
    with open(script, "w") as f:
        f.write(substitute(step["run"]))
    p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=workspace, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    entry.update(rc=p.returncode, output=p.stdout)
    outs = {}
    for line in open(output):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            outs[k] = v
    if "id" in step:
        steps[step["id"]] = outs
    if p.returncode != 0:
        failed = True
report["failed"] = failed
report["outputs"] = {k: substitute(v["value"]) for k, v in action.get("outputs", {}).items()}
print(json.dumps(report, indent=1))
PY

# The workspace: a repository with good and broken inputs, and a template whose route comes from a parameter.
ws="$work/workspace"
mkdir -p "$ws/network" "$work/runner"
git -C "$ws" init -q
cp "$repo/examples/cloudformation/nextwork-working.yaml" "$ws/network/good.yaml"
cp "$repo/examples/nextwork-peering.yaml" "$ws/network/tutorial good.yaml"
cp "$repo/examples/cloudformation/nextwork-broken.yaml" "$ws/network/broken.yaml"
# nextwork-working.yaml with VPC 1's route to VPC 2 (line 57) taken from a parameter whose default is VPC 1's own block.
grep -q '^      DestinationCidrBlock: 10.2.0.0/16$' <(sed -n 57p "$ws/network/good.yaml") || fail "line 57 of nextwork-working.yaml moved"
sed -e '57s|10.2.0.0/16|!Ref PeerCidr|' \
    -e 's|^Resources:|Parameters:\n  PeerCidr:\n    Type: String\n    Default: 10.1.0.0/16\n\nResources:|' \
    "$ws/network/good.yaml" >"$work/parameterised.yaml"

case_no=0
run_case() { # run_case NAME INPUTS-JSON -> $work/NAME.json
  case_no=$((case_no + 1))
  "$python" "$work/run-action.py" "$repo/action.yml" "$ws" "$work/runner" "$2" >"$work/$1.json" 2>"$work/$1.err" \
    || fail "the action runner failed on case $1" "$work/$1.err"
}
q() { # q NAME PYTHON-EXPRESSION-ON-r: prints the value
  "$python" -c "import json,sys; r=json.load(open(sys.argv[1])); s={x['name']: x for x in r['steps']}; print($2)" "$work/$1.json"
}
expect() { # expect NAME PYTHON-EXPRESSION DESCRIPTION
  [ "$(q "$1" "$2")" = "True" ] || { "$python" -m json.tool "$work/$1.json" >"$work/show.txt" 2>&1 || true; fail "case $1: $3" "$work/show.txt"; }
}

# Broken template, defaults (annotations): exit 1 with ::error annotations at the findings.
run_case broken '{"paths": "network/broken.yaml", "setup-dotnet": "true"}'
expect broken "s['Install PeeringLint']['rc'] == 0" "the install step failed"
expect broken "r['outputs']['exit-code'] == '1' and s['Result']['rc'] == 1" "expected exit code 1 and a failing Result step"
expect broken "'::error file=network/broken.yaml,line=58,col=29,endLine=58,endColumn=40,title=PL1002::' in s['Lint']['output']" "no PL1002 annotation"
expect broken "'::error file=network/broken.yaml,line=110,col=29,endLine=110,endColumn=40,title=PL2001::' in s['Lint']['output']" "no PL2001 annotation"
expect broken "[u['uses'] for u in r['uses']] == ['actions/setup-dotnet@v4'] and r['uses'][0]['with'] == {'dotnet-version': '10.0.x'}" "setup-dotnet should run, upload-sarif not"

# Good inputs, two paths on two lines (one with a space in its name), no setup-dotnet: exit 0.
run_case good '{"paths": "network/good.yaml\nnetwork/tutorial good.yaml\n", "setup-dotnet": "false"}'
expect good "r['outputs']['exit-code'] == '0' and s['Result']['rc'] == 0 and not r['failed']" "expected exit code 0"
expect good "'::error' not in s['Lint']['output'] and r['uses'] == []" "annotations or uses: steps on good inputs"

# upload-sarif: the SARIF file with the findings goes to upload-sarif (always), then the job fails with exit 1.
run_case sarif '{"paths": "network", "upload-sarif": "true", "category": "network", "setup-dotnet": "false"}'
expect sarif "r['outputs']['exit-code'] == '1' and s['Result']['rc'] == 1" "expected exit code 1"
expect sarif "[u['uses'] for u in r['uses']] == ['github/codeql-action/upload-sarif@v3'] and r['uses'][0]['with']['category'] == 'network' and r['uses'][0]['with']['sarif_file'] == r['outputs']['sarif-file']" "upload-sarif not handed the SARIF file"
expect sarif "'\"ruleId\": \"PL2001\"' in open(r['outputs']['sarif-file']).read() and '::error' not in s['Lint']['output']" "the SARIF file lacks PL2001 (or annotations were printed)"

# fail-on-findings false, JUnit report to a file: exit code 1 reported, job passes.
run_case junit '{"paths": "network/broken.yaml", "format": "junit", "output": "peeringlint.xml", "fail-on-findings": "false", "setup-dotnet": "false"}'
expect junit "r['outputs']['exit-code'] == '1' and s['Result']['rc'] == 0 and r['outputs']['report-file'] == 'peeringlint.xml'" "expected exit code 1 reported and a passing job"
expect junit "'<failure type=\"PL1002\"' in open(sys.argv[1].rsplit('/', 1)[0] + '/workspace/peeringlint.xml').read()" "peeringlint.xml lacks the PL1002 failure"

# parameters: the default of PeerCidr is VPC 1's own block (PL1002); PeerCidr=10.2.0.0/16 makes the template clean.
cp "$work/parameterised.yaml" "$ws/network/parameterised.yaml"
run_case param-default '{"paths": "network/parameterised.yaml", "setup-dotnet": "false"}'
expect param-default "r['outputs']['exit-code'] == '1' and 'title=PL1002::' in s['Lint']['output']" "the parameter's default should give PL1002"
run_case param-given '{"paths": "network/parameterised.yaml", "parameters": "\n  PeerCidr=10.2.0.0/16  \n", "setup-dotnet": "false"}'
expect param-given "r['outputs']['exit-code'] == '0' and s['Result']['rc'] == 0" "PeerCidr=10.2.0.0/16 should make the template clean"

# Invalid inputs of the action: exit 2 with an ::error, nothing linted.
run_case bad-parameter '{"parameters": "PeerCidr", "setup-dotnet": "false"}'
expect bad-parameter "s['Lint']['rc'] == 2 and \"::error title=PeeringLint::parameters: 'PeerCidr' is not Name=Value\" in s['Lint']['output'] and not s['Result']['ran']" "a parameter without '=' should fail the lint step with exit 2"
run_case bad-format '{"format": "xml", "setup-dotnet": "false"}'
expect bad-format "s['Lint']['rc'] == 2 and 'format must be' in s['Lint']['output']" "an unknown format should fail the lint step with exit 2"

echo "check-action: ok: action-validator $VALIDATOR_VERSION accepts action.yml and $((validated - 1)) documented workflow(s), rejects a broken action; the action's steps run outside GitHub in $case_no cases (broken exit 1 with annotations, good exit 0, SARIF upload, JUnit file, parameters, invalid inputs exit 2) ($((SECONDS - start)) s)"
