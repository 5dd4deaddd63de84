#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets (Tests/Fuzz/<target>/, declared in Package.swift only
# when KAZEBATCH_FUZZ is set) with AddressSanitizer in .build/fuzz, then runs each for
# FUZZ_SECONDS (default 60) from its committed seed corpus. New inputs go to
# .build/fuzz/corpus/<target>, crashes to .build/fuzz/artifacts/<target>/. Prints one line per
# target (executions, corpus, crashes) and writes them to .build/fuzz/summary.md. Exits 1 when
# any target crashed, ran out of memory or time, or did not build.
#   FUZZ_SECONDS=N       seconds per target
#   FUZZ_TARGETS="a b"   only these targets (folder names under Tests/Fuzz)
#   FUZZ_RSS_MB=N        libFuzzer's memory limit per target (default 2048)
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
rss_mb=${FUZZ_RSS_MB:-2048}
all_targets="csv-reader jsonl-reader json-parser envelope http-response http-request config"
targets=${FUZZ_TARGETS:-$all_targets}
scratch=.build/fuzz
swift=${SWIFT:-swift}

product_of() {  # folder name → executable product (csv-reader → FuzzCSVReader)
  case "$1" in
    csv-reader) echo FuzzCSVReader ;; jsonl-reader) echo FuzzJSONLReader ;; json-parser) echo FuzzJSONParser ;;
    envelope) echo FuzzEnvelope ;; http-response) echo FuzzHTTPResponse ;; http-request) echo FuzzHTTPRequest ;;
    config) echo FuzzConfig ;; *) echo "unknown fuzz target $1 (known: $all_targets)" >&2; return 1 ;;
  esac
}

failed=0
summary="$scratch/summary.md"
mkdir -p "$scratch"
printf '| target | seconds | executions | exec/s | corpus (files/bytes) | crashes |\n|---|---|---|---|---|---|\n' > "$summary"
for target in $targets; do
  product=$(product_of "$target") || { failed=1; continue; }
  echo "== $target: building $product"
  if ! KAZEBATCH_FUZZ=1 timeout 1800 "$swift" build -c debug --scratch-path "$scratch" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$product" 2>&1 \
      | grep -v 'Cannot export local symbol' | tail -3; then
    echo "kazebatch fuzz: $target did not build" >&2; failed=1; continue
  fi
  work="$scratch/corpus/$target"; artifacts="$scratch/artifacts/$target"; log="$scratch/$target.log"
  mkdir -p "$work" "$artifacts"
  echo "== $target: fuzzing for $seconds s"
  # Swift's own backtracer reads the crashed stack in a way AddressSanitizer reports as
  # stack-buffer-underflow; libFuzzer's report of the real crash is all we need.
  SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$PWD/Tests/Sanitizers/lsan.supp" \
  timeout $((seconds + 120)) "$scratch/debug/$product" -max_total_time="$seconds" -rss_limit_mb="$rss_mb" \
    -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "Tests/Fuzz/$target/corpus" > "$log" 2>&1
  status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(grep -Eo 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2)
  crashes=$(find "$artifacts" -type f | wc -l)
  printf '| %s | %s | %s | %s | %s | %s |\n' "$target" "$seconds" "${execs:-?}" "${rate:-?}" "${corpus:-?}" "$crashes" >> "$summary"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    echo "kazebatch fuzz: $target FAILED (exit $status); log $log, inputs in $artifacts/" >&2
    grep -m5 -E 'ERROR|fuzz property broken|Fatal error|SUMMARY' "$log" >&2
    failed=1
  else
    echo "== $target: ${execs:-?} executions, corpus ${corpus:-?}, no crash"
  fi
done
echo; cat "$summary"
exit $failed
