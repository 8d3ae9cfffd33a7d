#!/usr/bin/env python3
"""Deterministic generator of the golden case src/test/resources/golden/skipped/input/.

    python3 src/test/python/make_golden_skipped.py [--out src/test/resources/golden/skipped/input]

Two UTC days, 2026-03-09 and 2026-03-10, with the golden week's registry, run with --skip-bad-files (see
golden/skipped/README.md): each day holds good files, bad files that are left out (truncated gzip, not gzip,
data after the last gzip member, a header missing a column, a header naming a column twice) and rows rejected
for their encoding or an unbalanced quote.  Every gzip file is built by hand (stored deflate blocks), so the
bytes do not depend on zlib.  Standard library only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os

from make_golden_week import CONNECTIONS, HEADER, Lcg, gzip_stored, measurements, std_lines, text, write

SEED = 20260309
DAYS = [dt.date(2026, 3, 9), dt.date(2026, 3, 10)]


def good_rows(day: dt.date, r: Lcg, pop: str, per_connection: int):
    rows = []
    for conn, (lo, hi) in {"acme-nyc": (14, 26), "globex-fra": (10, 20), "initech-tor": (38, 62)}.items():
        rows += measurements(day, conn, per_connection, lo, hi, r)
    return std_lines(rows, pop)


def build(out: str):
    write(os.path.join(out, "connections.csv"), CONNECTIONS.encode())
    lat = os.path.join(out, "latency")
    r = Lcg(SEED)

    # ---- 2026-03-09: a good file with row-level rejects; a truncated gzip and a header without client_ip
    d = DAYS[0].isoformat()
    folder = os.path.join(lat, d)
    good = [HEADER] + good_rows(DAYS[0], r, "fra1", 12)
    lines = good[:10] + [
        f'{d}T08:00:00Z,192.0.2.1,GB,,"fra1 {chr(0)}",12',                  # bad_encoding: a NUL
    ] + good[10:20] + [
        f'{d}T08:00:02Z,192.0.2.3,GB,,"fra1',                               # a valid record on two lines
        'rack 2",13',
        f'{d}T08:00:01Z,192.0.2.2,GB,,"fra1, open,12',                      # unbalanced_quotes: never closed,
    ] + good[20:]                                                           # so the lines after it are read again
    data = text(lines)
    bad = f"{d}T08:00:03Z,192.0.2.4,GB,,fra1".encode() + b"\xc3\x28\xe2\x82" + b",14\n"  # bad_encoding
    write(os.path.join(folder, "a-good.csv"), data + bad)
    truncated = text([HEADER] + good_rows(DAYS[0], r, "zrh1", 10))
    write(os.path.join(folder, "b-truncated.csv.gz"), gzip_stored(truncated)[:15 + len(truncated) // 2])
    write(os.path.join(folder, "c-no-client-ip.csv"), text(
        ["timestamp,client,country,state,edge_pop,rtt_ms"] + good_rows(DAYS[0], r, "nrt1", 2)))

    # ---- 2026-03-10: gzip in two members (good), not gzip, data after the last member, a doubled column,
    # an empty file
    d = DAYS[1].isoformat()
    folder = os.path.join(lat, d)
    rows = good_rows(DAYS[1], r, "ams1", 14)
    half = len(rows) // 2
    write(os.path.join(folder, "a-two-members.csv.gz"),
          gzip_stored(text([HEADER] + rows[:half])) + gzip_stored(text(rows[half:])))
    write(os.path.join(folder, "b-not-gzip.csv.gz"), text([HEADER] + good_rows(DAYS[1], r, "lhr1", 2)))
    write(os.path.join(folder, "c-trailing-data.csv.gz"),
          gzip_stored(text([HEADER] + good_rows(DAYS[1], r, "sin1", 2))) + b"\x00garbage")
    write(os.path.join(folder, "d-doubled-column.csv"), text(
        [HEADER + ", RTT_MS "] + [row + ",1" for row in good_rows(DAYS[1], r, "ord1", 2)]))
    write(os.path.join(folder, "e-empty.csv"), b"")


def main():
    p = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--out", default=os.path.join(here, "..", "resources", "golden", "skipped", "input"))
    build(os.path.normpath(p.parse_args().out))


if __name__ == "__main__":
    main()
