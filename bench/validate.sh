#!/usr/bin/env bash
# Validation benchmark: kazebatch (release) against a plain Python 3 script doing the same checks
# on a generated 1,000,000-row recharge CSV; writes bench/validate-results.md.
# Usage: bench/validate.sh [ROWS] [RUNS]   (run `swift build -c release` first, as `make bench` does)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${2:-3}
BIN="$(swift build -c release --show-bin-path)/kazebatch"
WORK=bench/work
mkdir -p "$WORK"
INPUT="$WORK/recharge-$ROWS.csv"
[ -x "$BIN" ] || { echo "no release build at $BIN; run: swift build -c release" >&2; exit 2; }
[ -f "$INPUT" ] || python3 bench/validate_gen.py "$INPUT" "$ROWS"

: > "$WORK/swift-runs.jsonl"
: > "$WORK/python-runs.jsonl"
for run in $(seq "$RUNS"); do
  echo "run $run/$RUNS" >&2
  python3 bench/validate_measure.py -- "$BIN" validate recharge "$INPUT" --errors "$WORK/swift.errors.csv" \
    >> "$WORK/swift-runs.jsonl" 2>/dev/null
  python3 bench/validate_measure.py -- python3 bench/validate_recharge.py "$INPUT" "$WORK/python.errors.csv" \
    >> "$WORK/python-runs.jsonl" 2>/dev/null
done
# Memory without duplicate detection (the only part that grows), on the big file and a 10-row one.
python3 bench/validate_measure.py -- "$BIN" validate recharge "$INPUT" --allow-duplicates \
  --errors "$WORK/swift-nodup.errors.csv" > "$WORK/swift-nodup.jsonl" 2>/dev/null
python3 bench/validate_measure.py -- "$BIN" validate recharge samples/recharge.csv \
  --errors "$WORK/swift-small.errors.csv" > "$WORK/swift-small.jsonl" 2>/dev/null
cmp -s "$WORK/swift.errors.csv" "$WORK/python.errors.csv" \
  || { echo "the two validators wrote different errors files: not the same checks" >&2; exit 1; }
python3 bench/validate_report.py "$ROWS" "$WORK/swift-runs.jsonl" "$WORK/python-runs.jsonl" bench/validate-results.md \
  "$WORK/swift-nodup.jsonl" "$WORK/swift-small.jsonl"
# Flatness: the same validation on a 100,000-row file (RUNS runs), and the medians as JSON for bench/RESULTS.md.
SMALL_INPUT="$WORK/recharge-100000.csv"
[ -f "$SMALL_INPUT" ] || python3 bench/validate_gen.py "$SMALL_INPUT" 100000
: > "$WORK/swift-100k.jsonl"
for run in $(seq "$RUNS"); do
  python3 bench/validate_measure.py -- "$BIN" validate recharge "$SMALL_INPUT" --errors "$WORK/swift-100k.errors.csv" \
    >> "$WORK/swift-100k.jsonl" 2>/dev/null
done
mkdir -p bench/raw
python3 - "$ROWS" "$INPUT" "$WORK/swift-runs.jsonl" "$WORK/python-runs.jsonl" "$WORK/swift-100k.jsonl" > bench/raw/validate.json <<'PY'
import json, os, statistics, sys
rows, size = int(sys.argv[1]), os.path.getsize(sys.argv[2])
def runs(path): return [json.loads(line) for line in open(path) if line.strip()]
swift, python, small = runs(sys.argv[3]), runs(sys.argv[4]), runs(sys.argv[5])
med = lambda rs, key: statistics.median(r[key] for r in rs)
print(json.dumps({"rows": rows, "bytes": size, "swift_wall": med(swift, "wall"), "python_wall": med(python, "wall"),
                  "swift_cpu": med(swift, "cpu"), "python_cpu": med(python, "cpu"),
                  "swift_maxrss_mb": max(r["maxrss_kb"] for r in swift) / 1024,
                  "swift_100k_wall": med(small, "wall"), "swift_walls": [r["wall"] for r in swift],
                  "python_walls": [r["wall"] for r in python]}))
PY
cp "$WORK/swift-runs.jsonl" bench/raw/validate-swift-runs.jsonl
cp "$WORK/python-runs.jsonl" bench/raw/validate-python-runs.jsonl
