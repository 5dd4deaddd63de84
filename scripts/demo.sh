#!/usr/bin/env bash
# make demo: start the built-in sandbox on a free loopback port, run the sample kyc, assign,
# set-pin and recharge batches against it, show where the outputs are, and stop the sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${KAZEBATCH:-$(swift build -c release --show-bin-path)/kazebatch}"
WORK=".kazebatch/demo"
rm -rf "$WORK"
mkdir -p "$WORK"
cp -R samples/. "$WORK/"

"$BIN" sandbox --port 0 --dir "$WORK/sandbox" --cards 20 >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
trap 'kill "$SANDBOX_PID" 2>/dev/null; wait "$SANDBOX_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  grep -q '^listening on ' "$WORK/sandbox.log" 2>/dev/null && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$WORK/sandbox.log"; echo "demo: the sandbox did not start"; exit 2; }
  sleep 0.1
done
head -n 1 "$WORK/sandbox.log"
CONFIG="$WORK/sandbox/kazebatch.json"

status=0
for step in "kyc kyc.csv" "assign assign.csv" "set-pin set-pin.csv" "recharge recharge.csv"; do
  set -- $step
  echo
  echo "== kazebatch run $1 $WORK/$2"
  "$BIN" run "$1" "$WORK/$2" --config "$CONFIG" || status=$?
done
echo
echo "Result and audit files are in $WORK/ (*.results.csv, *.audit.csv)."
exit "$status"
