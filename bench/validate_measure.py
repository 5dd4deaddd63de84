#!/usr/bin/env python3
"""Runs one command and prints how long it took and its peak memory, as JSON on one line:
{"wall": seconds, "cpu": user+system seconds, "maxrss_kb": peak resident set size in KiB, "exit": code}.
Peak RSS comes from getrusage(RUSAGE_CHILDREN) of this wrapper, which has only that one child.
Usage: validate_measure.py -- COMMAND [ARGS...]   (the command's stdout goes to stderr)
"""
import json
import resource
import subprocess
import sys
import time


def main():
    command = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else sys.argv[1:]
    start = time.perf_counter()
    exit_code = subprocess.call(command, stdout=sys.stderr)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    maxrss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": maxrss, "exit": exit_code}))


if __name__ == "__main__":
    main()
