#!/usr/bin/env python3
"""The benchmark's baseline: `kazebatch validate recharge` re-done in plain Python 3 (csv module).

Same checks as kazebatch: header required, columns matched case-insensitively, unknown columns,
ragged rows, UTF-8, cardID required (printable ASCII, at most 64), currency optional (ISO 4217
list), amount required (digits, optional 1-2 decimals, no leading zeros, > 0), duplicates of
cardID+amount+currency among valid rows (missing currency = USD), the errors CSV
(line,ref,field,code,message) and per-currency totals of the valid rows as Decimal.
Usage: validate_recharge.py INPUT.csv ERRORS.csv
"""
import csv
import re
import sys
from decimal import Decimal

CURRENCIES = set("""
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN
    BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP
    ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR
    ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD
    MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
    PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL
    THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF
    XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL
""".split())
AMOUNT = re.compile(r"(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?")
COLUMNS = {"cardid": "cardID", "currency": "currency", "amount": "amount", "ref": "ref"}
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    return "'" + value if value.startswith(FORMULA) else value


def excerpt(text):
    return text if len(text) <= 40 else text[:40] + "..."


def printable(text):
    return all(" " <= ch <= "~" for ch in text)


def main():
    source, errors_path = sys.argv[1], sys.argv[2]
    records = valid = invalid = 0
    totals, seen, counts = {}, {}, {}
    with open(source, newline="", encoding="utf-8-sig", errors="surrogateescape") as f, \
            open(errors_path, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["line", "ref", "field", "code", "message"])
        reader = csv.reader(f, strict=True)
        header = [name.strip() for name in next(reader)]
        slots = [COLUMNS.get(name.lower()) for name in header]
        unknown = [name for name, slot in zip(header, slots) if slot is None]
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                issues = [("", "csv_syntax", str(error))]
                row, values = None, {}
            start, line = line, reader.line_num + 1
            if row is not None and not row:
                continue
            records += 1
            if row is not None:
                issues = []
                values = {}
                if len(row) != len(slots):
                    issues.append(("", "csv_syntax", f"the record has {len(row)} fields but the header has {len(slots)}"))
                else:
                    for slot, raw in zip(slots, row):
                        if slot is None:
                            continue
                        try:
                            raw.encode("utf-8")
                        except UnicodeEncodeError:
                            issues.append((slot, "encoding", "the value is not valid UTF-8"))
                            continue
                        value = raw.strip()
                        if value:
                            values[slot] = value
            ref = values.get("ref", "")
            if not issues:
                for name in unknown:
                    issues.append((name, "unknown_column", f"column '{excerpt(name)}' is not a recharge column "
                                   "(columns: cardID, currency, amount, ref)"))
                card, currency, amount = values.get("cardID"), values.get("currency"), values.get("amount")
                if card is None:
                    issues.append(("cardID", "required", "cardID is required"))
                elif not printable(card):
                    issues.append(("cardID", "english", f"cardID '{excerpt(card)}' must be English text "
                                   "(printable ASCII characters only)"))
                elif len(card) > 64:
                    issues.append(("cardID", "too_long", f"cardID is {len(card)} characters; at most 64 allowed"))
                if currency is not None and currency not in CURRENCIES:
                    issues.append(("currency", "currency", f"currency '{excerpt(currency)}' is not an ISO 4217 "
                                   "currency code (e.g. USD or EUR)"))
                if amount is None:
                    issues.append(("amount", "required", "amount is required"))
                elif not AMOUNT.fullmatch(amount) or Decimal(amount) <= 0:
                    issues.append(("amount", "amount", f"amount '{excerpt(amount)}' must be a plain number greater "
                                   "than 0 with at most 2 decimals (no sign or leading zeros)"))
                if not issues:
                    key = (card, Decimal(amount), currency or "USD")
                    first = seen.setdefault(key, start)
                    if first != start:
                        issues.append(("", "duplicate", f"same cardID, amount and currency as the record on line "
                                       f"{first} (use --allow-duplicates if intended)"))
            if issues:
                invalid += 1
                for field, code, message in issues:
                    counts[code] = counts.get(code, 0) + 1
                    writer.writerow([start, cell(ref), field, code, message])
            else:
                valid += 1
                code = currency or "USD"
                totals[code] = totals.get(code, Decimal(0)) + Decimal(amount)
    print(f"records {records} valid {valid} invalid {invalid}")
    print("totals " + " ".join(f"{code}:{total:.2f}" for code, total in sorted(totals.items())))
    print("errors " + " ".join(f"{code} {count}" for code, count in sorted(counts.items())))
    sys.exit(3 if invalid else 0)


if __name__ == "__main__":
    main()
