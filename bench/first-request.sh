#!/usr/bin/env bash
# bench/first-request.sh — time to first request on a ROWS-row recharge file (validation pass,
# batch id, guards, journal set-up, then the first SENT entry), next to `kazebatch validate` of the
# same file (the validation pass alone) in the same run; RUNS of each, alternating, medians.
# Nothing listens on the endpoint: the first request is journaled, then the run is interrupted.
# Writes bench/raw/first-request.json. Usage: bench/first-request.sh [ROWS] [RUNS] (1000000, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
ROWS=${1:-1000000}
RUNS=${2:-3}
BIN="$(swift build -c release --show-bin-path)/kazebatch"
WORK=bench/work/first-request
rm -rf "$WORK"; mkdir -p "$WORK" bench/raw
trap 'rm -rf "$WORK"' EXIT
python3 bench/journal_gen.py csv "$WORK/in.csv" "$ROWS"
closed_port_config "$BIN" "$WORK"
: > "$WORK/runs.txt"
for run in $(seq "$RUNS"); do
  echo "validate $(python3 bench/validate_measure.py -- "$BIN" validate recharge "$WORK/in.csv" --errors "$WORK/errors.csv" 2>/dev/null)" >> "$WORK/runs.txt"
  rm -rf "$WORK/state"
  echo "first $(python3 bench/first_request.py "$WORK/state" -- "$BIN" run recharge "$WORK/in.csv" --config "$WORK/config.json" \
    --state-dir "$WORK/state" --rate 1000 --quiet --results "$WORK/results.csv" --audit "$WORK/audit.csv")" >> "$WORK/runs.txt"
  tail -2 "$WORK/runs.txt" >&2
done
cp "$WORK/runs.txt" bench/raw/first-request.txt
python3 - "$WORK/runs.txt" "$ROWS" > bench/raw/first-request.json <<'PY'
import json, statistics, sys
validate, first = [], []
for line in open(sys.argv[1]):
    kind, data = line.split(" ", 1)
    (validate if kind == "validate" else first).append(json.loads(data))
v = statistics.median(r["wall"] for r in validate)
f = statistics.median(r["first_request_s"] for r in first)
print(json.dumps({"rows": int(sys.argv[2]), "validate_wall": v, "first_request": f, "ratio": f / v,
                  "validate_walls": [r["wall"] for r in validate], "first_walls": [r["first_request_s"] for r in first]}))
PY
cat bench/raw/first-request.json
