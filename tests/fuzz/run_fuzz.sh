#!/usr/bin/env bash
# run_fuzz.sh — the bounded fuzz run that CTest does in the fuzz configuration.
#
#   run_fuzz.sh FUZZER SOURCE_DIR WORK_DIR SECONDS
#
# To fuzz longer than CTest does, run it directly, e.g. for an hour:
#   tests/fuzz/run_fuzz.sh build/fuzz/tests/fuzz/front_end_fuzz . /tmp/gol-fuzz 3600
#
# Seeds a fresh corpus with every .gol program of the repository (the check
# corpus and the examples), then fuzzes for SECONDS. libFuzzer exits non-zero
# on a crash, a sanitizer report, an input slower than the per-input timeout,
# or one over the memory limit; this script then names the saved input so it
# can be replayed (`FUZZER INPUT`) and fails the test.
#
# Leak detection is off (-detect_leaks=0). The checker keeps every type,
# object and package it creates alive for the life of the process (the
# compiler and the VM will point into them; see lang/types.h), so every input
# ends with more memory allocated than freed. libFuzzer answers that with a
# full LeakSanitizer heap scan after each such input, over a heap that only
# grows: measured, that made fuzzing 6x slower (about 25 instead of 150
# inputs/s) and found nothing, since the memory is still reachable.
#
# The same retention makes the fuzzer's RSS grow with every input (measured:
# 1 GB after 24,000 inputs, and the 2 GB limit after 44,000, about five
# minutes), so the run is cut into slices of at most kSliceSeconds, each a
# fresh process that resumes from the corpus the previous slices grew. A slice
# stays far below the limit even on a machine several times faster, and an
# input that really needs too much memory still fails the run.
#
# The seeds are copied, not used in place: libFuzzer writes what it discovers
# into its first corpus folder, and generated inputs must not land in the
# source tree. WORK_DIR is wiped on every run so each run is reproducible from
# the repository alone.
set -euo pipefail

if (($# != 4)); then
  echo "usage: run_fuzz.sh FUZZER SOURCE_DIR WORK_DIR SECONDS" >&2
  exit 2
fi
fuzzer=$1 source_dir=$2 work=$3 seconds=$4

rm -rf "$work"
mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"

# Flattened names keep tests/check/valid/x.gol and tests/check/invalid/x.gol apart.
seeds=0
while IFS= read -r -d '' file; do
  relative=${file#"$source_dir"/}
  cp "$file" "$work/seeds/${relative//\//__}"
  seeds=$((seeds + 1))
done < <(find "$source_dir/tests" "$source_dir/examples" -name '*.gol' -type f -print0 2>/dev/null)
echo "run_fuzz.sh: $seeds seed programs, fuzzing for ${seconds}s"

readonly kSliceSeconds=60
status=0
remaining=$seconds
while ((status == 0 && remaining > 0)); do
  slice=$((remaining < kSliceSeconds ? remaining : kSliceSeconds))
  "$fuzzer" "$work/corpus" "$work/seeds" \
    -dict="$(dirname "${BASH_SOURCE[0]}")/gol.dict" \
    -max_total_time="$slice" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 || status=$?
  remaining=$((remaining - slice))
done

shopt -s nullglob
artifacts=("$work/artifacts"/*)
if ((status != 0 || ${#artifacts[@]} > 0)); then
  echo "run_fuzz.sh: FAILED (fuzzer exit status $status)" >&2
  for artifact in "${artifacts[@]}"; do
    echo "run_fuzz.sh: input saved as $artifact; replay with: $fuzzer $artifact" >&2
    echo "--- first 512 bytes, escaped:" >&2
    head -c 512 "$artifact" | od -c | head -40 >&2
  done
  exit 1
fi
echo "run_fuzz.sh: no crash or hang in ${seconds}s"
