#!/bin/sh
# build-aux/fuzz.sh: build the libFuzzer harnesses (tests/fuzz) with clang,
# ASan and UBSan, and run each for SECONDS (default 60).
#
#   build-aux/fuzz.sh [SECONDS] [HARNESS...]     # native jsonl doccano json-reader schema
#
# Inputs are capped at MAX_LEN bytes (default 16384: small inputs mutate
# fast). Deep nesting and very long lines need more; run now and then
#
#   MAX_LEN=262144 build-aux/fuzz.sh 600
#
# (the deep-* seeds in tests/fuzz/corpus are 100 000 levels deep).
#
# Environment: BUILDDIR (default /tmp/build-fuzz), WORKDIR (default
# BUILDDIR/fuzz-work: the growing corpora and the crash artifacts),
# JOBS (harnesses run at once; default: the number of CPUs),
# MAX_LEN (-max_len), FUZZ_ARGS (more libFuzzer flags). The seed corpora in tests/fuzz/corpus
# are only read. Exit status 1 when any harness found a crash, hang or leak;
# the reproducers are in WORKDIR/artifacts. See docs/fuzzing.md.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=${*:-native jsonl doccano json-reader schema}
builddir=${BUILDDIR:-/tmp/build-fuzz}
workdir=${WORKDIR:-$builddir/fuzz-work}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
max_len=${MAX_LEN:-16384}

command -v clang >/dev/null || {
  echo "fuzz.sh: clang is missing (Debian: apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
}

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang CFLAGS="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all ${CFLAGS:-}" \
    meson setup "$builddir" "$srcdir" -Dfuzzing=true -Dui=false \
      -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
fi
targets=
for h in $harnesses; do targets="$targets tests/fuzz/fuzz-$h"; done
# shellcheck disable=SC2086
meson compile -C "$builddir" $targets

export G_SLICE=always-malloc
export LC_ALL=C.UTF-8
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:halt_on_error=1:detect_leaks=1:allocator_may_return_null=1:fast_unwind_on_malloc=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$srcdir/tests/fuzz/lsan.supp}"

mkdir -p "$workdir/artifacts"
run_one ()
{
  h=$1
  mkdir -p "$workdir/corpus/$h"
  cp -n "$srcdir/tests/fuzz/corpus/$h/"* "$workdir/corpus/$h/" 2>/dev/null || true
  # -fork=1 with -ignore_*: keep fuzzing after a finding, so that one
  # shallow bug does not hide the others; each finding is an artifact.
  # shellcheck disable=SC2086
  "$builddir/tests/fuzz/fuzz-$h" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -dict="$srcdir/tests/fuzz/json.dict" \
    -artifact_prefix="$workdir/artifacts/$h-" \
    -print_final_stats=1 ${FUZZ_ARGS:-} \
    "$workdir/corpus/$h" > "$workdir/$h.log" 2>&1 || true
  echo "== $h: $(grep -c '^==[0-9]*==ERROR\|^SUMMARY\|runtime error\|fuzz: ' "$workdir/$h.log" || true) reports; log $workdir/$h.log"
  grep -E '^#[0-9]+.*(DONE|pulse)' "$workdir/$h.log" | tail -1 || true
}

running=0
for h in $harnesses; do
  run_one "$h" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait; running=0; fi
done
wait

found=0
for f in "$workdir/artifacts/"*; do
  [ -e "$f" ] || continue
  echo "finding: $f"
  found=1
done
exit "$found"
