#!/usr/bin/env bash
# make demo: start the built-in sandbox on a free loopback port, run every sample batch against it
# in the order of a card's life (kyc, kyc-status, assign, activate, set-pin, card, recharge,
# balance, transactions, set-status, close), show where the outputs are, and stop the sandbox.
# KAZEBATCH=path picks the binary; DEMO_CONCURRENCY=N runs every batch with --concurrency N.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${KAZEBATCH:-$(swift build -c release --show-bin-path)/kazebatch}"
WORK="${DEMO_WORK:-.kazebatch/demo}"
rm -rf "$WORK"
mkdir -p "$WORK"
cp -R samples/. "$WORK/"
rm -rf "$WORK/invalid"

"$BIN" sandbox --port 0 --dir "$WORK/sandbox" --cards 10 >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
trap 'kill "$SANDBOX_PID" 2>/dev/null; wait "$SANDBOX_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  grep -q '^listening on ' "$WORK/sandbox.log" 2>/dev/null && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$WORK/sandbox.log"; echo "demo: the sandbox did not start"; exit 2; }
  sleep 0.1
done
head -n 1 "$WORK/sandbox.log"
CONFIG="$WORK/sandbox/kazebatch.json"
EXTRA=()
[ -n "${DEMO_CONCURRENCY:-}" ] && EXTRA=(--concurrency "$DEMO_CONCURRENCY")

status=0
for step in "kyc kyc.csv" "kyc-status kyc-status.csv" "assign assign.csv" "activate activate.csv" \
            "set-pin set-pin.csv" "card card.csv" "recharge recharge.csv" "recharge recharge.jsonl" \
            "balance balance.csv" "transactions transactions.jsonl" "set-status set-status.csv" "close close.csv"; do
  set -- $step
  echo
  echo "== kazebatch run $1 $WORK/$2"
  "$BIN" run "$1" "$WORK/$2" --config "$CONFIG" ${EXTRA[@]+"${EXTRA[@]}"} || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }
done
echo
echo "Result and audit files are in $WORK/ (*.results.csv, *.audit.csv)."
exit "$status"
