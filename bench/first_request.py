#!/usr/bin/env python3
"""Time to first request: starts COMMAND (a `kazebatch run`), watches STATE_DIR for the batch's
journal and reports when its first SENT entry was written (the entry's own timestamp, which is
journaled right before the request goes out), measured from the moment the process was started;
then interrupts the run. Prints {"first_request_s": seconds} as JSON.
Usage: first_request.py STATE_DIR -- COMMAND [ARGS...]
"""
import glob
import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone


def first_sent(state_dir):
    for path in glob.glob(os.path.join(state_dir, "*", "journal.jsonl")):
        with open(path) as journal:
            for line in journal:
                if '"state":"SENT"' in line:
                    return json.loads(line)["time"]
    return None


def main():
    state_dir, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
    start = time.time()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while (sent := first_sent(state_dir)) is None:
            if process.poll() is not None:
                sys.exit(f"the run ended (exit {process.returncode}) before sending anything")
            time.sleep(0.005)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    stamp = datetime.strptime(sent, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp()
    print(json.dumps({"first_request_s": stamp - start}))


if __name__ == "__main__":
    main()
