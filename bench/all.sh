#!/usr/bin/env bash
# bench/all.sh quick|full — every benchmark of issue #16, each next to its reference measured in
# the same run, then the one table bench/RESULTS.md (bench/results.py). `make bench` runs quick
# (under 5 minutes on 2 shared cores: smaller batches, shorter rate windows, one or three runs);
# `make bench-full` runs full (the sizes the targets name, 30 s rate windows, three runs).
# Raw figures and outputs: bench/raw/*.json, *.txt; each benchmark's script is bench/<name>.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-quick}
case "$MODE" in
  quick) KYC_APPS=200; JOURNAL_ROWS=200000; JOURNAL_RUNS=1; DURABILITY_ROWS=2000; RATE_SECONDS=10; FIRST_RUNS=3 ;;
  full)  KYC_APPS=1000; JOURNAL_ROWS=1000000; JOURNAL_RUNS=3; DURABILITY_ROWS=6000; RATE_SECONDS=30; FIRST_RUNS=3 ;;
  *) echo "usage: bench/all.sh quick|full" >&2; exit 2 ;;
esac
mkdir -p bench/raw
rm -f bench/raw/*.json
START=$(date +%s)
{
  echo "mode: $MODE"
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores (nproc): $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "ram: $(free -g | awk '/^Mem:/ {print $2 " GB"}')"
  echo "kernel: $(uname -sr)"
  echo "swift: $(swift --version 2>&1 | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > bench/raw/machine.txt
step() { echo "== $1 ($(( $(date +%s) - START )) s)" >&2; }
step kyc;            bash bench/kyc.sh "$KYC_APPS" > bench/raw/kyc.log 2>&1 || { cat bench/raw/kyc.log; exit 1; }
step journal;        bash bench/journal.sh "$JOURNAL_ROWS" "$JOURNAL_RUNS" > bench/raw/journal.txt 2>&1 || { cat bench/raw/journal.txt; exit 1; }
step durability;     bash bench/durability.sh "$DURABILITY_ROWS" 3 > bench/raw/durability.log 2>&1 || { cat bench/raw/durability.log; exit 1; }
step rate;           SECONDS_TARGET=$RATE_SECONDS bash bench/rate.sh > bench/raw/rate.txt 2>&1 || { cat bench/raw/rate.txt; exit 1; }
step first-request;  bash bench/first-request.sh 1000000 "$FIRST_RUNS" > bench/raw/first-request.log 2>&1 || { cat bench/raw/first-request.log; exit 1; }
step validate;       bash bench/validate.sh 1000000 3 > bench/raw/validate.txt 2>&1 || { cat bench/raw/validate.txt; exit 1; }
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); took $(( $(date +%s) - START )) s" >> bench/raw/machine.txt
python3 bench/results.py "$MODE" > bench/RESULTS.md
cat bench/RESULTS.md
