#!/usr/bin/env bash
# Step "Install PeeringLint" of action.yml. Installs the tool into a tool path under $RUNNER_TEMP and writes its
# executable to the step output `path` (and the folder to $GITHUB_PATH, so later steps can run `peeringlint`):
#   PEERINGLINT_VERSION set:   `dotnet tool install PeeringLint --version V` from the configured NuGet sources;
#   PEERINGLINT_VERSION empty: `dotnet pack` of src/PeeringLint.Cli in the action's own checkout ($GITHUB_ACTION_PATH),
#                              installed from that package only.
# A second use of the action in the same job reuses the installed tool. Tested outside GitHub by .ci/check-action.sh.
set -euo pipefail
: "${RUNNER_TEMP:?}" "${GITHUB_OUTPUT:?}" "${GITHUB_ACTION_PATH:?}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

version="${PEERINGLINT_VERSION:-}"
version="${version//[[:space:]]/}"
if [ -n "$version" ] && ! [[ "$version" =~ ^[0-9A-Za-z.+-]+$ ]]; then
  echo "::error title=PeeringLint::version '$version' is not a NuGet version"
  exit 2
fi
home="$RUNNER_TEMP/peeringlint-${version:-source}"
tools="$home/tools"

if [ ! -x "$tools/peeringlint" ]; then
  # A private package folder for the install: a PeeringLint package of the same version cached earlier is never used.
  if [ -n "$version" ]; then
    NUGET_PACKAGES="$home/nuget" dotnet tool install PeeringLint --version "$version" --tool-path "$tools"
  else
    dotnet pack "$GITHUB_ACTION_PATH/src/PeeringLint.Cli" -c Release -o "$home/feed" --nologo -v q
    pkg="$(ls "$home"/feed/PeeringLint.*.nupkg | head -n 1)"
    built="$(basename "$pkg" .nupkg)"; built="${built#PeeringLint.}"
    # Only the package just built: a source that serves another PeeringLint of the same version is never asked.
    printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' >"$home/nuget.config"
    NUGET_PACKAGES="$home/nuget" dotnet tool install PeeringLint --version "$built" --tool-path "$tools" \
      --configfile "$home/nuget.config" --add-source "$home/feed"
  fi
fi

"$tools/peeringlint" --version
echo "path=$tools/peeringlint" >>"$GITHUB_OUTPUT"
[ -z "${GITHUB_PATH:-}" ] || echo "$tools" >>"$GITHUB_PATH"
