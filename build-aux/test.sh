#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Configure (build-aux/configure.sh, as run.sh does), build and run the
# whole test suite headless, under Xvfb and a private D-Bus session.
#
#   build-aux/test.sh [BUILDDIR [MESON_OPTION...]]
#
# BUILDDIR defaults to build/. A new one gets -Dwerror=true unless an option
# sets werror; an existing one is reconfigured only when options are given.
# Extra arguments for `meson test` come from $MESON_TEST_ARGS, e.g.
#   MESON_TEST_ARGS="--suite data" build-aux/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${1:-build}
[ $# -gt 0 ] && shift
./build-aux/configure.sh "$builddir" "$@"
meson compile -C "$builddir"

# shellcheck disable=SC2206 # split MESON_TEST_ARGS on purpose
run=(meson test -C "$builddir" --print-errorlogs ${MESON_TEST_ARGS:-})
# Never pop windows up on the developer's desktop, never talk to their bus.
if command -v xvfb-run >/dev/null; then
  # -noreset: Xvfb would reset whenever its last client disconnects (between
  # two tests, or while one starts helpers), refusing connections meanwhile
  # and dropping root window properties such as the accessibility bus.
  run=(xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp -noreset" "${run[@]}")
else
  echo "test.sh: xvfb-run not found; UI tests use \$DISPLAY or skip" >&2
fi
if command -v dbus-run-session >/dev/null; then
  run=(dbus-run-session -- "${run[@]}")
fi
"${run[@]}"
