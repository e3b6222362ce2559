#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Compiles every source of the app and of the UI tests against the GTK,
# libadwaita, GLib and json-glib headers of Debian 13 (GTK 4.18,
# libadwaita 1.7, GLib 2.84: what the GNOME Flatpak runtime has), syntax
# only, with the build's own flags (-Werror included). The code paths
# behind GTK_CHECK_VERSION (4, 10, 0) and ADW_CHECK_VERSION, which
# Debian 12's headers never compile, are compiled here.
#
#   build-aux/check-newer-headers.sh [BUILDDIR]     (build/ by default)
#
# Downloads the -dev packages with apt-get into a cache under
# ${XDG_CACHE_HOME:-~/.cache}/gloss-newer-headers; installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${1:-build}
suite=trixie
cache=${XDG_CACHE_HOME:-$HOME/.cache}/gloss-newer-headers
root=$cache/root
packages="libgtk-4-dev libadwaita-1-dev libgio-2.0-dev libpango1.0-dev libharfbuzz-dev libcairo2-dev
          libgdk-pixbuf-2.0-dev libgraphene-1.0-dev libjson-glib-dev libfreetype-dev"

if [ ! -f "$builddir/compile_commands.json" ]; then
  echo "check-newer-headers: configure $builddir first (build-aux/configure.sh $builddir)" >&2
  exit 1
fi

if [ ! -d "$root/usr/include/gtk-4.0" ]; then
  mkdir -p "$cache/lists/partial" "$cache/archives/partial" "$cache/debs"
  echo "deb http://deb.debian.org/debian $suite main" > "$cache/sources.list"
  apt_options=(-o "Dir::Etc::SourceList=$cache/sources.list" -o Dir::Etc::SourceParts=/dev/null
               -o "Dir::State::Lists=$cache/lists" -o "Dir::Cache=$cache" -o APT::Sandbox::User=root)
  apt-get "${apt_options[@]}" update >/dev/null
  (cd "$cache/debs" && apt-get "${apt_options[@]}" download $packages >/dev/null)
  rm -rf "$root"
  mkdir -p "$root"
  for deb in "$cache"/debs/*.deb; do
    dpkg-deb -x "$deb" "$root"
  done
fi

python3 - "$builddir" "$root" <<'EOF'
import json, os, shlex, subprocess, sys

builddir, root = sys.argv[1], sys.argv[2]
failed = 0
checked = 0
for entry in json.load(open(os.path.join(builddir, "compile_commands.json"))):
    if "/src/" not in entry["file"] and "/tests/ui/" not in entry["file"]:
        continue
    args, skip = [], False
    for arg in shlex.split(entry["command"]):
        if skip:
            skip = False
            continue
        if arg in ("-o", "-MF", "-MQ"):
            skip = True
            continue
        if arg == "-MD":
            continue
        if arg.startswith(("-I/usr/include/", "-I/usr/lib/x86_64-linux-gnu/")) and os.path.isdir(root + arg[2:]):
            arg = "-I" + root + arg[2:]
        args.append(arg)
    args[1:1] = ["-I" + root + "/usr/lib/x86_64-linux-gnu/graphene-1.0/include"]
    result = subprocess.run(args + ["-fsyntax-only"], cwd=entry["directory"], capture_output=True, text=True)
    checked += 1
    if result.returncode != 0:
        failed += 1
        sys.stderr.write(result.stderr)
print(f"check-newer-headers: {checked} files, {failed} failed")
sys.exit(1 if failed else 0)
EOF
