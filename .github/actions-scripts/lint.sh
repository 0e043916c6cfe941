#!/usr/bin/env bash
# Step "Lint" of action.yml: runs `peeringlint lint` in $GITHUB_WORKSPACE with the action's inputs (INPUT_* variables,
# set from `inputs.*` in action.yml; never substituted into the script, so no input can inject shell code) and
# writes the step outputs exit-code, sarif-file and report-file. It exits 0 whatever PeeringLint found, so that the
# SARIF upload runs; the step "Result" (result.sh) fails the job. Invalid inputs of the action itself exit 2 here.
# Tested outside GitHub by .ci/check-action.sh.
set -euo pipefail
: "${PEERINGLINT:?}" "${RUNNER_TEMP:?}" "${GITHUB_OUTPUT:?}"
cd "${GITHUB_WORKSPACE:-.}"

bad() {
  echo "::error title=PeeringLint::$1"
  exit 2
}

trim() {
  local s="$1"
  s="${s#"${s%%[![:space:]]*}"}"
  printf '%s' "${s%"${s##*[![:space:]]}"}"
}

args=(lint)
[ -z "${INPUT_CONFIG:-}" ] || args+=(--config "$(trim "$INPUT_CONFIG")")
threshold="$(trim "${INPUT_SEVERITY_THRESHOLD:-warning}")"
case "$threshold" in
  note|warning|error) args+=(--severity-threshold "$threshold") ;;
  *) bad "severity-threshold must be note, warning or error, not '$threshold'" ;;
esac

# parameters: one Name=Value per line.
while IFS= read -r line || [ -n "$line" ]; do
  line="$(trim "$line")"
  [ -n "$line" ] || continue
  [[ "$line" == ?*=* ]] || bad "parameters: '$line' is not Name=Value"
  args+=(--parameter "$line")
done <<<"${INPUT_PARAMETERS:-}"

sarif=""
report=""
case "$(trim "${INPUT_UPLOAD_SARIF:-false}")" in
  true)
    mkdir -p "$RUNNER_TEMP/peeringlint-results"
    sarif="$(mktemp "$RUNNER_TEMP/peeringlint-results/peeringlint-XXXXXX.sarif")"
    args+=(--format sarif --output "$sarif")
    ;;
  false)
    format="$(trim "${INPUT_FORMAT:-github}")"
    case "$format" in
      github|text|json|sarif|junit|gitlab|azure) args+=(--format "$format") ;;
      *) bad "format must be github, text, json, sarif, junit, gitlab or azure, not '$format'" ;;
    esac
    report="$(trim "${INPUT_OUTPUT:-}")"
    [ -z "$report" ] || args+=(--output "$report")
    ;;
  *) bad "upload-sarif must be true or false, not '${INPUT_UPLOAD_SARIF}'" ;;
esac

# paths: one per line (a line may hold spaces); after `--`, so that no path is read as an option.
paths=()
while IFS= read -r line || [ -n "$line" ]; do
  line="$(trim "$line")"
  [ -z "$line" ] || paths+=("$line")
done <<<"${INPUT_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
args+=(-- "${paths[@]}")

echo "peeringlint ${args[*]}"
set +e
NO_COLOR=1 "$PEERINGLINT" "${args[@]}"
code=$?
set -e

echo "exit-code=$code" >>"$GITHUB_OUTPUT"
if [ -n "$sarif" ] && [ -s "$sarif" ]; then
  echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
fi
if [ -n "$report" ] && [ -e "$report" ]; then
  echo "report-file=$report" >>"$GITHUB_OUTPUT"
fi
