#!/usr/bin/env bash
# crypto.sh: kazepay-v1 sign/seal/open per second (KazeCrypto, release build, one thread) next
# to `openssl speed -seconds 3 rsa2048` run in the same session; writes bench/crypto-results.md.
# Usage: bench/crypto.sh [seconds per measurement, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-3}"
SWIFT="${SWIFT:-swift}"
WORK=bench/work
mkdir -p "$WORK"

# Build only the crypto module in release mode, then link the small bench program against it.
"$SWIFT" build -c release --target KazeCrypto >/dev/null
BIN_DIR="$("$SWIFT" build -c release --show-bin-path)"
swiftc -O -module-name CryptoBench -I "$BIN_DIR/Modules" -I Sources/COpenSSL \
  bench/crypto-bench.swift "$BIN_DIR"/KazeCrypto.build/*.o -lssl -lcrypto -o "$WORK/crypto-bench"

echo "running the KazeCrypto bench (${SECONDS_EACH}s per operation)..." >&2
OURS="$("$WORK/crypto-bench" "$SECONDS_EACH")"
echo "running openssl speed -seconds 3 rsa2048..." >&2
SPEED="$(openssl speed -seconds 3 rsa2048 2>/dev/null | grep -E '^(version| *sign|rsa)' || true)"

CPU="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //' || uname -m)"
{
  echo "# Crypto benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M:%S UTC') on ${CPU:-unknown CPU}, $(nproc) cores, $(openssl version)."
  echo "One thread; profile kazepay-v1 (SHA-256, AES-128-ECB), RSA-2048 keys, a 52-byte recharge body."
  echo "seal = sign + AES + RSA public encrypt; open = RSA private decrypt + AES + verify."
  echo "Rates are per second of user CPU time, as \`openssl speed\` computes them by default,"
  echo "so other load on the machine does not skew the comparison."
  echo
  echo "| operation | per second |"
  echo "|---|---|"
  echo "$OURS" | while read -r name value; do echo "| $name | $value |"; done
  echo
  echo "\`openssl speed -seconds 3 rsa2048\`, same session:"
  echo
  echo '```'
  echo "$SPEED"
  echo '```'
} > bench/crypto-results.md
cat bench/crypto-results.md
