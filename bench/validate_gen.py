#!/usr/bin/env python3
"""Writes the benchmark's recharge CSV: N rows (default 1,000,000), deterministic (seed 42).

About 1 row in 100 is invalid on purpose (bad amount, unknown currency, missing card, or a
repeat of an earlier row), so both validators also exercise their error paths.
Usage: validate_gen.py OUTPUT.csv [ROWS]
"""
import random
import sys


def main():
    out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(42)
    currencies = ["USD", "USD", "USD", "EUR", "SGD", "GBP"]
    with open(out, "w", newline="") as f:
        f.write("cardID,currency,amount,ref\n")
        for i in range(1, rows + 1):
            card = f"SB{i:07d}"
            currency = rng.choice(currencies)
            cents = rng.randint(100, 500_000)
            amount = f"{cents // 100}.{cents % 100:02d}" if i % 3 else str(cents // 100)
            ref = f"bench-{i}"
            fault = rng.random()
            if fault < 0.003:
                amount = amount + "5"  # too many decimals, or a different amount
                amount = amount if "." in amount else amount + ".555"
            elif fault < 0.006:
                currency = "XYZ"
            elif fault < 0.008:
                card = ""
            elif fault < 0.010 and i > 1:
                card = f"SB{i - 1:07d}"
                f.write(f"{card},{prev_currency},{prev_amount},{ref}\n")
                continue
            prev_currency, prev_amount = currency, amount
            f.write(f"{card},{currency},{amount},{ref}\n")


if __name__ == "__main__":
    main()
