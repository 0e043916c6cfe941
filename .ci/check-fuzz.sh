#!/usr/bin/env bash
# Issue 9: a short, seeded mutation-fuzz budget over every shipped input (the long run is on demand; see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/PeeringLint.Bench -c Release --nologo -v q >/dev/null
dotnet bench/PeeringLint.Bench/bin/Release/net10.0/PeeringLint.Bench.dll fuzz --cases 4000 --seed 7 --seconds 120
