#!/usr/bin/env bash
# bench/rate.sh — rate accuracy: achieved vs configured requests per second.
# Starts `kazebatch sandbox` with 100 ms latency, runs a balance batch sized for 30 s at
# 50 rps, and writes bench/rate-results.md. Usage: bench/rate.sh [path/to/kazebatch]
# (default: the release build). RATE, SECONDS_TARGET and LATENCY_MS can be overridden.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-$(swift build -c release --show-bin-path)/kazebatch}"
RATE="${RATE:-50}"
SECONDS_TARGET="${SECONDS_TARGET:-30}"
LATENCY_MS="${LATENCY_MS:-100}"
ROWS=$((RATE * SECONDS_TARGET))
WORK="$(mktemp -d)"
SANDBOX_PID=""
cleanup() { [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$BIN" sandbox --port 0 --dir "$WORK/sandbox" --cards 100 --latency-ms "$LATENCY_MS" > "$WORK/sandbox.out" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 1 100); do grep -q listening "$WORK/sandbox.out" 2>/dev/null && break; sleep 0.1; done
grep -q listening "$WORK/sandbox.out" || { echo "sandbox did not start"; cat "$WORK/sandbox.out"; exit 1; }

{ echo "cardID,currency"; for i in $(seq 1 "$ROWS"); do printf 'SB%06d,USD\n' $(( (i - 1) % 100 + 1 )); done; } > "$WORK/balance.csv"

# Bucket of 1: no initial burst, so the whole run is paced. 16 in flight covers 50 rps x 100 ms.
"$BIN" run balance "$WORK/balance.csv" --config "$WORK/sandbox/kazebatch.json" \
  --rate "$RATE" --burst 1 --concurrency 16 --state-dir "$WORK/state" 2> "$WORK/run.err" > "$WORK/run.out"
LINE="$(grep '^sent ' "$WORK/run.err" | tail -1)"
ELAPSED="$(echo "$LINE" | sed -E 's/^sent ([0-9]+) rows in ([0-9.]+) s.*/\2/')"
ACHIEVED="$(echo "$LINE" | sed -E 's/.*\(([0-9.]+) req\/s\).*/\1/')"
ERROR="$(awk -v a="$ACHIEVED" -v r="$RATE" 'BEGIN { printf "%.2f", (a - r) / r * 100 }')"
SUCCEEDED="$(grep -o 'SUCCEEDED [0-9]*' "$WORK/run.out" | head -1)"

cat > bench/rate-results.md <<MD
# Rate accuracy

\`bench/rate.sh\` (\`make bench\`): a \`balance\` batch of $ROWS rows against \`kazebatch sandbox --latency-ms $LATENCY_MS\`,
\`--rate $RATE --burst 1 --concurrency 16\`, on $(nproc) cores, $(date -u +%Y-%m-%d).

| configured rps | rows | elapsed s | achieved rps | error |
|---|---|---|---|---|
| $RATE | $ROWS | $ELAPSED | $ACHIEVED | $ERROR % |

Run summary: $SUCCEEDED. Binary: \`$(basename "$(dirname "$BIN")")\` build. Elapsed time is measured by the run
itself from the first send to the last answer (startup and validation excluded).
MD
cat bench/rate-results.md
