#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build the Flatpak from flatpak/APP_ID.json with flatpak-builder, install
# it into the user installation, and optionally bundle and check it;
# offline, see docs/flatpak.md.
#
#   build-aux/flatpak.sh [--devel] [--bundle] [--check]
#
#   --devel    the development manifest (io.github.glossapp.Gloss.Devel,
#              -Ddevelopment=true), installable next to the stable one
#   --bundle   also write gloss.flatpak (gloss-devel.flatpak with --devel),
#              a single-file bundle: flatpak install --user gloss.flatpak
#   --check    then run build-aux/flatpak-check.sh on the installed app (the
#              bundle's, with --bundle):
#              it opens the sample inside the sandbox, saves and exports
#              through the document portal, and checks the files on the host
#
# When org.gnome.Platform and org.gnome.Sdk of the manifest's runtime-version
# are not installed, runs the offline stand-in first
# ($STANDIN_SCRIPT, default ../shared/flatpak-standin/make-standin-runtime;
# as root, about 6 minutes and 1.7-3.7 GB the first time).
# Slow: not part of CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

app_id=io.github.glossapp.Gloss
bundle_name=gloss.flatpak
bundle= check=
for arg in "$@"; do
  case "$arg" in
    --devel) app_id=io.github.glossapp.Gloss.Devel bundle_name=gloss-devel.flatpak ;;
    --bundle) bundle=1 ;;
    --check) check=1 ;;
    *) echo "usage: $0 [--devel] [--bundle] [--check]" >&2; exit 2 ;;
  esac
done
manifest=flatpak/$app_id.json

for tool in flatpak flatpak-builder; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is missing: apt-get install flatpak flatpak-builder" >&2
    exit 1
  fi
done

version=$(sed -n 's/^ *"runtime-version": *"\([^"]*\)".*/\1/p' "$manifest")
if ! flatpak info --user "org.gnome.Platform//$version" >/dev/null 2>&1 ||
   ! flatpak info --user "org.gnome.Sdk//$version" >/dev/null 2>&1; then
  standin=${STANDIN_SCRIPT:-../shared/flatpak-standin/make-standin-runtime}
  if [ ! -f "$standin" ]; then
    echo "org.gnome.Platform//$version and org.gnome.Sdk//$version are not installed" >&2
    echo "and there is no stand-in at $standin; install them from Flathub:" >&2
    echo "  flatpak install --user flathub org.gnome.Platform//$version org.gnome.Sdk//$version" >&2
    exit 1
  fi
  echo "== no GNOME $version runtime: building the offline stand-in ($standin)"
  STANDIN_VERSION=$version STANDIN_PRUNE=${STANDIN_PRUNE:-1} bash "$standin"
fi

echo "== flatpak-builder $manifest"
flatpak-builder --user --install --force-clean --disable-rofiles-fuse \
  --repo=_flatpak-repo _flatpak "$manifest"

if [ -n "$bundle" ]; then
  echo "== flatpak build-bundle -> $bundle_name"
  # The runtime comes from Flathub when the user installs the bundle.
  flatpak build-bundle --runtime-repo=https://flathub.org/repo/flathub.flatpakrepo \
    _flatpak-repo "$bundle_name" "$app_id"
  ls -l "$bundle_name"
  # What the user does with it: install the bundle in place of the build.
  # Offline (the stand-in) the bundle's runtime origin cannot be fetched:
  # the runtime is installed already, so skip the dependencies then.
  flatpak uninstall --user -y --noninteractive "$app_id" >/dev/null
  flatpak install --user -y --noninteractive --bundle "$bundle_name" ||
    flatpak install --user -y --noninteractive --no-deps --bundle "$bundle_name"
  flatpak info --user "$app_id" | sed -n '1,/^ *Origin/p'
fi

if [ -n "$check" ]; then
  ./build-aux/flatpak-check.sh "$app_id"
fi
