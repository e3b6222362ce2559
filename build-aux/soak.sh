#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The UI suite, many runs in a row on a busy machine: two processes burn a
# CPU each while it runs; stops at the first failure.
#
#   build-aux/soak.sh [--keep-going] [RUNS [BUILDDIR]]   (50 runs, build/ by default)
#
# Each run is build-aux/test.sh with MESON_TEST_ARGS="--suite ui" (its own
# Xvfb and D-Bus session). The log of a failed run stays in
# BUILDDIR/soak-run-N.log. With --keep-going every run is made, and the
# end says how many failed and which tests.
set -euo pipefail
cd "$(dirname "$0")/.."

keep_going=false
if [ "${1-}" = --keep-going ]; then
  keep_going=true
  shift
fi
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

failed=0
failures=()
for i in $(seq "$runs"); do
  log="$builddir/soak-run-$i.log"
  if MESON_TEST_ARGS="--suite ui" ./build-aux/test.sh "$builddir" >"$log" 2>&1; then
    rm -f "$log"
    echo "soak: run $i of $runs passed"
    continue
  fi
  failed=$((failed + 1))
  names=$(grep -E '^ *[0-9]+/[0-9]+ .*(FAIL|ERROR|TIMEOUT)' "$log" | awk '{print $4}' | sort -u | tr '\n' ' ' || true)
  failures+=("run $i: ${names:-build or setup} ($log)")
  echo "soak: run $i of $runs failed: ${names:-build or setup} (log: $log)"
  $keep_going || exit 1
done
if [ "$failed" -eq 0 ]; then
  echo "soak: $runs runs, 0 failures"
else
  echo "soak: $runs runs, $failed failed"
  printf '  %s\n' "${failures[@]}"
  exit 1
fi
