#!/usr/bin/env bash
# bench/sandbox.sh — the sandbox's calls/second with the real KazePayClient on the same
# machine (127.0.0.1 only), next to `openssl speed rsa2048` sign/s from the same session, and
# what `--state` (an fsync'd operation log entry before every answer) costs a recharge.
# Builds kazebatch in release, compiles bench/SandboxBench.swift against that build, runs a
# `kazebatch sandbox` process (then a second one with --state), drives it for BENCH_SECONDS per
# operation, writes bench/sandbox-results.md. Bounded: about 3 x BENCH_SECONDS + 3 s of openssl
# after the build.
#
# usage: bench/sandbox.sh            (BENCH_SECONDS=5 BENCH_CONCURRENCY=8 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${BENCH_SECONDS:-5}
concurrency=${BENCH_CONCURRENCY:-8}
cards=100
results=bench/sandbox-results.md

swift build -c release --product kazebatch >&2
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
sandbox_pid=""
cleanup() {
    if [ -n "$sandbox_pid" ]; then kill -TERM "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The driver links the release objects of the client, protocol and crypto modules.
objects=$(ls "$bin"/KazeClient.build/*.o "$bin"/KazeProtocol.build/*.o "$bin"/KazeCrypto.build/*.o)
modules="$bin/Modules"; [ -d "$modules" ] || modules="$bin"
swiftc -O -parse-as-library -swift-version 6 bench/SandboxBench.swift $objects -I "$modules" \
    -Xcc -fmodule-map-file=Sources/COpenSSL/module.modulemap -lssl -lcrypto -o "$work/sandbox-bench" >&2

# start_sandbox [flags...]: a sandbox process with these extra flags; stop_sandbox ends it.
start_sandbox() {
    "$bin/kazebatch" sandbox --port 0 --dir "$work/sandbox" --cards "$cards" --merchant-balance 100000000 "$@" \
        > "$work/sandbox.out" 2> "$work/sandbox.err" &
    sandbox_pid=$!
    for _ in $(seq 1 100); do grep -q '^listening on ' "$work/sandbox.out" 2>/dev/null && break; sleep 0.1; done
    grep -q '^listening on http://127.0.0.1:' "$work/sandbox.out" || { cat "$work/sandbox.err" >&2; exit 1; }
}
stop_sandbox() { kill -TERM "$sandbox_pid"; wait "$sandbox_pid" || true; sandbox_pid=""; }
start_sandbox

ticks=$(getconf CLK_TCK)
sandbox_cpu() { awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$sandbox_pid/stat"; }
# One run: calls/s, then CPU milliseconds per call in the client and in the sandbox.
run() {
    local before after line
    before=$(sandbox_cpu)
    line=$("$work/sandbox-bench" "$work/sandbox/kazebatch.json" "$seconds" "$concurrency" "$1" "$cards")
    after=$(sandbox_cpu)
    echo "$line" | awk -v b="$before" -v a="$after" '{ printf "%s %s %s %.2f %.2f\n", $2, $3, $4, 1000 * $5 / $2, 1000 * (a - b) / $2 }'
}
read -r card_calls card_secs card_rate card_client_ms card_sandbox_ms < <(run card)
read -r recharge_calls recharge_secs recharge_rate recharge_client_ms recharge_sandbox_ms < <(run recharge)
stop_sandbox
start_sandbox --state "$work/state.json"
read -r state_calls state_secs state_rate state_client_ms state_sandbox_ms < <(run recharge)
stop_sandbox
state_cost=$(awk -v a="$recharge_rate" -v b="$state_rate" 'BEGIN { printf "%+.0f %%", 100 * (b - a) / a }')
load=$(cut -d' ' -f1-3 /proc/loadavg)

# openssl speed: the data line's columns after "rsa 2048 bits" match the header's columns.
speed=$(openssl speed -seconds 3 rsa2048 2>/dev/null)
sign_rate=$(printf '%s\n' "$speed" | awk '
    /sign\/s/ && !/rsa/ { for (i = 1; i <= NF; i++) if ($i == "sign/s") column = i }
    /^rsa +2048/ && column { sub(/^rsa +2048 +bits +/, ""); split($0, f, /[ \t]+/); print f[column]; exit }')

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
cat > "$results" <<REPORT
# Sandbox throughput

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/sandbox.sh\` on $(nproc) core(s)${cpu:+ ($cpu)}, $(openssl version | cut -d' ' -f1-2).
Release build; the real \`KazePayClient\` and a \`kazebatch sandbox\` process on the same machine
(127.0.0.1), $concurrency concurrent calls, $seconds s per operation, kept-alive connections (at most one per call in flight).

| operation | calls/s | calls in | client CPU ms/call | sandbox CPU ms/call |
|---|---|---|---|---|
| queryCard | $card_rate | $card_calls in $card_secs s | $card_client_ms | $card_sandbox_ms |
| cardRecharge | $recharge_rate | $recharge_calls in $recharge_secs s | $recharge_client_ms | $recharge_sandbox_ms |
| cardRecharge with \`--state\` | $state_rate ($state_cost) | $state_calls in $state_secs s | $state_client_ms | $state_sandbox_ms |

\`openssl speed -seconds 3 rsa2048\` (one core, same session): **$sign_rate sign/s**.
Load average at the end (other work on the machine lowers calls/s, not CPU per call): $load.

Every call costs four RSA-2048 private-key operations on this machine: the client signs the
request and unwraps the response's AES key, the sandbox unwraps the request's key and signs the
response. With client and sandbox sharing the cores, calls/s is therefore bounded by about
cores x sign/s / 4; the rest is HTTP, JSON and scheduling. CPU per call does not depend on
other load: cores / (client + sandbox CPU s per call) is what this machine would reach alone.

With \`--state\`, every recharge appends one line to the operation log under the engine's lock
and is flushed to disk (fdatasync) before it is answered; concurrent requests share a flush.
The log is folded into the state file (a full snapshot, written outside the lock) when it has
grown to a quarter of the state (at least 4096 entries) and after 2 s without changes.
REPORT
cat "$results"
