#!/usr/bin/env python3
"""Deterministic generator of the input files of the hostile corpus, src/test/resources/hostile/<case>/input/.

    python3 src/test/python/make_hostile_corpus.py [--out src/test/resources/hostile]

Only the inputs are generated; each case's expected.properties (and rejects.csv) is written by hand from the
contract (docs/input-rules.md).  Large inputs (a 10 MB line, a million rows, a decompression
bomb) are not here: HostileInputTest generates them in a temporary folder.  Every gzip file is built by hand
(stored deflate blocks), so its bytes do not depend on zlib.  Standard library only.
"""
from __future__ import annotations

import argparse
import os
import random
import struct
import zlib

DAY = "2026-11-19"
HEADER = "timestamp,client_ip,country,state,edge_pop,rtt_ms"


def gzip_stored(data: bytes) -> bytes:
    """A gzip member with ONE stored deflate block, CRC32 and ISIZE."""
    header = bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255])
    block = bytes([0x01]) + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data
    return header + block + struct.pack("<II", zlib.crc32(data), len(data))


def row(second: int, ip: str, country="GB", state="", pop="lhr1", rtt="12.5") -> str:
    return f"{DAY}T10:00:{second:02d}Z,{ip},{country},{state},{pop},{rtt}"


def lines(*rows: str) -> bytes:
    return ("\n".join(rows) + "\n").encode()


def write(root: str, case: str, name: str, data: bytes):
    folder = os.path.join(root, case, "input")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def build(root: str):
    # every case's day also holds common/good.csv (copied by the test)
    os.makedirs(os.path.join(root, "common"), exist_ok=True)
    with open(os.path.join(root, "common", "good.csv"), "wb") as f:
        f.write(lines(HEADER, row(1, "192.0.2.1"), row(2, "192.0.2.2"), row(3, "198.51.100.7", "US", "NY", "jfk1"),
                      row(4, "2001:db8:200::1", "DE", "", "fra1"), row(5, "203.0.113.9", "DE", "", "fra1"),
                      row(6, "192.0.2.200"),                  # no_prefix
                      row(7, "192.0.2.3", "FR")))             # location_mismatch

    text = lines(HEADER, *(row(s, f"192.0.2.{s}") for s in range(10, 40)))

    # ---- whole-file failures
    gz = gzip_stored(text)
    write(root, "truncated-gzip", "cut.csv.gz", gz[:len(gz) // 2])
    write(root, "not-gzip", "plain.csv.gz", text)
    broken = bytearray(gz)
    broken[15 + 100] ^= 0x01                                  # one bit of the stored data: the CRC-32 differs
    write(root, "corrupt-gzip", "flipped.csv.gz", bytes(broken))
    write(root, "binary-garbage", "garbage.csv", random.Random(20261119).randbytes(4096))
    write(root, "duplicate-columns", "twice.csv", lines(HEADER + ",probe, Client_IP ", row(1, "192.0.2.1") + ",p,x"))
    write(root, "missing-column", "no-rtt.csv", lines("timestamp,client_ip,country,state,edge_pop",
                                                       row(1, "192.0.2.1")[:-5]))

    # ---- rows with NUL bytes and invalid UTF-8: one reject each, the rest of the file is read
    write(root, "nul-bytes", "nul.csv", lines(
        HEADER,
        row(10, "192.0.2.10", pop="lhr\x001"),                # NUL inside a field
        "\x00" + row(11, "192.0.2.11"),                       # NUL at the start of the line
        "\x00\x00\x00",                                       # a line of NULs only
        row(12, "192.0.2.12", pop='"lhr\x00"'),               # NUL in a quoted field
        row(13, "192.0.2.13")) + b"\x00\n" + lines(row(14, "192.0.2.14")))
    bad = [b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf5\x80\x80\x80", b"\xe2\x82", b"\xff\xfe"]
    data = lines(HEADER)
    for i, seq in enumerate(bad):
        data += row(20 + i, f"192.0.2.{20 + i}", pop="lhr").encode() + seq + b"\n"
    data += lines(row(30, "192.0.2.30", pop="z\u00fcrich-\u20ac-\U0001F600"))  # valid multi-byte: accepted
    data += row(31, "192.0.2.31").encode() + b"\xe2\x82"     # a sequence cut by the end of the file
    write(root, "invalid-utf8", "bad-bytes.csv", data)

    # ---- quotes
    write(root, "unbalanced-quotes", "quotes.csv", lines(
        HEADER,
        row(10, "192.0.2.10"),
        f'{DAY}T10:00:11Z,192.0.2.11,GB,,"lhr1,12.5',          # opened, closed only by the next quote below
        row(12, "192.0.2.12"),
        f'{DAY}T10:00:13Z,192.0.2.13,GB,,lhr1",12.5',         # closes it: one record of 3 lines
        row(14, "192.0.2.14"),
        f'{DAY}T10:00:15Z,192.0.2.15,GB,,"lhr""1",12.5',       # doubled quote inside: valid
        f'{DAY}T10:00:16Z,"192.0.2.16,GB,,lhr1,12.5',         # never closed: this line alone is rejected
        row(17, "192.0.2.17"),
        row(18, "192.0.2.18")))

    # ---- files without rows
    write(root, "empty-file", "empty.csv", b"")
    write(root, "empty-file", "empty.csv.gz", b"")
    write(root, "empty-file", "blank-lines.csv", b"\n\r\n\n")
    write(root, "header-only", "header.csv", lines(HEADER))
    write(root, "header-only", "header-crlf-bom.csv", b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n\r\n")
    write(root, "header-only", "header.csv.gz", gzip_stored(HEADER.encode()))

    # ---- timestamps at the day's edges and with far offsets (folder day 2026-11-19)
    ts = [
        "2026-11-19T00:00:00Z",              # first instant: in
        "2026-11-19T23:59:59.999999999Z",    # last instant: in
        "2026-11-20T00:00:00Z",              # wrong_day
        "2026-11-18T23:59:59.999999999Z",    # wrong_day
        "2026-11-19T14:00:00+14:00",         # = 00:00Z: in
        "2026-11-19T13:59:59+14:00",         # = 18th 23:59:59Z: wrong_day
        "2026-11-19T11:59:59-12:00",         # = 23:59:59Z: in
        "2026-11-19T12:00:00-12:00",         # = 20th 00:00Z: wrong_day
        "2026-11-20T17:59:59+18:00",         # = 23:59:59Z: in
        "2026-11-18T06:00:00-18:00",         # = 00:00Z: in
        "2026-11-19T10:00:00+18:01",         # beyond 18:00: bad_timestamp
        "2026-11-19T10:00:00-1900",          # bad_timestamp
        "2026-11-19T10:00:00-00:00",         # = Z: in
        "2026-11-19T23:59:60Z",              # no leap seconds: bad_timestamp
        "2026-11-19T24:00:00Z",              # bad_timestamp
        "2026-11-19t10:00:00z",              # lower-case t and z: in
    ]
    write(root, "day-boundaries", "edges.csv", lines(
        HEADER, *(f"{t},192.0.2.{10 + i},GB,,lhr1,12.5" for i, t in enumerate(ts))))

    # ---- IPv6 zone ids: refused
    zones = ["fe80::1%eth0", "fe80::1%25eth0", "2001:db8:200::1%1", "[fe80::1%eth0]", "fe80::1%"]
    write(root, "ipv6-zone-ids", "zones.csv", lines(
        HEADER, *(row(10 + i, ip, "DE", "", "fra1") for i, ip in enumerate(zones))))

    # ---- exotic spellings: each accepted or refused by a rule of docs/input-rules.md
    spellings = [
        ("::ffff:192.0.2.40", "GB"),         # IPv4-mapped: the IPv4 address (lon-1)
        ("::FFFF:C000:0229", "GB"),          # the same in hex, upper case: 192.0.2.41 (lon-1)
        ("2001:DB8:200::1", "DE"),           # upper-case hex (fra-1)
        ("2001:0db8:0200:0000:0000:0000:0000:0002", "DE"),  # fully written out (fra-1)
        ("  192.0.2.42  ", "GB"),           # surrounding spaces are trimmed (lon-1)
        ("::192.0.2.43", "GB"),              # IPv4-compatible: an IPv6 address (::c000:22b): no_prefix
        ("::", "GB"),                        # unspecified: no_prefix
        ("::1", "GB"),                       # loopback: no_prefix
        ("64:ff9b::192.0.2.44", "GB"),       # NAT64: IPv6: no_prefix
        ("192.0.2.010", "GB"),               # leading zero: bad_client_ip
        ("10.1", "GB"),                      # shorthand: bad_client_ip
        ("3221225985", "GB"),                # integer: bad_client_ip
        ("0xC0.0.2.1", "GB"),                # hex octet: bad_client_ip
        ("0300.0.2.1", "GB"),                # octal octet: bad_client_ip
        ("[2001:db8:200::1]", "DE"),         # brackets: bad_client_ip
        ("192.0.2.1.", "GB"),                # trailing dot: bad_client_ip
        ("192.0.2.256", "GB"),               # octet above 255: bad_client_ip
        ("1::2:3:4:5:6:7:8", "DE"),          # "::" standing for no group: bad_client_ip
        ("2001:db8:::1", "DE"),              # ":::": bad_client_ip
        ("::ffff:192.0.2.010", "GB"),        # leading zero in the embedded IPv4: bad_client_ip
        ("192.0.2.1/32", "GB"),              # a prefix, not an address: bad_client_ip
        ("192.0. 2.1", "GB"),                # inner space: bad_client_ip
        ("\uff11\uff19\uff12.0.2.1", "GB"),  # full-width digits: bad_client_ip
    ]
    write(root, "exotic-ip-spellings", "spellings.csv", lines(
        HEADER, *(row(10 + i, ip, country, "", "lhr1") for i, (ip, country) in enumerate(spellings))))


def main():
    p = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--out", default=os.path.join(here, "..", "resources", "hostile"))
    build(os.path.normpath(p.parse_args().out))


if __name__ == "__main__":
    main()
