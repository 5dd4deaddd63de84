#!/usr/bin/env bash
# bench/transport.sh — the HTTP/1.1 transport against `kazebatch sandbox` on 127.0.0.1:
#   1. a 5,000-row recharge batch (--rate 10000 --concurrency 16): calls/s next to the RSA ceiling
#      (2 x `openssl speed rsa2048` sign/s / 4: each call is four RSA private-key operations, client
#      and sandbox sharing this machine's cores), and the client's CPU per call (getrusage of the
#      whole `run` process);
#   2. the CPU a call spends waiting: `call queryCard` against `--latency-ms 1000` minus the same
#      call without latency (getrusage, median of 5 each);
#   3. connections opened per 1,000 calls (connect() calls of a 1,000-row run, counted by strace).
# Writes bench/transport-results.md. Usage: bench/transport.sh [path/to/kazebatch] (default: the
# release build). ROWS can be overridden. Bounded: about a minute after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-$(swift build -c release --show-bin-path)/kazebatch}"
ROWS="${ROWS:-5000}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# start_sandbox NAME FLAGS... : starts a sandbox in $WORK/NAME and waits for its listening line.
start_sandbox() {
    local name=$1; shift
    "$BIN" sandbox --port 0 --dir "$WORK/$name" --cards 100 --merchant-balance 100000000 "$@" > "$WORK/$name.out" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 100); do grep -q '^listening on ' "$WORK/$name.out" 2>/dev/null && break; sleep 0.1; done
    grep -q '^listening on http://127.0.0.1:' "$WORK/$name.out" || { cat "$WORK/$name.out" >&2; exit 1; }
}

# cpu_of COMMAND... : runs it (stdout to $WORK/cpu.out, stderr to $WORK/cpu.err) and prints the
# user+sys seconds of the child from getrusage.
cpu_of() {
    python3 - "$WORK" "$@" <<'PY'
import resource, subprocess, sys
with open(sys.argv[1] + "/cpu.out", "wb") as out, open(sys.argv[1] + "/cpu.err", "wb") as err:
    subprocess.run(sys.argv[2:], stdout=out, stderr=err)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{usage.ru_utime + usage.ru_stime:.4f}")
PY
}

recharge_file() {
    { echo "cardID,currency,amount"
      for i in $(seq 1 "$1"); do printf 'SB%06d,USD,%d.00\n' $(( (i - 1) % 100 + 1 )) $(( (i - 1) / 100 + 1 )); done; } > "$2"
}

# 1. Throughput and client CPU per call.
start_sandbox fast
recharge_file "$ROWS" "$WORK/recharge.csv"
RUN=("$BIN" run recharge "$WORK/recharge.csv" --config "$WORK/fast/kazebatch.json" --rate 10000 --concurrency 16
     --state-dir "$WORK/state")
RUN_CPU=$(cpu_of "${RUN[@]}")
cp "$WORK/cpu.out" "$WORK/run.out"; cp "$WORK/cpu.err" "$WORK/run.err"
SENT=$(grep '^sent ' "$WORK/run.err" | tail -1)
ELAPSED=$(echo "$SENT" | sed -E 's/^sent ([0-9]+) rows in ([0-9.]+) s.*/\2/')
RATE=$(echo "$SENT" | sed -E 's/.*\(([0-9.]+) req\/s\).*/\1/')
SUCCEEDED=$(grep -o 'SUCCEEDED [0-9]*' "$WORK/run.out" | head -1 || true)
CPU_PER_CALL_MS=$(awk -v c="$RUN_CPU" -v n="$ROWS" 'BEGIN { printf "%.2f", 1000 * c / n }')

# 2. Idle CPU of a call waiting 1 s.
start_sandbox slow --latency-ms 1000
median_call_cpu() {
    local config=$1 values=()
    for _ in 1 2 3 4 5; do values+=("$(cpu_of "$BIN" call queryCard cardID=SB000001 --config "$config")"); done
    printf '%s\n' "${values[@]}" | sort -n | sed -n 3p
}
CALL_FAST=$(median_call_cpu "$WORK/fast/kazebatch.json")
CALL_SLOW=$(median_call_cpu "$WORK/slow/kazebatch.json")
WAIT_MS=$(awk -v f="$CALL_FAST" -v s="$CALL_SLOW" 'BEGIN { d = 1000 * (s - f); printf "%.1f", (d < 0 ? 0 : d) }')

# 3. Connections per 1,000 calls.
recharge_file 1000 "$WORK/conn.csv"
sed -i 's/\.00$/.02/' "$WORK/conn.csv"
PORT=$(sed -E 's/.*:([0-9]+)$/\1/' "$WORK/fast.out" | head -1)
strace -f -qq -e trace=connect -o "$WORK/strace.txt" "$BIN" run recharge "$WORK/conn.csv" \
    --config "$WORK/fast/kazebatch.json" --rate 10000 --concurrency 16 --state-dir "$WORK/state3" > /dev/null 2>&1
CONNECTIONS=$(grep -c "htons($PORT)" "$WORK/strace.txt" || true)

# The RSA ceiling, measured in the same session.
SPEED=$(openssl speed -seconds 3 rsa2048 2>/dev/null)
SIGN_RATE=$(printf '%s\n' "$SPEED" | awk '
    /sign\/s/ && !/rsa/ { for (i = 1; i <= NF; i++) if ($i == "sign/s") column = i }
    /^rsa +2048/ && column { sub(/^rsa +2048 +bits +/, ""); split($0, f, /[ \t]+/); print f[column]; exit }')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
CEILING=$(awk -v s="$SIGN_RATE" 'BEGIN { printf "%.0f", 2 * s / 4 }')
SHARE=$(awk -v r="$RATE" -v c="$CEILING" 'BEGIN { printf "%.0f", 100 * r / c }')

cat > bench/transport-results.md <<MD
# Transport

\`bench/transport.sh\` (\`make bench\`), $(nproc) cores, $(date -u +%Y-%m-%d), \`$(basename "$(dirname "$BIN")")\` build; client and
sandbox on the same machine (127.0.0.1); load average at the end $LOAD (a shared machine: other builds
compete for the same cores, the RSA ceiling is measured under the same load).

| measure | result |
|---|---|
| $ROWS-row recharge batch, \`--rate 10000 --concurrency 16\` | $RATE calls/s ($ELAPSED s; $SUCCEEDED) |
| RSA ceiling: 2 x \`openssl speed rsa2048\` sign/s / 4 | $CEILING calls/s ($SIGN_RATE sign/s); the batch reached $SHARE % |
| client CPU per call (getrusage of the whole \`run\`, startup and validation included) | $CPU_PER_CALL_MS ms |
| CPU of a call waiting 1 s (\`call\` at \`--latency-ms 1000\` minus \`call\` without, median of 5) | $WAIT_MS ms ($CALL_SLOW s vs $CALL_FAST s) |
| connections opened per 1,000 calls (\`--concurrency 16\`, strace) | $CONNECTIONS |

A call waits in poll() on its own thread; the former URLSession transport used 0.76 s of CPU for a call
waiting 1 s (libcurl's 1 ms timer loop) and opened one connection per call.
MD
cat bench/transport-results.md
