#!/usr/bin/env bash
# test.sh — builds every configuration and runs its tests: what CI runs.
#
#   release  the whole CTest suite
#   asan     the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   tsan     the whole suite under ThreadSanitizer
#   fuzz     the bounded libFuzzer run of the front end (CTest label "fuzz")
#
# The core idea: every configuration runs even when an earlier one failed, so
# one CI run reports everything that is broken; the exit status is non-zero if
# any build or test failed, and the last lines are a summary, one line per
# configuration with its wall times. CTest's own output (failing tests' logs and
# its "N% tests passed" line) is passed through unchanged.
#
# The sanitizer environments follow the Boehm GC findings of the design notes:
# LeakSanitizer reports false leaks for malloc blocks referenced only from the
# GC heap, so ASan runs without leak detection; TSan cannot run the collector
# (its stop-the-world signals are deferred forever), so TSan runs with
# GC_DONT_GC=1. The fuzz configuration's full suite is not run again: it would
# repeat the asan run with another compiler, and the time is better spent
# fuzzing.
#
# Rejected: building the configurations in parallel. On two cores each Ninja
# already keeps both busy; interleaving only makes the log unreadable.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

"$root/scripts/setup.sh" || { echo "test.sh: setup.sh failed" >&2; exit 1; }

configs=(release asan tsan fuzz)
declare -A build_result test_result build_seconds test_seconds
failed=0
total_passed=0
total_failed=0

# The environment variables the configuration's tests run with.
test_environment() {
  case $1 in
    asan) test_env=(ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1) ;;
    tsan) test_env=(GC_DONT_GC=1 TSAN_OPTIONS=second_deadlock_stack=1) ;;
    *) test_env=() ;;
  esac
}

for config in "${configs[@]}"; do
  echo
  echo "======== $config: build"
  start=$SECONDS
  if "$root/scripts/build.sh" "$config"; then
    build_result[$config]=ok
  else
    build_result[$config]=FAILED
    failed=1
  fi
  build_seconds[$config]=$((SECONDS - start))

  if [[ ${build_result[$config]} != ok ]]; then
    test_result[$config]="not run"
    test_seconds[$config]=0
    continue
  fi

  echo
  echo "======== $config: test"
  ctest_args=(--test-dir "build/$config" --output-on-failure -j2)
  if [[ $config == fuzz ]]; then
    ctest_args+=(-L fuzz)
  fi
  test_environment "$config"
  start=$SECONDS
  log="build/$config/ctest-output.log"
  if env "${test_env[@]}" ctest "${ctest_args[@]}" 2>&1 | tee "$log"; then
    test_result[$config]=ok
  else
    test_result[$config]=FAILED
    failed=1
  fi
  # CTest's closing line: "N% tests passed, F tests failed out of T".
  if summary=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1); then
    config_failed=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$summary")
    config_total=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$summary")
    total_failed=$((total_failed + config_failed))
    total_passed=$((total_passed + config_total - config_failed))
  fi
  test_seconds[$config]=$((SECONDS - start))
done

echo
echo "======== summary"
for config in "${configs[@]}"; do
  printf '%-8s build %-6s (%4ds)   tests %-7s (%4ds)\n' "$config" \
    "${build_result[$config]}" "${build_seconds[$config]}" \
    "${test_result[$config]}" "${test_seconds[$config]}"
done
printf 'total    %ds\n' "$SECONDS"
# The plain closing line, summed over the configurations' CTest runs.
echo "test.sh: $total_passed passed, $total_failed failed"
exit $failed
