#!/usr/bin/env python3
"""Deterministic generator of the golden case src/test/resources/golden/empty-day/input/.

    python3 src/test/python/make_golden_empty_day.py [--out src/test/resources/golden/empty-day/input]

Four UTC days, 2026-03-16 .. 2026-03-19, with the golden week's registry, run with --allow-empty-day (see
golden/empty-day/README.md): two days with data around two empty days, one whose folder holds only files without
a data row (0 bytes, blank lines, a header-only gzip) and a file that is not input, one whose folder holds no input
file at all.  The gzip file is built by hand (a stored deflate block), so its bytes do not depend on zlib.
Standard library only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os

from make_golden_week import CONNECTIONS, HEADER, Lcg, gzip_stored, measurements, std_lines, text, write

SEED = 20260316
DAYS = [dt.date(2026, 3, 16), dt.date(2026, 3, 17), dt.date(2026, 3, 18), dt.date(2026, 3, 19)]


def good_rows(day: dt.date, r: Lcg, pop: str, per_connection: int):
    rows = []
    for conn, (lo, hi) in {"acme-nyc": (14, 26), "globex-fra": (10, 20), "initech-tor": (38, 62)}.items():
        rows += measurements(day, conn, per_connection, lo, hi, r)
    return std_lines(rows, pop)


def build(out: str):
    write(os.path.join(out, "connections.csv"), CONNECTIONS.encode())
    lat = os.path.join(out, "latency")
    r = Lcg(SEED)

    # ---- 2026-03-16: a day with data
    folder = os.path.join(lat, DAYS[0].isoformat())
    write(os.path.join(folder, "fra1.csv"), text([HEADER] + good_rows(DAYS[0], r, "fra1", 12)))

    # ---- 2026-03-17: input files without a data row, and a file that is not input
    folder = os.path.join(lat, DAYS[1].isoformat())
    write(os.path.join(folder, "a-empty.csv"), b"")
    write(os.path.join(folder, "b-blank-lines.csv"), b"\n\r\n\n")
    write(os.path.join(folder, "c-header-only.csv.gz"), gzip_stored(text([HEADER])))
    write(os.path.join(folder, "notes.txt"), b"collector fra1 down from 00:00 to 23:59 UTC\n")

    # ---- 2026-03-18: no input file at all
    folder = os.path.join(lat, DAYS[2].isoformat())
    write(os.path.join(folder, "README"), b"nothing was collected on this day\n")

    # ---- 2026-03-19: a day with data again
    folder = os.path.join(lat, DAYS[3].isoformat())
    write(os.path.join(folder, "fra1.csv"), text([HEADER] + good_rows(DAYS[3], r, "fra1", 12)))


def main():
    p = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--out", default=os.path.join(here, "..", "resources", "golden", "empty-day", "input"))
    build(os.path.normpath(p.parse_args().out))


if __name__ == "__main__":
    main()
