#!/usr/bin/env python3
"""Writes bench/RESULTS.md (on stdout) from bench/raw/*.json, as written by bench/all.sh MODE:
one table, every figure next to the reference measured in the same run and the target it is held
against. Usage: results.py quick|full
"""
import json
import os
import sys

RAW = os.path.join(os.path.dirname(os.path.abspath(__file__)), "raw")


def load(name):
    path = os.path.join(RAW, name + ".json")
    return json.load(open(path)) if os.path.exists(path) else None


def verdict(ok):
    return "**met**" if ok else "**missed**"


def main():
    mode = sys.argv[1]
    machine = open(os.path.join(RAW, "machine.txt")).read().strip().splitlines()
    rows = []  # (benchmark, figure, reference, ratio, target, verdict)

    kyc = load("kyc")
    if kyc:
        enc, core = kyc["encoder_bytes_per_s"], kyc["coreutils_base64_bytes_per_s"]
        rows.append(("KYC image encoder alone (1 MB JPEG → data URI, median of 300)", f"{enc / 1e9:.2f} GB/s",
                     f"coreutils `base64 -w0`, same bytes: {core / 1e9:.2f} GB/s", f"{enc / core:.1f}×",
                     "≥ 1 GB/s", verdict(enc >= 1e9)))
        rd = kyc["read_and_encode_bytes_per_s"]
        rows.append(("KYC image read + encode (`ImageFile.dataURI`)", f"{rd / 1e9:.2f} GB/s",
                     f"coreutils `base64 -w0`: {core / 1e9:.2f} GB/s", f"{rd / core:.1f}×", "≥ 1 GB/s", verdict(rd >= 1e9)))
        rows.append((f"KYC batch, {kyc['apps']:,} applications × 3 × 1 MB images, `--concurrency 8`, peak RSS",
                     f"{kyc['maxrss_mb']:.0f} MB", f"{kyc['succeeded']:,} SUCCEEDED; {kyc['wall']:.0f} s wall, "
                     f"{kyc['cpu']:.1f} s client CPU ({kyc['image_bytes_per_client_cpu_s'] / 1e6:.0f} MB of images per CPU s)",
                     "", "≤ 128 MB", verdict(kyc["maxrss_mb"] <= 128 and kyc["succeeded"] == kyc["apps"])))

    journal = load("journal")
    if journal:
        cat = journal["cat_wall"]
        for command, label in (("status", "`status` of"), ("run", "no-op resumed `run` of")):
            r = journal[command]
            rows.append((f"{label} a finished {journal['rows']:,}-row batch (median of {journal['runs']})",
                         f"{r['wall']:.2f} s, {r['maxrss_mb']:.0f} MB", f"`cat journal.jsonl > /dev/null`: {cat:.2f} s",
                         f"{r['wall'] / cat:.1f}×", "≤ 2×, ≤ 100 MB", verdict(r["wall"] <= 2 * cat and r["maxrss_mb"] <= 100)))

    durability = load("durability")
    if durability:
        rows.append((f"recharge throughput, fsync on, `--concurrency 16` ({durability['rows']:,} rows, median of "
                     f"{len(durability['on_runs'])})", f"{durability['fsync_on_rps']:.0f} rows/s",
                     f"fsync off (`KAZEBATCH_BENCH_NO_FSYNC=1`): {durability['fsync_off_rps']:.0f} rows/s",
                     f"{durability['gap_percent']:.1f} % slower", "< 20 % slower", verdict(durability["gap_percent"] < 20)))

    rate = load("rate")
    if rate:
        for r in rate:
            ok = abs(r["error_percent"]) <= 2 and r["peak_1s"] <= r["limit_1s"] and r["succeeded"] == r["rows"]
            rows.append((f"rate accuracy at {r['rate']} rps ({r['rows']:,} rows, 100 ms latency, `--burst 1`)",
                         f"{r['achieved']:.2f} rps; peak {r['peak_1s']} in 1 s", f"configured {r['rate']} rps; "
                         f"limit rate + burst = {r['limit_1s']}", f"{r['error_percent']:+.2f} %", "±2 %, peak ≤ limit",
                         verdict(ok)))

    first = load("first-request")
    if first:
        rows.append((f"time to first request, {first['rows']:,}-row recharge file (median of {len(first['first_walls'])})",
                     f"{first['first_request']:.2f} s", f"`kazebatch validate` alone: {first['validate_wall']:.2f} s",
                     f"{first['ratio']:.2f}×", "≤ 1.5×", verdict(first["ratio"] <= 1.5)))

    validate = load("validate")
    if validate:
        speed = validate["python_wall"] / validate["swift_wall"]
        mbps = validate["bytes"] / validate["swift_wall"] / 1e6
        per_row_1m = validate["swift_wall"] / validate["rows"]
        per_row_100k = validate["swift_100k_wall"] / 100_000
        rows.append((f"validation of {validate['rows']:,} recharge rows (median of {len(validate['swift_walls'])})",
                     f"{validate['swift_wall']:.2f} s ({mbps:.0f} MB/s), {validate['swift_maxrss_mb']:.0f} MB",
                     f"Python csv script, same checks, byte-identical errors CSV: {validate['python_wall']:.2f} s",
                     f"{speed:.1f}×", "≥ 10×, ≤ 64 MB", verdict(speed >= 10 and validate["swift_maxrss_mb"] <= 64)))
        rows.append(("validation flatness: time per row, 100,000 vs 1,000,000 rows",
                     f"{per_row_1m * 1e6:.2f} µs/row at 1 M", f"{per_row_100k * 1e6:.2f} µs/row at 100 k",
                     f"{per_row_1m / per_row_100k:.2f}×", "flat (≈ 1×)", verdict(per_row_1m / per_row_100k <= 1.2)))

    print("# Benchmark results (issue #16)\n")
    print(f"Produced by `make {'bench' if mode == 'quick' else 'bench-full'}` (`bench/all.sh {mode}`). The machine is "
          "shared with other engineers' builds, so every figure stands next to a reference measured in the same run "
          "and the ratio is what counts; absolute times move with the load.\n")
    for line in machine:
        print(f"- {line}")
    print("\n| benchmark | kazebatch | reference (same run) | ratio | target | |")
    print("|---|---|---|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\nScripts and raw output: `bench/all.sh` runs `bench/kyc.sh`, `bench/journal.sh`, `bench/durability.sh`, "
          "`bench/rate.sh`, `bench/first-request.sh` and `bench/validate.sh`; their figures are in `bench/raw/*.json`, "
          "their output in `bench/raw/*.txt` and `*.log`. `KAZEBATCH_BENCH_NO_FSYNC=1` is a benchmark-only switch "
          "(journal and audit commits without fsync) read by `bench/durability.sh`; never set it for real batches.")
    profiles = os.path.join(os.path.dirname(RAW), "profiles.md")
    if os.path.exists(profiles):
        print("\n" + open(profiles).read().strip())


if __name__ == "__main__":
    main()
