#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build flatpak/io.github.glossapp.Gloss.json with flatpak-builder and
# install it into the user installation; offline, see docs/flatpak.md.
#
#   build-aux/flatpak.sh [--check]
#
# When org.gnome.Platform and org.gnome.Sdk of the manifest's runtime-version
# are not installed, runs the offline stand-in first
# ($STANDIN_SCRIPT, default ../shared/flatpak-standin/make-standin-runtime;
# as root, about 6 minutes and 1.7-3.7 GB the first time).
# --check then starts the app under Xvfb for 10 s and runs gloss-cli --help.
# Slow: not part of CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

app_id=io.github.glossapp.Gloss
manifest=flatpak/$app_id.json
check=
case "${1-}" in
  --check) check=1 ;;
  '') ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

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
  _flatpak "$manifest"

if [ -n "$check" ]; then
  echo "== flatpak run $app_id under Xvfb for 10 s"
  rc=0
  xvfb-run -a dbus-run-session -- timeout 10 flatpak run "$app_id" || rc=$?
  flatpak kill "$app_id" 2>/dev/null || true
  if [ "$rc" -ne 124 ]; then
    echo "gloss exited with $rc before the 10 s were up" >&2
    exit 1
  fi
  flatpak run --command=gloss-cli "$app_id" --help >/dev/null
  echo "== ok: gloss ran for 10 s; gloss-cli --help works"
fi
