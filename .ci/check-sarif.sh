#!/usr/bin/env bash
# check-sarif.sh - writes SARIF for every example (examples/*.yaml, and every file and folder below
# examples/) and every shipped fixture (each file under tests/Fixtures, and each scenario folder below
# tests/Fixtures/<format>/), then validates all logs with ../shared/tools/validate-sarif.sh twice: with the
# SARIF rules and with GitHub code scanning's rules (--rule-kind "Sarif;Ghas"). Warnings fail too
# (--fail-on-warning): a warning must be fixed, or justified and this flag relaxed with a comment.
# Inputs that are invalid on purpose (exit code 2) are fine, but the SARIF they produce is still validated.
# Quiet on success except one summary line.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
validator="$(dirname "$0")/../../shared/tools/validate-sarif.sh"
[ -x "$validator" ] || [ -f "$validator" ] || { echo "check-sarif: validator not found at $validator" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/PeeringLint.Cli" -c Release --nologo -v q >"$work/build.txt" 2>&1 \
  || { tail -n 40 "$work/build.txt" >&2; echo "check-sarif: FAILED: build" >&2; exit 1; }
cli="$repo/src/PeeringLint.Cli/bin/Release/net10.0/peeringlint.dll"

cd "$repo"
inputs=()
# Examples: top-level files, then every file and folder below examples/.
while IFS= read -r -d '' f; do inputs+=("$f"); done < <(find examples -mindepth 1 \( -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -o -type d \) -print0 2>/dev/null | sort -z)
# Fixtures: every input file on its own, and every scenario folder (depth >= 2: tests/Fixtures/<format>/<scenario>/).
if [ -d tests/Fixtures ]; then
  while IFS= read -r -d '' f; do inputs+=("$f"); done < <(find tests/Fixtures -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0 | sort -z)
  while IFS= read -r -d '' d; do inputs+=("$d"); done < <(find tests/Fixtures -mindepth 2 -type d -print0 | sort -z)
fi
[ ${#inputs[@]} -gt 0 ] || { echo "check-sarif: FAILED: no inputs found" >&2; exit 1; }

logs=()
invalid=0
findings=0
for input in "${inputs[@]}"; do
  out="$work/sarif/$(echo "$input" | sed 's#[/ ]#__#g').sarif"
  mkdir -p "$work/sarif"
  set +e
  dotnet "$cli" lint "$input" --format sarif --output "$out" >/dev/null 2>"$work/stderr.txt"
  rc=$?
  set -e
  case $rc in
    0) ;;
    1) findings=$((findings + 1)) ;;
    2) invalid=$((invalid + 1)) ;;
    *) cat "$work/stderr.txt" >&2; echo "check-sarif: FAILED: peeringlint crashed on $input (exit $rc)" >&2; exit 1 ;;
  esac
  if [ -s "$out" ]; then
    logs+=("$out")
  elif [ $rc -ne 2 ]; then
    echo "check-sarif: FAILED: no SARIF written for $input (exit $rc)" >&2; exit 1
  fi
done

for kind in "Sarif" "Sarif;Ghas"; do
  if ! bash "$validator" --fail-on-warning --rule-kind "$kind" "${logs[@]}" >"$work/validate.txt" 2>&1; then
    cat "$work/validate.txt" >&2
    echo "check-sarif: FAILED: validate-sarif.sh --rule-kind \"$kind\" reported errors or warnings" >&2
    exit 1
  fi
done

echo "check-sarif: ok: ${#logs[@]} SARIF logs from ${#inputs[@]} inputs ($findings with findings, $invalid invalid on purpose) valid for Sarif and Sarif;Ghas rules, 0 errors, 0 warnings"
