#!/usr/bin/env bash
# Step "Result" of action.yml: fails the job with PeeringLint's exit code (EXIT_CODE, from the step "Lint") after
# the SARIF upload: 1 for findings at or above the threshold unless INPUT_FAIL_ON_FINDINGS is false, 2 for invalid
# input always. Tested outside GitHub by .ci/check-action.sh.
set -euo pipefail
code="${EXIT_CODE:-}"
case "$code" in
  0) echo "PeeringLint: no findings at or above the threshold" ;;
  1)
    if [ "${INPUT_FAIL_ON_FINDINGS:-true}" = "false" ]; then
      echo "PeeringLint: findings at or above the threshold (not failing: fail-on-findings is false)"
      exit 0
    fi
    echo "PeeringLint: findings at or above the threshold (exit code 1)"
    exit 1
    ;;
  2) echo "PeeringLint: invalid input or configuration (exit code 2)"; exit 2 ;;
  '') echo "::error title=PeeringLint::the lint step gave no exit code"; exit 2 ;;
  *) echo "PeeringLint: exit code $code"; exit "$code" ;;
esac
