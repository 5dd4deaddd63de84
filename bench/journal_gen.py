#!/usr/bin/env python3
"""Writes the journal benchmark's inputs, deterministically:

  journal_gen.py csv OUT.csv ROWS        a valid recharge CSV (cardID,currency,amount,ref), one card per row
  journal_gen.py journal OUT.jsonl ROWS  the journal of that batch after it ran: every row PENDING, SENT,
                                         SUCCEEDED with masked response fields; 1 row in 1,000 first hit
                                         RATE_LIMITED (RETRY, a second SENT); 1 in 100,000 ended UNKNOWN and
                                         was reconciled to SUCCEEDED later (entries at the end, as a
                                         `kazebatch reconcile` would append them)

The journal lines are what kazebatch writes: JSON with sorted keys, one per line.
"""
import json
import sys


def row(i):
    """Card, currency and amount text of the i-th data row (1-based; input line i + 1)."""
    cents = 100 + (i * 7919) % 500_000
    amount = f"{cents // 100}.{cents % 100:02d}"
    return f"SB{i:07d}", ("USD", "EUR", "SGD", "GBP")[i % 4], amount


def write_csv(out, rows):
    with open(out, "w") as f:
        f.write("cardID,currency,amount,ref\n")
        for i in range(1, rows + 1):
            card, currency, amount = row(i)
            f.write(f"{card},{currency},{amount},bench-{i}\n")


def line(entry):
    return json.dumps(entry, sort_keys=True, separators=(",", ":")) + "\n"


def write_journal(out, rows):
    later = []
    with open(out, "w") as f:
        for i in range(1, rows + 1):
            card, currency, amount = row(i)
            n, t = i + 1, f"2026-11-25T10:{i // 60000 % 60:02d}:{i // 1000 % 60:02d}.{i % 1000:03d}Z"
            request = f"20261125100000{i:08d}"
            f.write(line({"amount": amount, "attempt": 0, "cardID": card, "currency": currency, "line": n,
                          "ref": f"bench-{i}", "state": "PENDING", "time": t}))
            attempt = 1
            if i % 1000 == 0:
                f.write(line({"attempt": 1, "line": n, "requestNo": request, "state": "SENT", "time": t}))
                f.write(line({"attempt": 1, "code": "RATE_LIMITED", "detail": "too many requests", "line": n,
                              "requestNo": request, "state": "RETRY", "time": t}))
                attempt, request = 2, f"20261125100001{i:08d}"
            f.write(line({"attempt": attempt, "line": n, "requestNo": request, "state": "SENT", "time": t}))
            fields = {"cardID": card, "currency": currency, "sendAmount": amount,
                      "transactionId": f"TX{i:012d}", "transactionStatus": "SUCCESS"}
            if i % 100_000 == 0:
                f.write(line({"attempt": attempt, "code": "NO_ANSWER", "detail": "no answer within 30 s; outcome "
                              "unknown, to be reconciled", "line": n, "requestNo": request, "state": "UNKNOWN", "time": t}))
                later.append({"attempt": attempt, "code": "RECONCILED", "detail": f"reconciled: transaction TX{i:012d} "
                              "found (SUCCESS)", "fields": fields, "line": n, "requestNo": request,
                              "state": "SUCCEEDED", "time": "2026-11-25T11:00:00.000Z"})
                continue
            f.write(line({"attempt": attempt, "code": "SUCCESS", "detail": "", "fields": fields, "line": n,
                          "requestNo": request, "state": "SUCCEEDED", "time": t}))
        for entry in later:
            f.write(line(entry))


if __name__ == "__main__":
    kind, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"csv": write_csv, "journal": write_journal}[kind](out, count)
