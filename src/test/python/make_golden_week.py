#!/usr/bin/env python3
"""Deterministic generator of the golden case src/test/resources/golden/week/input/.

    python3 src/test/python/make_golden_week.py [--out src/test/resources/golden/week/input]

Writes connections.csv and latency/<day>/... for 2026-03-02 .. 2026-03-07 (see golden/week/README.md for
what each day exercises).  Standard library only; no randomness other than a fixed LCG.

The committed input files are the authority (the expected files were computed from them).  Byte-exact
regeneration is guaranteed for everything except the two valid .csv.gz files, whose bytes depend on the
zlib build (their CONTENT does not; only their "bytes" in runs/<day>.json would change).
The hand-made gzip (2026-03-05/zrh1.csv.gz) does not depend on zlib at all: it is written by hand as a
gzip member with ONE STORED (uncompressed) deflate block.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import struct
import zlib

SEED = 20260313  # chosen so that no statistic falls on a rounding or threshold boundary
DAYS = [dt.date(2026, 3, 2) + dt.timedelta(days=k) for k in range(6)]
HEADER = "timestamp,client_ip,country,state,edge_pop,rtt_ms"

CONNECTIONS = """\
connection_id,customer_id,name,partner,country,state,prefixes
acme-chi,acme,ACME Chicago,"Hurricane ""HE"" Electric",US,IL,2001:db8:abcd::/48
acme-nyc,acme,ACME New York,Lumen,US,NY,198.51.100.0/24
acme-sfo,acme,ACME San Francisco,Zayo,US,CA,198.51.100.0/24;2001:db8:100::/48
globex-fra,globex,Globex Frankfurt,DE-CIX,DE,,198.51.100.64/26 2001:db8:200::/48
globex-par,globex,Globex Paris,France-IX,FR,,203.0.113.0/25
initech-lon,initech,Initech London,LINX,GB,,192.0.2.0/25; 2001:db8:300::/48
initech-nyc,initech,Initech NYC,Lumen,US,NY,203.0.113.192/26
initech-tor,initech,"Initech Toronto, North",TorIX,CA,,192.0.2.128/26
"""


class Lcg:
    """64-bit LCG (Knuth MMIX constants): same numbers on every Python version."""

    def __init__(self, seed: int):
        self.x = seed & (2**64 - 1)

    def u(self) -> float:
        self.x = (6364136223846793005 * self.x + 1442695040888963407) % 2**64
        return (self.x >> 11) / 2**53

    def int(self, lo: int, hi: int) -> int:  # inclusive
        return lo + int(self.u() * (hi - lo + 1))


# ---------------------------------------------------------------------------------------------- plan
# per connection: one entry per day: (samples, low_ms, high_ms); None = explicit values (see EXPLICIT).
PLAN = {
    #               03-02            03-03            03-04            03-05            03-06            03-07
    "acme-chi":    [(31, 32, 58),    (33, 30, 60),    (35, 31, 57),    (0, 0, 0),       (31, 33, 55),    (32, 30, 60)],
    "acme-nyc":    [(36, 14, 26),    (40, 105, 195),  (34, 15, 25),    (38, 14, 27),    (35, 15, 26),    (37, 14, 25)],
    "acme-sfo":    [(44, 21, 39),    (42, 22, 38),    None,            (40, 20, 40),    (41, 21, 39),    (43, 22, 38)],
    "globex-fra":  [(40, 210, 245),  (38, 10, 20),    (39, 11, 19),    (41, 10, 21),    (37, 11, 20),    (36, 10, 20)],
    "globex-par":  [(30, 14, 26),    (12, 250, 350),  (32, 16, 28),    (12, 250, 350),  (33, 18, 30),    (34, 28, 52)],
    "initech-lon": [(40, 7, 13),     (42, 8, 14),     (41, 6, 12),     (39, 8, 15),     (43, 7, 13),     (40, 30, 50)],
    "initech-nyc": [(33, 45, 75),    (31, 44, 76),    None,            (29, 230, 270),  (35, 45, 75),    (32, 46, 74)],
    "initech-tor": [(32, 38, 62),    (34, 40, 64),    (31, 37, 59),    (33, 42, 68),    (36, 84, 156),   (32, 38, 62)],
}

LOCATION = {  # connection -> (country spellings, state spellings)
    "acme-chi": (["US", "us"], ["IL", "il"]),
    "acme-nyc": (["US"], ["NY", "ny"]),
    "acme-sfo": (["US", "us"], ["CA", "ca"]),
    "globex-fra": (["DE", "de"], ["", "", "HE", "XX"]),  # state ignored outside the US
    "globex-par": (["FR"], [""]),
    "initech-lon": (["GB", "gb"], ["", "ENG"]),
    "initech-nyc": (["US"], ["NY"]),
    "initech-tor": (["CA"], ["", "ON"]),  # country CA = Canada
}


def client_ip(conn: str, r: Lcg) -> str:
    k = r.int(0, 99)
    if conn == "acme-chi":
        h = r.int(1, 0xfffe)
        if k < 10:
            return f"2001:DB8:ABCD::{h:X}"
        if k < 20:
            return f"2001:0db8:abcd:0000:0000:0000:0000:{h:04x}"
        return f"2001:db8:abcd:{r.int(0, 0xffff):x}::{h:x}"
    if conn in ("acme-nyc", "acme-sfo"):
        if conn == "acme-sfo" and k < 30:
            return f"2001:db8:100::{r.int(1, 0xfff):x}"
        x = r.int(1, 63) if k % 2 else r.int(128, 254)  # outside globex-fra's /26
        return f"198.51.100.{x}"
    if conn == "globex-fra":
        if k < 35:
            return f"2001:db8:200:{r.int(1, 9)}::{r.int(1, 0xfff):x}"
        return f"198.51.100.{r.int(64, 127)}"
    if conn == "globex-par":
        return f"203.0.113.{r.int(1, 126)}"
    if conn == "initech-lon":
        if k < 25:
            return f"2001:db8:300::{r.int(1, 0xfff):x}"
        if k < 35:
            return f"::ffff:192.0.2.{r.int(1, 126)}"  # IPv4-mapped IPv6 = IPv4
        return f"192.0.2.{r.int(1, 126)}"
    if conn == "initech-nyc":
        return f"203.0.113.{r.int(193, 254)}"
    if conn == "initech-tor":
        return f"192.0.2.{r.int(129, 190)}"
    raise KeyError(conn)


def fmt_rtt(thousandths: int, i: int, r: Lcg) -> str:
    """Mostly 3 decimals; some with fewer (12.5, 12); a few with 6 decimals."""
    if i % 11 == 5:
        return f"{thousandths // 1000}.{thousandths % 1000:03d}{r.int(0, 999):03d}"  # 6 decimals
    s = f"{thousandths // 1000}.{thousandths % 1000:03d}"
    if i % 7 == 3:
        s = s.rstrip("0").rstrip(".")  # 12.5 / 12
    return s


def fmt_ts(t: dt.datetime, variant: int) -> str:
    """t is UTC; every variant denotes that same instant."""
    def local(hours=0, minutes=0):
        return t + dt.timedelta(hours=hours, minutes=minutes)
    v = variant % 9
    if v == 0:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if v == 1:
        return t.strftime("%Y-%m-%d %H:%M:%S")  # no zone = UTC
    if v == 2:
        return local(1).strftime("%Y-%m-%dT%H:%M:%S+01:00")
    if v == 3:
        return local(-5).strftime("%Y-%m-%dT%H:%M:%S-05:00")
    if v == 4:
        return t.strftime("%Y-%m-%dT%H:%MZ") if t.second == 0 else t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if v == 5:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
    if v == 6:
        return local(5, 30).strftime("%Y-%m-%dT%H:%M:%S+0530")
    if v == 7:
        return local(-8).strftime("%Y-%m-%d %H:%M:%S-08")
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f")  # 6-digit fraction, no zone


def measurements(day: dt.date, conn: str, n: int, lo: float, hi: float, r: Lcg):
    rows = []
    for i in range(n):
        t = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=r.int(0, 86399), milliseconds=r.int(0, 999))
        if i % 9 == 4:
            t = t.replace(second=0, microsecond=0)
        thousandths = int(round((lo + (hi - lo) * r.u()) * 1000))
        cs, ss = LOCATION[conn]
        rows.append([fmt_ts(t, r.int(0, 8)), client_ip(conn, r), cs[r.int(0, len(cs) - 1)],
                     ss[r.int(0, len(ss) - 1)], "", fmt_rtt(thousandths, i, r)])
    return rows


def explicit_initech_nyc_0304(day: dt.date):
    """30 samples: median exactly 100 and p95 exactly 250 (no alert: thresholds are strict)."""
    vals = ["55", "58.25", "61.5", "64", "66.125", "70", "72.5", "75", "78.75", "81",
            "84.5", "88", "91.25", "95", "100", "100.000", "120.5", "135", "150", "165.25",
            "180", "190", "200", "210.5", "220", "230", "240", "250", "250.0", "400"]
    rows = []
    for i, v in enumerate(vals):
        t = dt.datetime.combine(day, dt.time(hour=i % 24, minute=7 + i))
        rows.append([fmt_ts(t, i), f"203.0.113.{193 + i}", "US", "NY", "", v])
    return rows


def explicit_acme_sfo_0304(day: dt.date, r: Lcg):
    """45 samples, median ~30, p95 above 250 (HIGH_P95 only); includes the max legal rtt 60000."""
    rows = measurements(day, "acme-sfo", 40, 21, 39, r)
    for i, v in enumerate(["300", "333.333", "420.5", "480", "60000"]):
        t = dt.datetime.combine(day, dt.time(hour=12 + i, minute=1))
        rows.append([fmt_ts(t, 0), f"198.51.100.{200 + i}", "US", "CA", "", v])
    return rows


POPS = {"fra1": "fra1", "iad1": "iad1", "ams1": "ams1", "lhr1": "lhr1", "sin1": "sin1", "ord1": "ord1",
        "zrh1": "zrh1", "nrt1": "nrt1"}


def day_measurements(day: dt.date, r: Lcg):
    k = DAYS.index(day)
    rows = []
    for conn, plan in PLAN.items():
        p = plan[k]
        if p is None:
            rows += explicit_initech_nyc_0304(day) if conn == "initech-nyc" else explicit_acme_sfo_0304(day, r)
        elif p[0]:
            rows += measurements(day, conn, *p, r)
    # deterministic shuffle (Fisher-Yates with the LCG)
    for i in range(len(rows) - 1, 0, -1):
        j = r.int(0, i)
        rows[i], rows[j] = rows[j], rows[i]
    return rows


def csv_line(fields) -> str:
    return ",".join('"' + f.replace('"', '""') + '"' if any(c in f for c in ',"\r\n') else f for f in fields)


def std_lines(rows, pop):
    return [csv_line([ts, ip, c, s, pop, rtt]) for ts, ip, c, s, _, rtt in rows]


# ---------------------------------------------------------------------------------------------- special rows
# Unattributed but valid rows (raw lines, standard column order), per day.
def unattributed(day: str, pop: str):
    return [
        # no_prefix
        f"{day}T01:02:03Z,192.0.2.200,GB,,{pop},12.5",              # 192.0.2.192/26 is not registered
        f"{day}T02:03:04Z,2001:db8:ffff::9,DE,,{pop},20",           # 2001:db8::/32 itself is not registered
        f"{day}T03:04:05Z,::ffff:203.0.113.140,FR,,{pop},30.25",    # mapped; 203.0.113.128/26 not registered
        # location_mismatch
        f"{day}T04:05:06Z,198.51.100.70,US,CA,{pop},33.3",          # /26 globex-fra (DE) wins the LPM; the
                                                                    # /24 of acme-sfo (US/CA) is NOT a fallback
        f"{day}T05:06:07Z,198.51.100.10,US,TX,{pop},44",            # geo pair CA/NY, neither is TX
        f"{day}T06:07:08Z,2001:db8:300::5,FR,,{pop},55.5",          # initech-lon is GB
    ]


def write(path: str, data: bytes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def text(lines, crlf=False, bom=False, final_newline=True) -> bytes:
    eol = "\r\n" if crlf else "\n"
    s = eol.join(lines) + (eol if final_newline else "")
    return (b"\xef\xbb\xbf" if bom else b"") + s.encode("utf-8")


def gzip_valid(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def gzip_stored(data: bytes) -> bytes:
    """A gzip member built by hand: 10-byte header, ONE stored deflate block, CRC32, ISIZE."""
    assert len(data) < 65536
    header = bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255])  # no flags, mtime 0, OS unknown
    block = bytes([0x01]) + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data  # BFINAL=1, BTYPE=00
    return header + block + struct.pack("<II", zlib.crc32(data), len(data))



def build(out: str):
    write(os.path.join(out, "connections.csv"), CONNECTIONS.encode())
    lat = os.path.join(out, "latency")
    r = Lcg(SEED)
    M = {d: day_measurements(d, r) for d in DAYS}

    def split(rows, *parts):
        """Split rows in consecutive chunks of the given relative weights."""
        total, out_, start = sum(parts), [], 0
        for i, p in enumerate(parts):
            end = len(rows) if i == len(parts) - 1 else start + len(rows) * p // total
            out_.append(rows[start:end])
            start = end
        return out_

    # ---- 2026-03-02: LF file with quoting, offsets and wrong_day; a valid gzip file; ignored names
    d = "2026-03-02"
    a, b = split(M[DAYS[0]], 3, 2)
    fra = [HEADER] + std_lines(a[:60], "fra1") + [
        f'{d}T09:15:00Z,198.51.100.20,US,CA,"fra1, cage 3",31.5',           # comma inside quotes (valid)
        f'{d}T09:16:00Z,198.51.100.21,US,CA,"fra1',                          # valid record on two lines
        f'rack 7",29.75',
        f'{d}T09:17:00Z,198.51.100.22,US,CA,"fra1 ""annex""','b",abc',       # bad_rtt, two lines, quotes
        "",                                                                 # blank line: skipped
        f"{d}T00:30:00+01:00,198.51.100.23,US,CA,fra1,30",                  # = 03-01 23:30Z -> wrong_day
        f"{d}T23:30:00-01:00,198.51.100.24,US,CA,fra1,30",                  # = 03-03 00:30Z -> wrong_day
        "2026-03-03T00:30:00+01:00,198.51.100.25,US,CA,fra1,30.5",          # = 03-02 23:30Z -> valid
        "2026-03-01T23:30:00-01:00,198.51.100.26,US,CA,fra1,30.25",         # = 03-02 00:30Z -> valid
        "03/02/2026 10:00:00,198.51.100.27,US,CA,fra1,30",                  # bad_timestamp
        "2026-02-30T10:00:00Z,198.51.100.28,US,CA,fra1,30",                 # bad_timestamp (no Feb 30)
        f"{d}T24:00:00Z,198.51.100.29,US,CA,fra1,30",                       # bad_timestamp (hour 24)
        f"{d}T10:00:00Z,198.51.100.30,US,CA,fra1,-5",                       # bad_rtt (sign)
        f"{d}T10:00:01Z,198.51.100.31,US,CA,fra1,1e3",                      # bad_rtt (exponent)
    ] + std_lines(a[60:], "fra1") + unattributed(d, "fra1") + [""]         # trailing blank line
    write(os.path.join(lat, d, "fra1.csv"), text(fra))
    iad = [HEADER] + std_lines(b, "iad1") + [
        f"{d}T11:00:00Z,192.0.2.300,GB,,iad1,10",                           # bad_client_ip
        f"{d}T11:00:01Z,192.0.2.5,U1,,iad1,10",                             # bad_country
        f"{d}T11:00:02Z,198.51.100.40,US,XX,iad1,10",                       # bad_state
    ]
    write(os.path.join(lat, d, "iad1.csv.gz"), gzip_valid(text(iad)))
    write(os.path.join(lat, d, "notes.txt"), b"not a latency file: ignored\n")

    # ---- 2026-03-03: BOM file, CRLF file with a multi-line reject
    d = "2026-03-03"
    a, b = split(M[DAYS[1]], 1, 1)
    write(os.path.join(lat, d, "ams1.csv"), text([HEADER] + std_lines(a, "ams1") + [
        f"{d}T12:00:00Z,192.0.2.256,GB,,ams1,10",                           # bad_client_ip
        f"{d}T12:00:01Z,fe80::1%eth0,GB,,ams1,10",                          # bad_client_ip (zone)
        f"{d}T12:00:02Z,[2001:db8:300::1],GB,,ams1,10",                     # bad_client_ip (brackets)
        f"{d}T12:00:03Z,192.0.2.010,GB,,ams1,10",                           # bad_client_ip (leading zero)
    ] + unattributed(d, "ams1"), bom=True))
    write(os.path.join(lat, d, "lhr1.csv"), text([HEADER] + std_lines(b[:50], "lhr1") + [
        f'{d}T13:00:00Z,192.0.2.7,UK,,"lhr1',                               # bad_country, on two CRLF lines
        'hall B",10',
        "",                                                                 # blank CRLF line
        f"{d}T13:00:01Z,192.0.2.8,USA,,lhr1,10",                            # bad_country
        f"{d}T13:00:02Z,192.0.2.9,,,lhr1,10",                               # bad_country (empty)
        f"{d}T13:00:03Z,198.51.100.41,US,,lhr1,10",                         # bad_state (empty)
        f"{d}T13:00:04Z,198.51.100.42,US,California,lhr1,10",              # bad_state
        f"{d}T13:00:05Z,192.0.2.10,GB,,   ,10",                             # missing_edge_pop (spaces)
        f"{d}T13:00:06Z,192.0.2.11,GB,,,10",                                # missing_edge_pop (empty)
    ] + std_lines(b[50:], "lhr1"), crlf=True))

    # ---- 2026-03-04: reordered header + extra column (a header missing a column refuses the whole file: that
    # case lives in the hostile corpus, src/test/resources/hostile/)
    d = "2026-03-04"
    a, b = split(M[DAYS[2]], 3, 2)
    write(os.path.join(lat, d, "fra1.csv"), text([HEADER] + std_lines(a, "fra1") + [
        f"{d}T15:00:00Z,192.0.2.14,GB,,fra1,0",                             # rtt_out_of_range
        f"{d}T15:00:01Z,192.0.2.15,GB,,fra1,0.000",                         # rtt_out_of_range
        f"{d}T15:00:02Z,192.0.2.16,GB,,fra1,60000.001",                     # rtt_out_of_range
        f"{d}T15:00:03Z,192.0.2.17,GB,,fra1,",                              # bad_rtt (empty)
        f"{d}T15:00:04Z,192.0.2.18,GB,,fra1,fast",                          # bad_rtt
        f"{d}T15:00:05Z,2001:db8:300::1::2,GB,,fra1,10",                    # bad_client_ip
        f"{d}T15:00:06,192.0.2.19,GB,,fra1,10",                             # valid: no zone = UTC
    ] + unattributed(d, "fra1")))
    # sin1.csv: columns in another order, names in other case with spaces, one extra column
    order = [5, 4, 1, None, 3, 2, 0]  # rtt_ms, edge_pop, client_ip, probe_id, state, country, timestamp
    lines = [" RTT_MS ,Edge_Pop,Client_IP,probe_id,State,COUNTRY,Timestamp "]
    for i, row in enumerate(b):
        row = row[:4] + ["sin1"] + row[5:]
        lines.append(csv_line([f"p{i:03d}" if k is None else row[k] for k in order]))
    lines += [csv_line(["12", "sin1", "192.0.2.20", "p900", "", "GB", f"{d}T16:00:00Z", "surplus"]),  # column_count
              csv_line([" 12.5 ", " sin1 ", " 192.0.2.21 ", "p901", "", " gb ", f" {d}T16:00:01Z "])]  # valid, trimmed
    write(os.path.join(lat, d, "sin1.csv"), text(lines))

    # ---- 2026-03-05: a gzip built by hand (one stored block), column_count rows, NO_DATA for acme-chi
    d = "2026-03-05"
    a, b = split(M[DAYS[3]], 1, 1)
    write(os.path.join(lat, d, "ord1.csv"), text([HEADER] + std_lines(a, "ord1") + [
        f"{d}T17:00:00Z,192.0.2.22,GB,,ord1,10,extra",                      # column_count (7 fields)
        f"{d}T17:00:01Z,192.0.2.23,GB,,ord1",                               # column_count (5 fields)
        "   ",                                                              # not blank: 1 field -> column_count
        f"{d}T17:00:02Z,192.0.2.24,,,ord1,10,",                             # column_count beats bad_country
    ] + unattributed(d, "ord1")))
    write(os.path.join(lat, d, "sin1.csv"), text([HEADER] + std_lines(b, "sin1")))
    # zrh1.csv.gz: 40 extra rows of big connections. (It used to be cut after these 40 rows; a truncated gzip
    # now refuses the whole file, and that case lives in the hostile corpus. The 60 rows are still drawn so that
    # the generator's later numbers, and so every other file, stay the same.)
    extra = measurements(DAYS[3], "acme-sfo", 30, 20, 40, r) + measurements(DAYS[3], "initech-lon", 30, 8, 15, r)
    for i in range(len(extra) - 1, 0, -1):
        j = r.int(0, i)
        extra[i], extra[j] = extra[j], extra[i]
    zl = [HEADER] + std_lines(extra, "zrh1")
    write(os.path.join(lat, d, "zrh1.csv.gz"), gzip_stored(text(zl[:41])))

    # ---- 2026-03-06: file without final newline, header-only file, ignored names
    d = "2026-03-06"
    a, b = split(M[DAYS[4]], 2, 1)
    write(os.path.join(lat, d, "empty.csv"), text([HEADER]))
    write(os.path.join(lat, d, "iad1.csv"), text([HEADER] + std_lines(a, "iad1") + unattributed(d, "iad1") + [
        f"{d}T18:00:00.123456789Z,192.0.2.25,GB,,iad1,10",                  # valid: 9-digit fraction
        f"{d}T18:00Z,192.0.2.26,gb,,iad1,10.123456",                        # valid: no seconds, 6 decimals
        f"{d}T18:00:00+1,192.0.2.27,GB,,iad1,10",                           # bad_timestamp (1-digit offset)
        f"{d},192.0.2.28,GB,,iad1,10",                                      # bad_timestamp (date only)
    ]))
    write(os.path.join(lat, d, "ord1.csv"), text([HEADER] + std_lines(b, "ord1") + [
        f"{d}T19:00:00Z,198.51.100.43,US,C,ord1,10",                        # bad_state
        f"{d}T19:00:01Z,198.51.100.44,US,CA,ord1,+10",                      # bad_rtt
    ], final_newline=False))
    write(os.path.join(lat, d, "iad1.csv.bak"), text([HEADER, f"{d}T19:00:00Z,192.0.2.29,GB,,iad1,10"]))
    write(os.path.join(lat, d, "README"), b"ignored\n")

    # ---- 2026-03-07: two files with the same stem (.csv < .csv.gz), regressions
    d = "2026-03-07"
    a, b = split(M[DAYS[5]], 1, 1)
    write(os.path.join(lat, d, "ams1.csv"), text([HEADER] + std_lines(a, "ams1") + [
        f"{d}T20:00:00Z,192.0.2.30,GB,,ams1,75000",                         # rtt_out_of_range
        f"{d}T20:00:01+05:30,192.0.2.31,GB,,ams1,10",                       # = 14:30:01Z, valid
        f"{d}T02:00:00+05:30,192.0.2.32,GB,,ams1,10",                       # = 03-06 20:30Z -> wrong_day
        # reason priority: each row is also invalid for every later reason
        "2026-03-06T12:00:00Z,not-an-ip,ZZ,,,abc",                          # wrong_day (not bad_client_ip)
        f"{d}T12:00:01Z,192.0.2.33,ZZ,XX,,-1",                              # bad_country (ZZ is not ISO)
        f"{d}T12:00:02Z,198.51.100.45,US,ZZ,,-1",                           # bad_state
        f"{d}T12:00:03Z,198.51.100.46,US,NY,,-1",                           # missing_edge_pop
        f"{d}T12:00:04Z,198.51.100.47,us,ny,ams1,0.0",                      # rtt_out_of_range
    ]))
    write(os.path.join(lat, d, "ams1.csv.gz"), gzip_valid(text([HEADER] + std_lines(b, "ams1")
                                                                + unattributed(d, "ams1"))))


def main():
    p = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--out", default=os.path.join(here, "..", "resources", "golden", "week", "input"))
    build(os.path.normpath(p.parse_args().out))


if __name__ == "__main__":
    main()
