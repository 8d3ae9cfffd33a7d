#!/usr/bin/env python3
"""Deterministic generator of the golden case src/test/resources/golden/events/input/.

    python3 src/test/python/make_golden_events.py [--out src/test/resources/golden/events/input]

Three UTC days, 2026-03-23 .. 2026-03-25: the golden week's registry with allowed origins (`origin_asns`), a few
latency rows per connection and day, and a BGP folder of bgpdump `-m` text for the first two days only, whose
stories are told in golden/events/README.md.  Standard library only; the latency rows come from a fixed LCG.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os

from make_golden_week import HEADER, Lcg, measurements, std_lines, text, write

SEED = 20260323
DAYS = [dt.date(2026, 3, 23), dt.date(2026, 3, 24), dt.date(2026, 3, 25)]

# The week's registry with origin_asns: two sibling ASNs for acme-nyc (one written AS394001), a geo-redundant pair
# (acme-nyc, acme-sfo) sharing 198.51.100.0/24 with different origins, globex-fra's /26 inside that /24 (another
# customer's more-specific), initech-lon without origin_asns.
CONNECTIONS = """\
connection_id,customer_id,name,partner,country,state,prefixes,origin_asns
acme-chi,acme,ACME Chicago,"Hurricane ""HE"" Electric",US,IL,2001:db8:abcd::/48,394001
acme-nyc,acme,ACME New York,Lumen,US,NY,198.51.100.0/24,AS394001 394002
acme-sfo,acme,ACME San Francisco,Zayo,US,CA,198.51.100.0/24;2001:db8:100::/48,394003
globex-fra,globex,Globex Frankfurt,DE-CIX,DE,,198.51.100.64/26 2001:db8:200::/48,396000
globex-par,globex,Globex Paris,France-IX,FR,,203.0.113.0/25,396001
initech-lon,initech,Initech London,LINX,GB,,192.0.2.0/25; 2001:db8:300::/48,
initech-nyc,initech,Initech NYC,Lumen,US,NY,203.0.113.192/26,397000
initech-tor,initech,"Initech Toronto, North",TorIX,CA,,192.0.2.128/26,397001
"""

# 12 peers of the route collector: (address, AS).  Peers 1-3 are three sessions of one AS, so their paths are the
# same and the most common; peer 12 speaks over IPv6.
PEERS = [("198.18.0.1", 6939), ("198.18.0.2", 6939), ("198.18.0.3", 6939), ("198.18.0.4", 3356),
         ("198.18.0.5", 1299), ("198.18.0.6", 174), ("198.18.0.7", 2914), ("198.18.0.8", 3257),
         ("198.18.0.9", 6453), ("198.18.0.10", 6762), ("198.18.0.11", 7018), ("2001:db8:ffff::12", 3491)]
ALL = range(1, 13)


def epoch(day: dt.date, hms: str, fraction: str = "") -> str:
    h, m, s = (int(x) for x in hms.split(":"))
    t = dt.datetime(day.year, day.month, day.day, h, m, s, tzinfo=dt.timezone.utc)
    return str(int(t.timestamp())) + fraction


def peer(n: int):
    return PEERS[n - 1]


def path(n: int, *rest) -> str:
    """The AS path a peer gives: its own AS, then the rest (the origin last)."""
    return " ".join(str(x) for x in (peer(n)[1], *rest))


def announce(ts: str, n: int, prefix: str, *rest, row="BGP4MP") -> str:
    ip, asn = peer(n)
    return f"{row}|{ts}|A|{ip}|{asn}|{prefix}|{path(n, *rest)}|IGP|{ip}|0|0||NAG||"


def rib(ts: str, n: int, prefix: str, *rest) -> str:
    ip, asn = peer(n)
    return f"TABLE_DUMP2|{ts}|B|{ip}|{asn}|{prefix}|{path(n, *rest)}|IGP|{ip}|0|0||NAG||"


def withdraw(ts: str, n: int, prefix: str) -> str:
    ip, asn = peer(n)
    return f"BGP4MP|{ts}|W|{ip}|{asn}|{prefix}"


def state(ts: str, n: int, old: int, new: int) -> str:
    ip, asn = peer(n)
    return f"BGP4MP|{ts}|STATE|{ip}|{asn}|{old}|{new}"


def steady_rib(day: dt.date, globex_fra_peers):
    """The routes held when the day starts (a RIB dump at 00:00)."""
    ts = epoch(day, "00:00:00")
    rows = []
    for n in ALL:
        rows.append(rib(ts, n, "198.51.100.0/24", 3356, 394001))
        if n in globex_fra_peers:
            rows.append(rib(ts, n, "198.51.100.64/26", 1299, 396000))
        rows.append(rib(ts, n, "203.0.113.0/25", 174, 396001))
        if n >= 3:
            rows.append(rib(ts, n, "192.0.2.0/25", 2914, 397500))
        rows.append(rib(ts, n, "192.0.2.128/26", 6453, 397001))
    return rows


def day1_updates(day: dt.date):
    t = lambda hms, frac="": epoch(day, hms, frac)  # noqa: E731
    rows = []
    # a sub-prefix hijack of acme's /24 (both sites of the geo pair are told, each judged by its own origins);
    # the first announcement has host bits (198.51.100.130/25 is 198.51.100.128/25)
    rows.append(announce(t("08:00:10"), 1, "198.51.100.130/25", 4809, 17557))
    for k, n in enumerate(range(2, 7)):
        rows.append(announce(t(f"08:00:{20 + 5 * k}"), n, "198.51.100.128/25", 4809, 17557))
    rows.append(announce(t("08:05:00"), 4, "198.51.100.128/25", 4809, 17557))  # again: kept, counted
    # a more-specific hijack seen by two peers only: under bgp.min-peers, no event
    rows.append(announce(t("08:10:00"), 7, "198.51.100.0/25", 4809, 17557))
    rows.append(announce(t("08:10:05"), 8, "198.51.100.0/25", 4809, 17557))
    rows.append(withdraw(t("08:40:00"), 7, "198.51.100.0/25"))
    rows.append(withdraw(t("08:40:05"), 8, "198.51.100.0/25"))
    rows.append("")  # a blank line: skipped, no reject
    rows.append("BGP4MP|" + t("08:45:00") + "|A|198.18.0.9|6453|198.51.100.0/33|6453 17557|IGP|198.18.0.9|0|0||NAG||")
    for k, n in enumerate(range(1, 7)):
        rows.append(withdraw(t(f"09:30:{10 * k:02d}"), n, "198.51.100.128/25"))
    # a more-specific of globex-fra's /26 (inside acme's /24 too): globex-fra's hijack, not acme's
    for k, n in enumerate((9, 10, 11)):
        rows.append(announce(t(f"09:45:{k:02d}"), n, "198.51.100.96/27", 4809, 17557))
    # the site in San Francisco starts announcing the shared /24 with its own origin: an announcement for acme-sfo,
    # an origin change for acme-nyc
    for k, n in enumerate((4, 5, 6, 7)):
        rows.append(announce(t(f"10:00:{k:02d}"), n, "198.51.100.0/24", 7018, 394003))
    # the exact-prefix origin change of globex-par's /25, then back to its own origin
    for k, n in enumerate((1, 2, 3, 8, 9)):
        rows.append(announce(t(f"11:00:{k:02d}"), n, "203.0.113.0/25", 3491, 37000))
    rows.append("BGP4MP|" + t("11:10:00") + "|X|198.18.0.1|6939|203.0.113.0/25")  # unknown_row_type
    for k, n in enumerate((1, 2, 3, 8, 9)):
        rows.append(announce(t(f"11:20:{k:02d}"), n, "203.0.113.0/25", 174, 396001))
    # an AS_SET origin with an allowed member: allowed
    rows.append(announce(t("11:30:00"), 10, "203.0.113.0/25", 174, "{396001,396002}"))
    # acme-sfo's IPv6 prefix announced during the day
    for k, n in enumerate((1, 4, 5, 12)):
        rows.append(announce(t(f"12:00:{k:02d}"), n, "2001:db8:100::/48", 7018, 394003))
    # a more-specific of initech-lon's /25 from a foreign AS: initech-lon has no origin_asns
    for k, n in enumerate((2, 5, 8)):
        rows.append(announce(t(f"13:00:{k:02d}"), n, "192.0.2.0/26", 2914, 64777))
    return rows


def day1_evening(day: dt.date):
    t = lambda hms: epoch(day, hms)  # noqa: E731
    rows = []
    # globex-fra's /26, held by 11 peers, falls to 9, then 8, and is back to 10 at 16:05
    rows.append(withdraw(t("14:00:00"), 11, "198.51.100.64/26"))
    rows.append(withdraw(t("14:05:00"), 10, "198.51.100.64/26"))
    rows.append(withdraw(t("14:10:00"), 9, "198.51.100.64/26"))
    rows.append(withdraw(t("14:10:30"), 9, "198.51.100.64/26"))  # of a route it no longer holds: no change
    rows.append(announce(t("16:00:00"), 9, "198.51.100.64/26", 1299, 396000))
    rows.append(announce(t("16:05:00"), 10, "198.51.100.64/26", 1299, 396000))
    # peer 12's session leaves Established: every route of that peer goes (globex-fra's /26 and initech-lon's /25
    # fall below 10 peers); it comes back and announces them again half an hour later
    rows.append(state(t("18:00:00"), 12, 6, 1))
    rows.append(state(t("18:29:00"), 12, 1, 2))
    rows.append(state(t("18:30:00"), 12, 5, 6))
    rows.append(announce(t("18:30:05"), 12, "198.51.100.64/26", 1299, 396000))
    rows.append(announce(t("18:30:05"), 12, "198.51.100.0/24", 3356, 394001))
    rows.append(announce(t("18:30:06"), 12, "203.0.113.0/25", 174, 396001))
    rows.append(announce(t("18:30:06"), 12, "192.0.2.128/26", 6453, 397001))
    rows.append(announce(t("18:30:07"), 12, "192.0.2.0/25", 2914, 397500))
    return rows


def day2_updates(day: dt.date):
    t = lambda hms, frac="": epoch(day, hms, frac)  # noqa: E731
    rows = []
    # an AS_SET origin with no allowed member: an origin change of initech-tor's /26, origin {38001,38002}; the
    # first row has the extended timestamp with microseconds
    rows.append(announce(t("09:00:00", ".250000"), 1, "192.0.2.128/26", 3491, "{38001,38002}", row="BGP4MP_ET"))
    for k, n in enumerate((2, 3, 4)):
        rows.append(announce(t(f"09:00:{10 + k:02d}"), n, "192.0.2.128/26", 3491, "{38001,38002}"))
    rows.append("BGP4MP|" + t("09:05:00") + "|A|198.18.0.5|1299|192.0.2.128/26|1299 3491 x38001|IGP|198.18.0.5|0|0"
                "||NAG||")  # bad_as_path
    for k, n in enumerate((1, 2, 3, 4)):
        rows.append(announce(t(f"09:40:{k:02d}"), n, "192.0.2.128/26", 6453, 397001))
    rows.append("BGP4MP|2026-03-24|W|198.18.0.5|1299|192.0.2.128/26")  # bad_timestamp
    # initech-lon's /25 withdrawn by every peer: below 10 peers from the first, held by none at the day's end
    for k, n in enumerate(range(3, 13)):
        rows.append(withdraw(t(f"20:00:{k:02d}"), n, "192.0.2.0/25"))
    # the sub-prefix hijack of acme's /24 again, still held at the day's end
    for k, n in enumerate((2, 3, 11)):
        rows.append(announce(t(f"22:00:{k:02d}"), n, "198.51.100.128/25", 4809, 17557))
    return rows


def build(out: str):
    write(os.path.join(out, "connections.csv"), CONNECTIONS.encode())
    r = Lcg(SEED)
    for day in DAYS:
        rows = []
        for conn, (lo, hi) in {"acme-chi": (30, 60), "acme-nyc": (14, 26), "acme-sfo": (20, 40),
                               "globex-fra": (10, 20), "globex-par": (14, 26), "initech-lon": (7, 13),
                               "initech-nyc": (45, 75), "initech-tor": (38, 62)}.items():
            rows += measurements(day, conn, 3, lo, hi, r)
        write(os.path.join(out, "latency", day.isoformat(), "fra1.csv"), text([HEADER] + std_lines(rows, "fra1")))

    bgp = os.path.join(out, "bgp")
    d1, d2 = DAYS[0], DAYS[1]
    # day 1: a RIB dump (rib.*; bview.* names are sorted first the same way, BgpDayFilesTest), then two update files in name order
    write(os.path.join(bgp, d1.isoformat(), "rib.20260323.0000.bgpdump.txt"),
          text(steady_rib(d1, globex_fra_peers=range(2, 13))))
    write(os.path.join(bgp, d1.isoformat(), "updates.20260323.0800.bgpdump.txt"), text(day1_updates(d1)))
    write(os.path.join(bgp, d1.isoformat(), "updates.20260323.1400.bgpdump.txt"), text(day1_evening(d1)))
    # day 2: a RIB dump named rib.*, read first although the update file's name sorts before it
    write(os.path.join(bgp, d2.isoformat(), "rib.20260324.0000.bgpdump.txt"),
          text(steady_rib(d2, globex_fra_peers=range(2, 13))))
    write(os.path.join(bgp, d2.isoformat(), "collector1.updates.20260324.bgpdump.txt"), text(day2_updates(d2)))
    # day 3 (2026-03-25) has latency but no BGP folder: "missing"


def main():
    p = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--out", default=os.path.join(here, "..", "resources", "golden", "events", "input"))
    build(os.path.normpath(p.parse_args().out))


if __name__ == "__main__":
    main()
