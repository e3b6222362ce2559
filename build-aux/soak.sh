#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The UI suite, many runs in a row on a busy machine: two processes burn a
# CPU each while it runs; stops at the first failure.
#
#   build-aux/soak.sh [RUNS [BUILDDIR]]     (50 runs, build/ by default)
#
# Each run is build-aux/test.sh with MESON_TEST_ARGS="--suite ui" (its own
# Xvfb and D-Bus session). The logs of a failed run stay in
# BUILDDIR/meson-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-50}
builddir=${2:-build}

burners=()
stop_burners () {
  for pid in "${burners[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap stop_burners EXIT
for _ in 1 2; do
  (while :; do :; done) &
  burners+=($!)
done

for i in $(seq "$runs"); do
  if ! MESON_TEST_ARGS="--suite ui" ./build-aux/test.sh "$builddir" >"$builddir/soak-run.log" 2>&1; then
    grep -E '^ *[0-9]+/[0-9]+ .*(FAIL|ERROR|TIMEOUT)' "$builddir/soak-run.log" || true
    echo "soak: run $i of $runs failed (log: $builddir/soak-run.log)"
    exit 1
  fi
  echo "soak: run $i of $runs passed"
done
echo "soak: $runs runs, 0 failures"
