#!/usr/bin/env bash
# bench/rate.sh — rate accuracy: achieved vs configured requests per second.
# Starts `kazebatch sandbox` with 100 ms latency and, for each rate in RATES, runs a balance batch
# sized for SECONDS_TARGET seconds at that rate, `--burst 1` (the whole run paced) and enough
# requests in flight for the latency. Achieved rate: the run's own "rows in S s (R req/s)" figure.
# Peak: the most SENT journal entries in any one-second window (sliding, by their timestamps),
# against the limit rate + burst. Writes bench/raw/rate.json and bench/rate-results.md.
# Usage: bench/rate.sh [path/to/kazebatch]   (default: the release build).
# RATES (default "10 50 200"), SECONDS_TARGET (30) and LATENCY_MS (100) can be overridden.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BIN="${1:-$(swift build -c release --show-bin-path)/kazebatch}"
RATES="${RATES:-10 50 200}"
SECONDS_TARGET="${SECONDS_TARGET:-30}"
LATENCY_MS="${LATENCY_MS:-100}"
BURST=1
WORK="$(mktemp -d)"
SANDBOX_PID=""
cleanup() { [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p bench/raw

start_sandbox "$BIN" "$WORK/sandbox" --cards 100 --latency-ms "$LATENCY_MS"

: > "$WORK/runs.jsonl"
for RATE in $RATES; do
  ROWS=$((RATE * SECONDS_TARGET))
  CONCURRENCY=$(( RATE * LATENCY_MS * 2 / 1000 > 16 ? RATE * LATENCY_MS * 2 / 1000 : 16 ))
  { echo "cardID,currency"; for i in $(seq 1 "$ROWS"); do printf 'SB%06d,USD\n' $(( (i - 1) % 100 + 1 )); done; } > "$WORK/balance-$RATE.csv"
  echo "rate $RATE: $ROWS rows, --concurrency $CONCURRENCY" >&2
  "$BIN" run balance "$WORK/balance-$RATE.csv" --config "$WORK/sandbox/kazebatch.json" \
    --rate "$RATE" --burst "$BURST" --concurrency "$CONCURRENCY" --state-dir "$WORK/state-$RATE" \
    --results "$WORK/results-$RATE.csv" --audit "$WORK/audit-$RATE.csv" 2> "$WORK/run-$RATE.err" > "$WORK/run-$RATE.out"
  LINE="$(grep 'req/s)' "$WORK/run-$RATE.err" | tail -1)"
  JOURNAL="$(find "$WORK/state-$RATE" -name journal.jsonl | head -1)"
  python3 - "$RATE" "$BURST" "$ROWS" "$CONCURRENCY" "$LINE" "$JOURNAL" "$WORK/results-$RATE.csv" >> "$WORK/runs.jsonl" <<'PY'
import bisect, csv, json, re, sys
from datetime import datetime
rate, burst, rows, concurrency, line, journal, results = (int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]),
                                                         int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7])
elapsed, achieved = re.search(r"in ([0-9.]+) s.*\(([0-9.]+) req/s\)", line).groups()
sent = sorted(datetime.strptime(e["time"], "%Y-%m-%dT%H:%M:%S.%fZ").timestamp()
              for e in map(json.loads, open(journal)) if e["state"] == "SENT")
peak = max(bisect.bisect_left(sent, t + 1.0) - i for i, t in enumerate(sent))
succeeded = sum(1 for r in csv.DictReader(open(results)) if r["outcome"] == "SUCCEEDED")
print(json.dumps({"rate": rate, "burst": burst, "rows": rows, "concurrency": concurrency, "elapsed": float(elapsed),
                  "achieved": float(achieved), "error_percent": (float(achieved) - rate) / rate * 100,
                  "peak_1s": peak, "limit_1s": rate + burst, "succeeded": succeeded}))
PY
  tail -1 "$WORK/runs.jsonl" >&2
done
python3 -c 'import json, sys; print(json.dumps([json.loads(l) for l in open(sys.argv[1])]))' "$WORK/runs.jsonl" > bench/raw/rate.json
python3 - "$LATENCY_MS" "$SECONDS_TARGET" "$(nproc)" bench/raw/rate.json > bench/rate-results.md <<'PY'
import json, sys, time
latency, seconds, cores, runs = sys.argv[1], sys.argv[2], sys.argv[3], json.load(open(sys.argv[4]))
print("# Rate accuracy\n")
print(f"`bench/rate.sh`: `balance` batches sized for {seconds} s against `kazebatch sandbox --latency-ms {latency}`, "
      f"`--burst 1`, on {cores} cores, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC. Elapsed is measured by the run "
      "itself from the first send to the last answer; the peak is the most requests sent in any one-second window.\n")
print("| configured rps | rows | concurrency | elapsed s | achieved rps | error | peak in 1 s | limit (rate + burst) |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in runs:
    print(f"| {r['rate']} | {r['rows']} | {r['concurrency']} | {r['elapsed']:.1f} | {r['achieved']:.1f} | "
          f"{r['error_percent']:+.2f} % | {r['peak_1s']} | {r['limit_1s']} |")
PY
cat bench/rate-results.md
