#!/usr/bin/env python3
"""Independent reference implementation of the peertel telemetry job (golden-file oracle).

Written from the data contracts alone (docs/data-contracts.md, docs/input-rules.md), NOT from the Java code: it is a
second opinion used to compute src/test/resources/golden/*/expected/.  Standard library only, Python 3.11.

Usage:
    python3 src/test/python/reference_pipeline.py --connections C --input DIR --out DIR --from D1 --to D2 \
        [--skip-bad-files] [--allow-empty-day] [--range-report] [--bgp DIR] [--max-file-bytes N] \
        [--max-record-bytes N]

What it implements
  * connections.csv: read by header names (any column order, BOM allowed), prefixes split on spaces
    and/or semicolons.  The registry is ASSUMED VALID: no registry validation at all (no duplicate,
    special-purpose, host-bit or overlap checks).
  * latency input: for every UTC day D in [from, to], every `*.csv` / `*.csv.gz` file of <input>/D/ in
    file-name order (code-point order == Java String.compareTo for the ASCII names used here);
    other names are ignored.  A missing day folder stops the script with an error (the job's run refuses it).
  * an empty day: no file of the day holds a data row (no input file at all, or only 0-byte, blank or
    header-only ones) and no file was skipped as bad.  Without --allow-empty-day the script stops with an error
    (the job's run refuses the day); with it the day is processed as a day without data: rows_read 0, NO_DATA
    for every connection, and every report row says "none".  A day whose files were all skipped as bad is
    "partial", not empty.
  * an RFC 4180 record reader that keeps physical line numbers (header = line 1), skips blank lines
    (empty after removing the terminator), accepts LF and CRLF, strips a leading BOM, and gives the
    exact raw text of a record (inner line breaks normalised to "\\n").  Invalid UTF-8 bytes are kept as
    surrogate escapes (one per byte, counted as one byte).  Records longer than --max-record-bytes (bytes
    of the file, inner terminators as written) and quoted fields left open follow docs/input-rules.md: record_too_long keeps the first bytes plus " [truncated: N bytes in all]";
    unbalanced_quotes rejects the record's first physical line and reading resumes at the next line.
  * row validation with exactly one reject reason, the first in contract order:
    bad_encoding, record_too_long, unbalanced_quotes, column_count, bad_timestamp, wrong_day,
    bad_client_ip, bad_country, bad_state, missing_edge_pop, bad_rtt, rtt_out_of_range.  Field values are
    trimmed of surrounding characters up to U+0020.
  * bad files (refused as a whole): unreadable, not_gzip, corrupt_gzip, truncated_gzip (strict RFC 1952,
    several members allowed, nothing after the last), too_large (--max-file-bytes, decompressed),
    bad_header (first non-blank record: a required column missing, a non-empty name twice after trimming
    and ASCII lower-casing, bad encoding, too long, or a quote never closed).  Without --skip-bad-files the
    day fails (the script stops with an error); with it the file is left out (rows 0, none of its rows
    count), listed in "skipped_files", "partial" is true and every report row says "partial".
  * coverage (the last column of both report files): "partial" when a file was skipped, else "none" for an
    empty day (above), else "complete".
  * attribution: brute-force longest-prefix match with `ipaddress` over every registered prefix
    (IPv4-mapped IPv6 clients are treated as their IPv4 address); among the connections that registered
    exactly that longest prefix, the one with the same country (and, for US, the same state) wins; else
    location_mismatch (no fallback to a shorter prefix); no covering prefix -> no_prefix.
  * statistics per connection per day and per (connection, matched prefix) per day: samples, min, max,
    mean (exact: Fraction of the exact decimal sum / n), median/p95/p99 = DuckDB quantile_cont formula on
    Python floats (IEEE doubles) parsed from the (6-decimal-rounded) decimal text.
    Per (connection, UTC hour of the timestamp) the same, for the hours with samples (reports' -hourly.csv).
  * number format: 3 decimals HALF_UP, from Decimal(float) for doubles, from the exact value for
    mean/min/max; empty for no value.
  * alerts with default rules only (no alerts.properties overrides): min_samples 30, HIGH_MEDIAN
    (100 WARNING / 200 CRITICAL), HIGH_P95 (250), REGRESSION (factor 1.5 over the quantile_cont-0.5 of
    the daily medians of D-7..D-1 having >= 30 samples, needs >= 3 such days; the "store" is the days
    processed earlier in this same run), NO_DATA.
  * alert lifecycle (incidents): an incident is one (connection, rule) from the first day it fires until it
    resolves; its id is <opened_on>/<connection_id>/<rule>.  A rule is "judged" for a connection on a day when:
    NO_DATA always; HIGH_MEDIAN and HIGH_P95 when the day has >= 30 samples; REGRESSION when it has >= 30
    samples and the baseline has >= 3 previous days.  In calendar order of the processed days: a rule that
    fires opens an incident (state OPEN, opened_on = the day) if the pair has none open, else continues it
    (CONTINUING); a rule that is judged and does not fire resolves the open incident on that day; a rule not
    judged changes nothing (the incident stays open).  The incidents are the only state kept across days besides
    the statistics store; they never change which alerts fire.  (One registry: no connection is ever removed,
    which would resolve its incidents as well.)
  * output tree: alerts/<date>.csv (the alert rows, then state, opened_on and days_open = calendar days since
    opened_on, 0 on the first day), alerts/<date>-resolved.csv for every processed day (the incidents resolved
    that day, header only when none: incident_id, opened_on, resolved_on, customer_id, connection_id,
    connection_name, rule, last_severity, days_open = resolved_on - opened_on, message = "did not fire on
    <resolved_on>; last: <the last alert row's message>"; customer, name and severity from the incident's last
    alert row), alerts/open.csv once after the last day (the incidents still open: the same columns, resolved_on
    empty, days_open = last processed day - opened_on, message = the last alert row's message; header only when
    none; both files sorted by customer_id, connection_id, then rule in alert-file order),
    reports/<customer>/<date>.csv, reports/<customer>/<date>-prefixes.csv,
    reports/<customer>/<date>-hourly.csv, rejects/<date>.csv,
    reports/<customer>/month-<YYYY-MM>.csv and -prefixes.csv for each month of the run (the range files over the
    month's processed days, plus days_not_processed), with --range-report also
    reports/<customer>/range-<from>_<to>.csv and -prefixes.csv (statistics over every sample of the range, days
    with data, days without, days with an alert, the range's coverage; one registry, so every day belongs to the
    same owners; both range and month files end with events_critical and events_warning, the connection's prefix
    event rows of that level over the days, 0 without --bgp), runs/<date>.json (with "started_at"/"finished_at" =
    "IGNORED").
  * with --bgp DIR, the prefix events of every day whose folder DIR/<date>/ exists (reference_events.py):
    events/<date>.csv, reports/<customer>/<date>-events.csv, bgp-rejects/<date>.csv, and a "bgp" line after
    "alerts" in runs/<date>.json ({"status": "missing"} for a day without a folder, which writes no other file).
    CSV: comma, "\\n" line ends, a field is quoted iff it contains , " CR or LF (quotes doubled).
    Text cells of reports and alerts (ids, names, partner, country, state, prefix, alert/incident id, message) that
    start with = + - @ TAB CR or NUL get a leading ' (CSV injection); rejects/ is written verbatim.
    (Python's csv.writer with lineterminator="\\n" does NOT quote a lone CR, hence the tiny writer below.)

Assumptions / choices where the contract is silent (all listed in golden/week/README.md):
  * timestamps: `YYYY-MM-DD[T|t| ]HH:MM[:SS[.f{1,9}]][Z|z|+HH:MM|+HHMM|+HH]`, real calendar date, hour 0-23,
    offset at most 18:00; the fraction needs seconds.
  * rtt: `[0-9]+(\\.[0-9]+)?`; more than 6 decimals are rounded HALF_UP to 6 BEFORE the range check.
  * US state: the 50 states, DC, AS, GU, MP, PR, VI (only codes that are unambiguous are used in the data).
  * country: java.util.Locale.getISOCountries() of JDK 17 (hard-coded below).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import ipaddress
import math
import os
import re
import sys
import zlib
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

from reference_events import bgp_day, bgp_json_line

# ---------------------------------------------------------------------------------------------- constants

# java.util.Locale.getISOCountries() on OpenJDK 17.0.15 (printed with a 3-line Java program).
ISO_COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI
FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN
IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE
YT ZA ZM ZW
""".split())

US_STATES = frozenset("""
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH
OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR VI
""".split())

REQUIRED = ("timestamp", "client_ip", "country", "state", "edge_pop", "rtt_ms")

MIN_SAMPLES = 30
MEDIAN_WARNING = 100.0
MEDIAN_CRITICAL = 200.0
P95_WARNING = 250.0
REGRESSION_FACTOR = Decimal("1.5")
REGRESSION_MIN_DAYS = 3
REGRESSION_WINDOW = 7
RULE_ORDER = ("HIGH_MEDIAN", "HIGH_P95", "REGRESSION", "NO_DATA")

DEFAULT_MAX_FILE_BYTES = 16 << 30
DEFAULT_MAX_RECORD_BYTES = 64 << 10
TRIMMED = "".join(chr(c) for c in range(0x21))  # a field is trimmed of characters up to U+0020

TS_RE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?"
    r"([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?")
RTT_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")

# ---------------------------------------------------------------------------------------------- formatting


def fmt3(value) -> str:
    """3 decimals HALF_UP; float -> from its exact binary value; Decimal/Fraction -> exact; None -> ''."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(Decimal(value).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))
    if isinstance(value, Fraction):  # exact HALF_UP of a non-negative rational
        assert value >= 0
        thousandths = value * 1000
        q, r = divmod(thousandths.numerator, thousandths.denominator)
        if 2 * r >= thousandths.denominator:
            q += 1
        return f"{q // 1000}.{q % 1000:03d}"
    raise TypeError(value)


def csv_field(s: str) -> str:
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def formula_guard(s: str) -> str:
    """OWASP CSV injection: a text cell starting with = + - @ TAB CR or NUL gets a leading apostrophe."""
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r", "\0") else s


def write_csv(path: str, header, rows) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        for row in [header, *rows]:
            f.write(",".join(csv_field(str(x)) for x in row) + "\n")


# ---------------------------------------------------------------------------------------------- CSV reading


class BadFile(Exception):
    """A file refused as a whole: reason code and message as in runs/<date>.json."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason, self.message = reason, message


def char_bytes(c: str) -> int:
    o = ord(c)
    if o < 0x80 or 0xDC80 <= o <= 0xDCFF:  # ASCII, or an invalid byte kept as a surrogate escape
        return 1
    return 2 if o < 0x800 else 3 if o < 0x10000 else 4


def text_bytes(text: str) -> int:
    return sum(char_bytes(c) for c in text)


def bad_encoding(text: str) -> bool:
    return any(c == "\0" or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def clean(text: str) -> str:
    """Invalid bytes and NUL as U+FFFD, as the rejects file shows them."""
    return "".join("\ufffd" if c == "\0" or 0xDC80 <= ord(c) <= 0xDCFF else c for c in text)


def physical_lines(text: str):
    """[(content, terminator)]: split at LF; one CR before the LF or the end of the text is terminator."""
    lines, start = [], 0
    while start < len(text):
        lf = text.find("\n", start)
        end, term = (len(text), "") if lf < 0 else (lf, "\n")
        content = text[start:end]
        if content.endswith("\r"):
            content, term = content[:-1], "\r" + term
        lines.append((content, term))
        start = end + 1
    if lines and lines[0][0].startswith("\ufeff"):
        lines[0] = (lines[0][0][1:], lines[0][1])
    return lines


def read_records(lines, max_bytes: int):
    """RFC 4180 records with the length limit: [(start_line, shape, fields, raw)].

    shape is "complete", "record_too_long" or "unbalanced_quotes"; raw keeps invalid bytes as escapes.
    """
    records, i = [], 0
    while i < len(lines):
        if lines[i][0] == "":
            i += 1
            continue
        start = j = i
        line, k = lines[j][0], 0
        fields, field, raw = [], [], []
        nbytes, in_q, q_in_q, blank = 0, False, False, True
        while True:
            if k == len(line):
                if q_in_q:
                    in_q = q_in_q = False
                if not in_q:
                    fields.append("".join(field))
                    records.append((start + 1, "complete", fields, "".join(raw)))
                    i = j + 1
                    break
                nbytes += len(lines[j][1])
                if nbytes > max_bytes or j + 1 >= len(lines):
                    records.append((start + 1, "unbalanced_quotes", None, lines[start][0]))
                    i = start + 1
                    break
                j += 1
                line, k = lines[j][0], 0
                raw.append("\n")
                field.append("\n")
                continue
            c = line[k]
            b = char_bytes(c)
            if nbytes + b > max_bytes:
                is_open = in_q and not q_in_q
                if is_open and j > start:
                    records.append((start + 1, "unbalanced_quotes", None, lines[start][0]))
                    i = start + 1
                else:
                    total = nbytes + text_bytes(line[k:])
                    marker = f" [truncated: {total} bytes in all]"
                    records.append((start + 1, "unbalanced_quotes" if is_open else "record_too_long", None,
                                    ("".join(raw), marker)))
                    i = j + 1
                break
            nbytes += b
            raw.append(c)
            k += 1
            if q_in_q:
                q_in_q = False
                if c == '"':
                    field.append('"')
                    continue
                in_q = False
            if in_q:
                if c == '"':
                    q_in_q = True
                else:
                    field.append(c)
            elif c == ",":
                fields.append("".join(field))
                field, blank = [], True
            elif c == '"' and blank:
                in_q, blank = True, False
            else:
                field.append(c)
                blank = blank and c == " "
    return records


def gunzip_strict(data: bytes):
    """(content, BadFile or None): RFC 1952 members back to back, nothing after the last."""
    out, pos, first = [], 0, True
    while True:
        member = pos
        if pos == len(data):
            return b"".join(out), None
        if data[pos] != 0x1F or (pos + 1 < len(data) and data[pos + 1] != 0x8B):
            if first:
                return b"", BadFile("not_gzip", "named .gz but not gzip data: it does not start with the gzip "
                                                "signature 1f 8b")
            return b"".join(out), BadFile("corrupt_gzip", f"corrupt gzip data: the bytes from byte {member} on, "
                                                          "after the last gzip member, are not another gzip member")
        truncated = BadFile("truncated_gzip", f"truncated gzip data: the file ends at byte {len(data)}, inside "
                                              f"the gzip member that starts at byte {member}")
        if pos + 10 > len(data):
            return b"".join(out), truncated
        method, flags = data[pos + 2], data[pos + 3]
        if method != 8 or flags & 0xE0:
            return b"".join(out), BadFile("corrupt_gzip", f"corrupt gzip data in the member that starts at byte "
                                                          f"{member}: bad method or flags")
        pos += 10
        if flags & 4:
            if pos + 2 > len(data):
                return b"".join(out), truncated
            pos += 2 + (data[pos] | data[pos + 1] << 8)
        for flag in (8, 16):
            if flags & flag:
                end = data.find(b"\0", pos)
                if end < 0:
                    return b"".join(out), truncated
                pos = end + 1
        if flags & 2:
            pos += 2
        if pos > len(data):
            return b"".join(out), truncated
        d = zlib.decompressobj(-15)
        try:
            chunk = d.decompress(data[pos:])
        except zlib.error as e:  # the message in parentheses is Java's Inflater text on the Java side
            return b"".join(out), BadFile("corrupt_gzip", f"corrupt gzip data in the member that starts at byte "
                                                          f"{member}: invalid deflate data ({e})")
        out.append(chunk)
        if not d.eof or len(d.unused_data) < 8:
            return b"".join(out), truncated
        trailer = d.unused_data[:8]
        if int.from_bytes(trailer[:4], "little") != zlib.crc32(chunk) or \
                int.from_bytes(trailer[4:], "little") != len(chunk) % 2**32:
            return b"".join(out), BadFile("corrupt_gzip", f"corrupt gzip data in the member that starts at byte "
                                                          f"{member}: CRC-32 or length mismatch")
        pos = len(data) - len(d.unused_data) + 8
        first = False


def load_file(path: str, max_file_bytes: int):
    """(text, problem): the decoded text read before any problem, and the problem (BadFile) or None."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return "", BadFile("unreadable", f"cannot be read: {e}")
    problem = None
    if path.endswith(".gz"):
        data, problem = gunzip_strict(data)
    if len(data) > max_file_bytes:
        data, problem = data[:max_file_bytes], BadFile("too_large", f"more than {max_file_bytes} bytes of content "
                                                       "(ingest.max-file-bytes; the decompressed size for .gz files)")
    return data.decode("utf-8", errors="surrogateescape"), problem


def read_file(path: str, max_file_bytes: int, max_record_bytes: int):
    """(header_index, data records) of a good file; raises BadFile for a bad one."""
    text, problem = load_file(path, max_file_bytes)
    lines = physical_lines(text)
    if problem is not None:
        # the first problem in file order wins: a header complete before the break is judged first
        if not lines or lines[-1][1] == "":
            lines = lines[:-1]
        records = read_records(lines, max_record_bytes)
        if records:
            header_index(records[0], max_record_bytes)
        raise problem
    records = read_records(lines, max_record_bytes)
    if not records:
        return None, []
    return header_index(records[0], max_record_bytes), records[1:]


def header_index(record, max_record_bytes: int):
    line, shape, fields, raw = record
    where = f"line {line}: the header "
    kept = raw[0] if isinstance(raw, tuple) else raw
    if bad_encoding(kept):
        raise BadFile("bad_header", where + "is not valid UTF-8 or holds a NUL byte")
    if shape == "record_too_long":
        raise BadFile("bad_header", where + f"is longer than ingest.max-record-bytes ({max_record_bytes} bytes)")
    if shape == "unbalanced_quotes":
        raise BadFile("bad_header", where + "has a quoted field that is never closed")
    names = [f.strip(TRIMMED) for f in fields]
    names = ["".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in n) for n in names]
    seen = {}
    for k, name in enumerate(names):
        if name in seen and name:
            raise BadFile("bad_header", where + f"names the column '{name}' twice (columns {seen[name] + 1} "
                                                f"and {k + 1})")
        seen.setdefault(name, k)
    missing = [r for r in REQUIRED if r not in seen]
    if missing:
        raise BadFile("bad_header", where + "lacks the required column" + (" " if len(missing) == 1 else "s ")
                      + ", ".join(missing) + " (it needs " + ",".join(REQUIRED) + ", in any order)")
    idx = {"_count": len(names)}
    for r in REQUIRED:
        idx[r] = seen[r]
    return idx


# ---------------------------------------------------------------------------------------------- validation


def parse_timestamp_utc(s: str):
    m = TS_RE.fullmatch(s)
    if not m:
        return None
    y, mo, d, h, mi, sec, frac, off = m.groups()
    try:
        local = dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0),
                            int(((frac or "") + "000000")[:6]))
    except ValueError:
        return None
    offset = dt.timedelta(0)
    if off and off not in ("Z", "z"):
        sign = -1 if off[0] == "-" else 1
        digits = off[1:].replace(":", "")
        oh, om = int(digits[:2]), int(digits[2:4] or 0)
        if om > 59 or oh * 60 + om > 18 * 60:
            return None
        offset = sign * dt.timedelta(hours=oh, minutes=om)
    return local - offset


def parse_ip(s: str):
    if "%" in s or "[" in s or "]" in s:
        return None
    try:
        if ":" in s:
            a = ipaddress.IPv6Address(s)
            return a.ipv4_mapped or a
        return ipaddress.IPv4Address(s)  # Python >= 3.9.5 rejects leading zeros
    except ValueError:
        return None


def validate(fields, idx, day: dt.date):
    """Return (reason, None) or (None, measurement dict)."""
    if len(fields) != idx["_count"]:
        return "column_count", None
    v = {k: fields[idx[k]].strip(TRIMMED) for k in REQUIRED}
    ts = parse_timestamp_utc(v["timestamp"])
    if ts is None:
        return "bad_timestamp", None
    if ts.date() != day:
        return "wrong_day", None
    ip = parse_ip(v["client_ip"])
    if ip is None:
        return "bad_client_ip", None
    country = v["country"].upper()
    if not (len(country) == 2 and country.isascii() and country in ISO_COUNTRIES):
        return "bad_country", None
    state = ""
    if country == "US":
        state = v["state"].upper()
        if not (state.isascii() and state in US_STATES):
            return "bad_state", None
    if v["edge_pop"] == "":
        return "missing_edge_pop", None
    if not RTT_RE.fullmatch(v["rtt_ms"]):
        return "bad_rtt", None
    rtt = Decimal(v["rtt_ms"])
    if rtt.as_tuple().exponent < -6:
        rtt = rtt.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    if not (0 < rtt <= 60000):
        return "rtt_out_of_range", None
    return None, {"ts": ts, "ip": ip, "country": country, "state": state, "rtt": rtt}


# ---------------------------------------------------------------------------------------------- registry


def read_registry(path: str):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    records = read_records(physical_lines(text), 1 << 30)
    header = [h.strip().lower() for h in records[0][2]]
    conns = []
    for _, _, fields, _ in records[1:]:
        r = {h: fields[k].strip() for k, h in enumerate(header)}
        r["country"] = r["country"].upper()
        r["state"] = r["state"].upper() if r["country"] == "US" else ""
        r["networks"] = [ipaddress.ip_network(p) for p in re.split(r"[ ;]+", r["prefixes"].strip()) if p]
        conns.append(r)
    return conns


def attribute(ip, conns):
    """Return ("no_prefix", None) or (longest matching network, connections that registered it)."""
    best = None
    for c in conns:
        for net in c["networks"]:
            if net.version == ip.version and ip in net and (best is None or net.prefixlen > best.prefixlen):
                best = net
    if best is None:
        return "no_prefix", None
    return best, [c for c in conns if best in c["networks"]]


# ---------------------------------------------------------------------------------------------- statistics


def quantile_cont(sorted_values, q: float) -> float:
    n = len(sorted_values)
    r = (n - 1) * q
    lo, hi = math.floor(r), math.ceil(r)
    d = r - lo
    # DuckDB evaluates lo * (1 - d) + hi * d (checked against quantile_cont on 900 random lists)
    return sorted_values[lo] * (1.0 - d) + sorted_values[hi] * d


def stats(rtts):
    if not rtts:
        return None
    d = sorted(float(x) for x in rtts)
    return {
        "samples": len(rtts),
        "median": quantile_cont(d, 0.5),
        "p95": quantile_cont(d, 0.95),
        "p99": quantile_cont(d, 0.99),
        "min": min(rtts),
        "max": max(rtts),
        "mean": Fraction(sum(rtts)) / len(rtts),
    }


# ---------------------------------------------------------------------------------------------- one day


def process_day(day: dt.date, input_dir: str, conns, opts):
    folder = os.path.join(input_dir, day.isoformat())
    if not os.path.isdir(folder):
        sys.exit(f"{day}: no input folder {folder}")
    names = sorted(n for n in os.listdir(folder)
                   if (n.endswith(".csv") or n.endswith(".csv.gz")) and os.path.isfile(os.path.join(folder, n)))
    run = {"rows_read": 0, "attributed": 0, "no_prefix": 0, "location_mismatch": 0, "rejected": {}, "files": [],
           "skipped_files": []}
    rejects, samples = [], []  # samples: (conn, network, rtt, UTC hour)

    for name in names:
        path = os.path.join(folder, name)
        file_rejects, file_samples, counts = [], [], {"attributed": 0, "no_prefix": 0, "location_mismatch": 0}
        rows = 0
        try:
            idx, records = read_file(path, opts.max_file_bytes, opts.max_record_bytes)
        except BadFile as bad:
            if not opts.skip_bad_files:
                sys.exit(f"{day}: bad input file {path} ({bad.reason}): {bad.message}")
            run["skipped_files"].append({"name": name, "reason": bad.reason, "message": bad.message})
            records = []
        for line, shape, fields, raw in records:
            rows += 1
            kept = raw[0] if isinstance(raw, tuple) else raw
            text = kept + (raw[1] if isinstance(raw, tuple) else "")
            if bad_encoding(kept):
                file_rejects.append((name, line, "bad_encoding", clean(text)))
                continue
            if shape != "complete":
                file_rejects.append((name, line, shape, text))
                continue
            reason, m = validate(fields, idx, day)
            if reason:
                file_rejects.append((name, line, reason, text))
                continue
            res = attribute(m["ip"], conns)
            if res[0] == "no_prefix":
                counts["no_prefix"] += 1
                continue
            net, candidates = res
            winner = [c for c in candidates if c["country"] == m["country"] and
                      (c["country"] != "US" or c["state"] == m["state"])]
            assert len(winner) <= 1, "valid registry: one location per (prefix, customer)"
            if not winner:
                counts["location_mismatch"] += 1
                continue
            counts["attributed"] += 1
            file_samples.append((winner[0]["connection_id"], net, m["rtt"], m["ts"].hour))
        for key, n in counts.items():
            run[key] += n
        for r in file_rejects:
            rejects.append(r)
            run["rejected"][r[2]] = run["rejected"].get(r[2], 0) + 1
        samples += file_samples
        with open(path, "rb") as raw_file:
            sha256 = hashlib.sha256(raw_file.read()).hexdigest()
        run["files"].append({"name": name, "rows": rows, "bytes": os.path.getsize(path), "sha256": sha256})
        run["rows_read"] += rows
    rejects.sort(key=lambda r: (r[0], r[1]))
    if empty_day(run) and not opts.allow_empty_day:
        sys.exit(f"{day} is an empty day: no input file of {folder} holds a data row (see --allow-empty-day)")
    return run, rejects, samples


def empty_day(run) -> bool:
    """No file of the day held a data row, and none was skipped as bad."""
    return run["rows_read"] == 0 and not run["skipped_files"]


def coverage_of(run) -> str:
    if run["skipped_files"]:
        return "partial"
    return "none" if empty_day(run) else "complete"


def prefix_text(net) -> str:
    return f"{net.network_address.compressed}/{net.prefixlen}"  # ipaddress is RFC 5952 lower case


def run_job(connections, input_dir, out_dir, d_from, d_to, opts):
    conns = read_registry(connections)
    by_id = {c["connection_id"]: c for c in conns}
    customers = sorted({c["customer_id"] for c in conns})
    store = {}  # (connection_id, date) -> daily stats (the job's store, this run only)
    # per processed day, for the range and month files: its samples, the connections with an alert, its coverage
    day_samples, day_alerted, day_coverage = {}, {}, {}
    day_events = {}  # per processed day: (connection_id, level) -> the day's prefix event rows (none without --bgp)
    # the open incidents: (connection_id, rule) -> {"opened_on": date, "last": the last alert that fired, raw}
    incidents = {}
    day = d_from
    while day <= d_to:
        run, rejects, samples = process_day(day, input_dir, conns, opts)
        coverage = coverage_of(run)
        ds = day.isoformat()
        per_conn, per_prefix, per_hour = {}, {}, {}
        for cid, net, rtt, hour in samples:
            per_conn.setdefault(cid, []).append(rtt)
            per_prefix.setdefault((cid, prefix_text(net)), []).append(rtt)
            per_hour.setdefault((cid, hour), []).append(rtt)
        day_stats = {cid: stats(v) for cid, v in per_conn.items()}
        day_samples[day], day_coverage[day] = samples, coverage
        for cid, s in day_stats.items():
            store[(cid, day)] = s

        # reports
        for cust in customers:
            rows = []
            for c in sorted((c for c in conns if c["customer_id"] == cust), key=lambda c: c["connection_id"]):
                s = day_stats.get(c["connection_id"])
                rows.append([ds, *(formula_guard(c[k]) for k in ("connection_id", "name", "partner", "country",
                                                                 "state")),
                             s["samples"] if s else 0,
                             *(fmt3(s[k]) if s else "" for k in ("median", "p95", "p99", "min", "max", "mean")),
                             coverage])
            write_csv(os.path.join(out_dir, "reports", cust, f"{ds}.csv"),
                      ["date", "connection_id", "connection_name", "partner", "country", "state", "samples",
                       "median_ms", "p95_ms", "p99_ms", "min_ms", "max_ms", "mean_ms", "coverage"], rows)
            prows = []
            for (cid, ptext), v in sorted(per_prefix.items()):
                if by_id[cid]["customer_id"] != cust:
                    continue
                s = stats(v)
                prows.append([ds, formula_guard(cid), formula_guard(ptext), s["samples"], fmt3(s["median"]),
                              fmt3(s["p95"]), coverage])
            write_csv(os.path.join(out_dir, "reports", cust, f"{ds}-prefixes.csv"),
                      ["date", "connection_id", "prefix", "samples", "median_ms", "p95_ms", "coverage"], prows)
            hrows = []
            for (cid, hour), v in sorted(per_hour.items()):
                if by_id[cid]["customer_id"] != cust:
                    continue
                s = stats(v)
                hrows.append([ds, hour, formula_guard(cid), s["samples"], fmt3(s["median"]), fmt3(s["p95"]),
                              coverage])
            write_csv(os.path.join(out_dir, "reports", cust, f"{ds}-hourly.csv"),
                      ["date", "hour", "connection_id", "samples", "median_ms", "p95_ms", "coverage"], hrows)

        # alerts
        alerts, resolved = [], []
        for c in sorted(conns, key=lambda c: (c["customer_id"], c["connection_id"])):
            cid = c["connection_id"]
            s = day_stats.get(cid)
            found = []
            judged = {"NO_DATA"}  # the rules whose outcome counts for the incidents today
            if s is None:
                found.append(("NO_DATA", "WARNING", "", "", "", 0, f"no attributed sample on {ds}"))
            elif s["samples"] >= MIN_SAMPLES:
                judged |= {"HIGH_MEDIAN", "HIGH_P95"}
                med = s["median"]
                if med > MEDIAN_CRITICAL or med > MEDIAN_WARNING:
                    sev, thr = ("CRITICAL", MEDIAN_CRITICAL) if med > MEDIAN_CRITICAL else ("WARNING", MEDIAN_WARNING)
                    found.append(("HIGH_MEDIAN", sev, fmt3(med), fmt3(thr), "", s["samples"],
                                  f"median {fmt3(med)} ms is above the {fmt3(thr)} ms {sev} threshold"))
                if s["p95"] > P95_WARNING:
                    found.append(("HIGH_P95", "WARNING", fmt3(s["p95"]), fmt3(P95_WARNING), "", s["samples"],
                                  f"p95 {fmt3(s['p95'])} ms is above the {fmt3(P95_WARNING)} ms threshold"))
                prev = [store[(cid, day - dt.timedelta(days=k))]["median"]
                        for k in range(REGRESSION_WINDOW, 0, -1)
                        if (cid, day - dt.timedelta(days=k)) in store
                        and store[(cid, day - dt.timedelta(days=k))]["samples"] >= MIN_SAMPLES]
                if len(prev) >= REGRESSION_MIN_DAYS:
                    judged.add("REGRESSION")
                    baseline = quantile_cont(sorted(prev), 0.5)
                    threshold = Fraction(REGRESSION_FACTOR) * Fraction(baseline)  # exact product
                    # The golden data must not depend on how the threshold is computed: the exact product
                    # (new BigDecimal(baseline).multiply(factor)), the double product, the product of the
                    # shortest decimal text (BigDecimal.valueOf(baseline)) and daily medians stored rounded
                    # to 3 decimals must all give the same decision and the same text.
                    rb = quantile_cont(sorted(float(fmt3(x)) for x in prev), 0.5)
                    variants = [threshold, 1.5 * baseline, Fraction(REGRESSION_FACTOR * Decimal(repr(baseline))),
                                Fraction(REGRESSION_FACTOR) * Fraction(rb)]
                    assert len({fmt3(v) for v in variants}) == 1 and len({med > v for v in variants}) == 1 \
                        and fmt3(rb) == fmt3(baseline), (cid, ds, baseline, [fmt3(v) for v in variants])
                    if Fraction(med) > threshold:
                        found.append(("REGRESSION", "WARNING", fmt3(med), fmt3(threshold), fmt3(baseline),
                                      s["samples"],
                                      f"median {fmt3(med)} ms is above {REGRESSION_FACTOR.to_eng_string()} x "
                                      f"the baseline {fmt3(baseline)} ms (median of {len(prev)} previous days)"))
            found.sort(key=lambda a: RULE_ORDER.index(a[0]))
            fired = {a[0] for a in found}
            for rule in RULE_ORDER:  # incidents that resolve today: judged, not fired, open
                inc = incidents.get((cid, rule))
                if rule in judged and rule not in fired and inc is not None:
                    del incidents[(cid, rule)]
                    last = inc["last"]
                    resolved.append(incident_row(cid, rule, inc["opened_on"], ds, (day - inc["opened_on"]).days,
                                                 last, f"did not fire on {ds}; last: {last['message']}"))
            for rule, sev, obs, thr, base, n, msg in found:
                inc = incidents.get((cid, rule))
                state = "CONTINUING" if inc else "OPEN"
                if inc is None:
                    inc = incidents[(cid, rule)] = {"opened_on": day}
                inc["last"] = {"customer_id": c["customer_id"], "name": c["name"], "severity": sev, "message": msg}
                alerts.append([formula_guard(f"{ds}/{cid}/{rule}"), ds, formula_guard(c["customer_id"]),
                               formula_guard(cid), formula_guard(c["name"]), rule, sev, obs, thr, base, n,
                               formula_guard(msg), state, inc["opened_on"].isoformat(),
                               (day - inc["opened_on"]).days])
        day_alerted[day] = {a[3] for a in alerts}
        write_csv(os.path.join(out_dir, "alerts", f"{ds}.csv"),
                  ["alert_id", "date", "customer_id", "connection_id", "connection_name", "rule", "severity",
                   "observed_ms", "threshold_ms", "baseline_ms", "samples", "message", "state", "opened_on",
                   "days_open"], alerts)
        write_csv(os.path.join(out_dir, "alerts", f"{ds}-resolved.csv"), INCIDENT_HEADER,
                  incident_rows(resolved))

        write_csv(os.path.join(out_dir, "rejects", f"{ds}.csv"), ["file", "line", "reason", "raw"], rejects)

        assert run["rows_read"] == run["attributed"] + run["no_prefix"] + run["location_mismatch"] + \
            sum(run["rejected"].values())
        bgp_line = None
        day_events[day] = {}
        if opts.bgp:
            bgp_summary, day_events[day] = bgp_day(day, opts.bgp, conns, customers, out_dir)
            bgp_line = bgp_json_line(bgp_summary)
        write_run_json(os.path.join(out_dir, "runs", f"{ds}.json"), ds, run, len(alerts), bgp_line)
        print(f"{ds}: rows_read={run['rows_read']} attributed={run['attributed']} no_prefix={run['no_prefix']} "
              f"location_mismatch={run['location_mismatch']} rejected={dict(sorted(run['rejected'].items()))} "
              f"alerts={len(alerts)}", file=sys.stderr)
        day += dt.timedelta(days=1)

    last_day = max(day_samples)
    still_open = [incident_row(cid, rule, inc["opened_on"], "", (last_day - inc["opened_on"]).days, inc["last"],
                               inc["last"]["message"]) for (cid, rule), inc in incidents.items()]
    write_csv(os.path.join(out_dir, "alerts", "open.csv"), INCIDENT_HEADER, incident_rows(still_open))

    if opts.range_report:
        write_range(out_dir, conns, customers, d_from, d_to, sorted(day_samples), day_samples, day_alerted,
                    day_coverage, day_events, f"range-{d_from.isoformat()}_{d_to.isoformat()}", None)
    for month in sorted({(d.year, d.month) for d in day_samples}):
        days = sorted(d for d in day_samples if (d.year, d.month) == month)
        span = (days[-1] - days[0]).days + 1
        write_range(out_dir, conns, customers, days[0], days[-1], days, day_samples, day_alerted, day_coverage,
                    day_events, f"month-{month[0]:04d}-{month[1]:02d}", span - len(days))


INCIDENT_HEADER = ["incident_id", "opened_on", "resolved_on", "customer_id", "connection_id", "connection_name",
                   "rule", "last_severity", "days_open", "message"]


def incident_row(cid, rule, opened_on, resolved_on, days_open, last, message):
    """(sort key, cells) of a row of alerts/<date>-resolved.csv or alerts/open.csv.

    `last` is the incident's last alert (raw text); the key is the raw (customer_id, connection_id, rule index),
    the order of the alert files, and is unique per incident."""
    o = opened_on.isoformat()
    return ((last["customer_id"], cid, RULE_ORDER.index(rule)),
            [formula_guard(f"{o}/{cid}/{rule}"), o, resolved_on, formula_guard(last["customer_id"]),
             formula_guard(cid), formula_guard(last["name"]), rule, last["severity"], days_open,
             formula_guard(message)])


def incident_rows(keyed):
    """The cells of incident_row results, in their key order."""
    return [cells for _key, cells in sorted(keyed, key=lambda kc: kc[0])]


def write_range(out_dir, conns, customers, d_from, d_to, days, day_samples, day_alerted, day_coverage, day_events,
                name, not_processed):
    """The range (or month) files of every customer over the processed `days` (one registry: one owner each)."""
    by_id = {c["connection_id"]: c for c in conns}
    rtts, prefix_rtts, with_data, alert_days = {}, {}, {}, {}
    for d in days:
        seen = set()
        for cid, net, rtt, _hour in day_samples[d]:
            rtts.setdefault(cid, []).append(rtt)
            prefix_rtts.setdefault((cid, prefix_text(net)), []).append(rtt)
            seen.add(cid)
        for cid in seen:
            with_data[cid] = with_data.get(cid, 0) + 1
        for cid in day_alerted[d]:
            alert_days[cid] = alert_days.get(cid, 0) + 1
    coverages = [day_coverage[d] for d in days]
    if "partial" in coverages:
        coverage = "partial"
    elif all(c == "none" for c in coverages):
        coverage = "none"
    else:
        coverage = "complete"
    f, t = d_from.isoformat(), d_to.isoformat()
    extra = [] if not_processed is None else ["days_not_processed"]
    for cust in customers:
        rows = []
        for c in sorted((c for c in conns if c["customer_id"] == cust), key=lambda c: c["connection_id"]):
            cid = c["connection_id"]
            s = stats(rtts.get(cid, []))
            n = with_data.get(cid, 0)
            rows.append([f, t, *(formula_guard(c[k]) for k in ("connection_id", "name", "partner", "country",
                                                               "state")),
                         s["samples"] if s else 0,
                         *(fmt3(s[k]) if s else "" for k in ("median", "p95", "p99", "min", "max", "mean")),
                         n, len(days) - n, alert_days.get(cid, 0), coverage,
                         *([] if not_processed is None else [not_processed]),
                         *(sum(day_events[d].get((cid, level), 0) for d in days)
                           for level in ("Critical", "Warning"))])
        write_csv(os.path.join(out_dir, "reports", cust, f"{name}.csv"),
                  ["from", "to", "connection_id", "connection_name", "partner", "country", "state", "samples",
                   "median_ms", "p95_ms", "p99_ms", "min_ms", "max_ms", "mean_ms", "days_with_data",
                   "days_without_data", "alert_days", "coverage", *extra, "events_critical", "events_warning"],
                  rows)
        prows = []
        for (cid, ptext), v in sorted(prefix_rtts.items()):
            if by_id[cid]["customer_id"] != cust:
                continue
            s = stats(v)
            prows.append([f, t, formula_guard(cid), formula_guard(ptext), s["samples"], fmt3(s["median"]),
                          fmt3(s["p95"])])
        write_csv(os.path.join(out_dir, "reports", cust, f"{name}-prefixes.csv"),
                  ["from", "to", "connection_id", "prefix", "samples", "median_ms", "p95_ms"], prows)


def json_string(text: str) -> str:
    """A JSON string as the contract writes it: only quote, backslash and control characters escaped."""
    short = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(short.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 else c) for c in text) + '"'


def write_run_json(path, ds, run, n_alerts, bgp_line=None):
    j = json_string
    lines = ["{", f'  "date": {j(ds)},', f'  "partial": {"true" if run["skipped_files"] else "false"},',
             f'  "rows_read": {run["rows_read"]},',
             f'  "attributed": {run["attributed"]},', f'  "no_prefix": {run["no_prefix"]},',
             f'  "location_mismatch": {run["location_mismatch"]},']
    def block(key, open_, close, items):
        if not items:
            lines.append(f'  "{key}": {open_}{close},')
            return
        lines.append(f'  "{key}": {open_}')
        lines.extend("    " + item + ("," if i < len(items) - 1 else "") for i, item in enumerate(items))
        lines.append(f"  {close},")

    block("rejected", "{", "}", [f"{j(k)}: {v}" for k, v in sorted(run["rejected"].items())])
    block("files", "[", "]", [f'{{"name": {j(f["name"])}, "rows": {f["rows"]}, "bytes": {f["bytes"]}, '
                              f'"sha256": {j(f["sha256"])}}}' for f in run["files"]])
    block("skipped_files", "[", "]", [f'{{"name": {j(f["name"])}, "reason": {j(f["reason"])}, '
                                      f'"message": {j(f["message"])}}}' for f in run["skipped_files"]])
    lines += [f'  "alerts": {n_alerts},', *([bgp_line] if bgp_line else []), '  "started_at": "IGNORED",', '  "finished_at": "IGNORED"', "}"]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--connections", required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--from", dest="d_from", required=True, type=dt.date.fromisoformat)
    p.add_argument("--to", dest="d_to", required=True, type=dt.date.fromisoformat)
    p.add_argument("--skip-bad-files", action="store_true")
    p.add_argument("--allow-empty-day", action="store_true")
    p.add_argument("--range-report", action="store_true",
                   help="also write what `peertel report --all-customers --from FROM --to TO` writes")
    p.add_argument("--bgp", metavar="DIR", help="also the prefix events of each day's <DIR>/<date>/ "
                   "(reference_events.py), as `peertel run --bgp DIR`")
    p.add_argument("--max-file-bytes", type=int, default=DEFAULT_MAX_FILE_BYTES)
    p.add_argument("--max-record-bytes", type=int, default=DEFAULT_MAX_RECORD_BYTES)
    a = p.parse_args(argv)
    run_job(a.connections, a.input, a.out, a.d_from, a.d_to, a)


if __name__ == "__main__":
    main()
