#!/usr/bin/env bash
# bench/durability.sh — what durability costs: a recharge batch of ROWS rows against
# `kazebatch sandbox` (no latency) at `--concurrency 16`, with the journal's and audit log's
# group-commit fsyncs on (as always) and off (KAZEBATCH_BENCH_NO_FSYNC=1, a hidden switch for
# this benchmark only — never use it for real batches). On and off alternate, RUNS each; the
# throughput is the run's own "rows in S s (R req/s)" figure. Writes bench/raw/durability.json.
# Usage: bench/durability.sh [ROWS] [RUNS]   (default 3000 rows, 3 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
ROWS=${1:-3000}
RUNS=${2:-3}
BIN="$(swift build -c release --show-bin-path)/kazebatch"
WORK=bench/work/durability
SANDBOX_PID=""
cleanup() { [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
rm -rf "$WORK"; mkdir -p "$WORK" bench/raw

CARDS=$(( ROWS / 10 > 100 ? ROWS / 10 : 100 ))
start_sandbox "$BIN" "$WORK/sandbox" --cards "$CARDS"
# Each row a distinct (card, amount) pair so nothing is a duplicate; about 10 small recharges per
# card per run, so no card nears a platform limit however many runs.
python3 -c 'import sys
rows, cards = int(sys.argv[1]), int(sys.argv[2])
print("cardID,currency,amount")
for i in range(rows): print(f"SB{i % cards + 1:06d},USD,{i // cards + 1}.00")' "$ROWS" "$CARDS" > "$WORK/recharge.csv"

: > "$WORK/runs.txt"
for run in $(seq "$RUNS"); do
  for mode in on off; do
    # A fresh state folder each time; --allow-repeat because the same file is sent again.
    if [ "$mode" = off ]; then export KAZEBATCH_BENCH_NO_FSYNC=1; else unset KAZEBATCH_BENCH_NO_FSYNC; fi
    "$BIN" run recharge "$WORK/recharge.csv" --config "$WORK/sandbox/kazebatch.json" --state-dir "$WORK/state-$mode-$run" \
      --rate 10000 --concurrency 16 --allow-repeat --results "$WORK/r-$mode-$run.csv" --audit "$WORK/a-$mode-$run.csv" \
      2> "$WORK/err-$mode-$run.txt" > /dev/null || { cat "$WORK/err-$mode-$run.txt" >&2; exit 1; }
    unset KAZEBATCH_BENCH_NO_FSYNC
    echo "$mode $(grep 'req/s)' "$WORK/err-$mode-$run.txt" | tail -1)" | tee -a "$WORK/runs.txt" >&2
  done
done
cp "$WORK/runs.txt" bench/raw/durability.txt
python3 - "$WORK/runs.txt" "$ROWS" > bench/raw/durability.json <<'PY'
import json, re, statistics, sys
rates = {"on": [], "off": []}
for line in open(sys.argv[1]):
    mode, rest = line.split(" ", 1)
    rates[mode].append(float(re.search(r"\(([0-9.]+) req/s\)", rest).group(1)))
on, off = statistics.median(rates["on"]), statistics.median(rates["off"])
print(json.dumps({"rows": int(sys.argv[2]), "fsync_on_rps": on, "fsync_off_rps": off, "on_runs": rates["on"],
                  "off_runs": rates["off"], "gap_percent": (off - on) / off * 100}))
PY
cat bench/raw/durability.json
