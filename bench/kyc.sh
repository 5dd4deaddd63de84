#!/usr/bin/env bash
# bench/kyc.sh — KYC image encoding. (1) The image path alone (bench/image-bench.swift: read a
# 1 MB JPEG, base64 it into its data URI) next to coreutils `base64 -w0` on the same bytes, in the
# same run. (2) A `kyc` batch of APPS applications with three 1 MB images each against
# `kazebatch sandbox`, `--concurrency 8`: wall, client CPU and the client's peak RSS.
# Writes bench/raw/kyc.json and bench/raw/kyc.txt. Usage: bench/kyc.sh [APPS] (default 1000)
# For profiling: KYC_WRAP="perf record -o /tmp/kyc.data" runs the batch under that command;
# SKIP_ENCODER=1 leaves out the encoder measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
APPS=${1:-1000}
BIN_DIR="$(swift build -c release --show-bin-path)"
BIN="$BIN_DIR/kazebatch"
WORK=bench/work/kyc
SANDBOX_PID=""
cleanup() { [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
rm -rf "$WORK"; mkdir -p "$WORK/images" bench/raw

# 30 distinct 1,000,000-byte "JPEGs" (magic bytes + random), cycled over the applications.
for i in $(seq 1 30); do { printf '\xff\xd8\xff'; head -c 999997 /dev/urandom; } > "$WORK/images/img$i.jpg"; done

# (1) The encoder alone, against coreutils base64 on the same image repeated 64 times.
swiftc -O -module-name ImageBench -I "$BIN_DIR/Modules" -I Sources/COpenSSL bench/image-bench.swift \
  "$BIN_DIR"/KazeCrypto.build/*.o "$BIN_DIR"/KazeProtocol.build/*.o "$BIN_DIR"/KazeBatch.build/*.o \
  -lssl -lcrypto -o "$WORK/image-bench"
ENCODER="$(${SKIP_ENCODER:+echo} "$WORK/image-bench" "$WORK/images/img1.jpg" 300)"
for _ in $(seq 64); do cat "$WORK/images/img1.jpg"; done > "$WORK/img64.bin"
COREUTILS=()
for _ in 1 2 3 4 5; do
  COREUTILS+=("$(python3 -c 'import subprocess, sys, time
start = time.perf_counter()
subprocess.run(["base64", "-w0", sys.argv[1]], stdout=subprocess.DEVNULL, check=True)
print(time.perf_counter() - start)' "$WORK/img64.bin")")
done

# (2) The batch against the sandbox.
start_sandbox "$BIN" "$WORK/sandbox"
python3 - "$WORK/kyc.csv" "$APPS" <<'PY'
import sys
path, apps = sys.argv[1], int(sys.argv[2])
with open(path, "w") as out:
    out.write("email,mobileNumber,mobilePrefix,mobilePrefixCountry,firstName,lastName,dateOfBirth,addressLine,city,"
              "countryCode,postCode,state,identificationType,identificationNumber,identificationExpiryDate,"
              "frontImgPath,backImgPath,handheldImgPath,ref\n")
    for i in range(apps):
        a, b, c = (3 * i) % 30 + 1, (3 * i + 1) % 30 + 1, (3 * i + 2) % 30 + 1
        out.write(f"bench{i:06d}@example.com,9{i:07d},65,SG,Ann,Lee,1990-04-12,12 Orchard Road,Singapore,SG,238823,"
                  f"Singapore,ID_CARD,D{i:07d},2034-06-30,images/img{a}.jpg,images/img{b}.jpg,images/img{c}.jpg,kyc-{i}\n")
PY
python3 bench/validate_measure.py -- ${KYC_WRAP:-} "$BIN" run kyc "$WORK/kyc.csv" --config "$WORK/sandbox/kazebatch.json" \
  --state-dir "$WORK/state" --rate 1000 --concurrency 8 --results "$WORK/results.csv" --audit "$WORK/audit.csv" \
  > "$WORK/run.json" 2> "$WORK/run.out"
SUCCEEDED=$(python3 -c 'import csv, sys; print(sum(r["outcome"] == "SUCCEEDED" for r in csv.DictReader(open(sys.argv[1]))))' "$WORK/results.csv")

python3 - "$APPS" "$SUCCEEDED" "$WORK/run.json" "${COREUTILS[*]}" "$ENCODER" <<'PY' > bench/raw/kyc.json
import json, statistics, sys
apps, succeeded, run = int(sys.argv[1]), int(sys.argv[2]), json.load(open(sys.argv[3]))
coreutils = statistics.median(float(s) for s in sys.argv[4].split())
encoder = dict(line.split() for line in sys.argv[5].splitlines() if len(line.split()) == 2)
image_bytes = apps * 3 * 1_000_000
print(json.dumps({
    "apps": apps, "succeeded": succeeded, "wall": run["wall"], "cpu": run["cpu"], "maxrss_mb": run["maxrss_kb"] / 1024,
    "exit": run["exit"], "image_bytes_per_client_cpu_s": image_bytes / run["cpu"],
    "encoder_bytes_per_s": float(encoder.get("encode_bytes_per_s", "nan")),
    "read_and_encode_bytes_per_s": float(encoder.get("read_and_encode_bytes_per_s", "nan")),
    "coreutils_base64_bytes_per_s": 64_000_000 / coreutils}))
PY
{ echo "image-bench (1 MB JPEG, median of 300 passes):"; echo "$ENCODER"
  echo "coreutils base64 -w0 of the same image x64, wall s of 5 runs: ${COREUTILS[*]}"
  echo "kazebatch run kyc ($APPS applications x 3 images): $(cat "$WORK/run.json")"
  echo "results: $SUCCEEDED SUCCEEDED"; tail -3 "$WORK/run.out"; } > bench/raw/kyc.txt
cat bench/raw/kyc.txt
