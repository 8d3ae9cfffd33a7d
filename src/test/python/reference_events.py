#!/usr/bin/env python3
"""Independent reference for peertel's prefix events (issue 16), the `--bgp DIR` part of reference_pipeline.py.

Written from the specification only (the issue's words, docs/prefix-events.md, docs/data-contracts.md and the text
formats of the files), never from the Java event logic.  Standard library only.

It reads each day's folder <bgp>/<YYYY-MM-DD>/ as bgpdump `-m` one-line text (`*.bgpdump.txt`; other names are
not read by this reference), replays the routes per (peer, prefix) and writes, per day:
    events/<date>.csv, reports/<customer_id>/<date>-events.csv, bgp-rejects/<date>.csv
and gives the `"bgp"` line of runs/<date>.json and the per-connection counts of Critical and Warning rows that the
range and month files end with.

Alone, it computes one day's events the way `peertel bgp events` does:
    python3 src/test/python/reference_events.py --connections C --bgp DIR --date D --out DIR

Readings where the specification is silent or could be read two ways are marked "READING:" below; they are listed
in golden/events/README.md as well.
"""
from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import os
import re
import sys
from collections import Counter

MIN_PEERS = 3  # bgp.min-peers
VISIBILITY_MIN_PEERS = 10  # bgp.visibility-min-peers
ESTABLISHED = 6

# event types in catalogue order (the order of a connection's rows for one registered prefix), with their level
ORIGIN_CHANGE = "PrefixOriginAsChangeEvent"
MORE_SPECIFIC = "PrefixMoreSpecificOriginAsEvent"
WITHDRAWAL = "PrefixWithdrawalEvent"
ANNOUNCEMENT = "PrefixAnnouncementEvent"
ACTIVE_PATH = "PrefixActivePath"
TYPES = (ORIGIN_CHANGE, MORE_SPECIFIC, WITHDRAWAL, ANNOUNCEMENT, ACTIVE_PATH)
LEVEL = {ORIGIN_CHANGE: "Critical", MORE_SPECIFIC: "Critical", WITHDRAWAL: "Warning", ANNOUNCEMENT: "Information",
         ACTIVE_PATH: "Information"}

EVENT_HEADER = ["event_id", "date", "customer_id", "connection_id", "registered_prefix", "prefix", "event_type",
                "level", "start_time", "quorum_time", "end_time", "origin_asn", "allowed_origins", "peers_max",
                "announcements", "example_path", "summary"]

# ---------------------------------------------------------------------------------------------- reading lines

# the letters each row type may carry, and the fields a row of that letter needs (the format's fields up to the
# aggregator for A and B rows: bgpdump ends those lines with '|', which gives one more, empty, field)
ROW_TYPES = {"BGP4MP": ("A", "W", "STATE"), "BGP4MP_ET": ("A", "W", "STATE"), "TABLE_DUMP": ("B",),
             "TABLE_DUMP2": ("B",)}
FIELDS_NEEDED = {"A": 14, "B": 14, "W": 6, "STATE": 7}
TIMESTAMP_RE = re.compile(r"([0-9]{1,11})(?:\.([0-9]{1,9}))?")
ASN_RE = re.compile(r"[0-9]{1,10}")
AS_SET_RE = re.compile(r"\{([0-9]{1,10}(?:,[0-9]{1,10})*)\}")
MAX_ASN = 4294967295


def parse_asn(text: str):
    """An AS number 0..4294967295 written in decimal (asplain), else None."""
    if not ASN_RE.fullmatch(text) or int(text) > MAX_ASN:
        return None
    return int(text)


def parse_timestamp(text: str):
    """(seconds, nanoseconds) of bgpdump's `1203878877` or BGP4MP_ET's `1445565678.509481`, else None.

    READING: the fraction (1 to 9 digits) is accepted on every row type; the seconds must be a date up to 9999."""
    m = TIMESTAMP_RE.fullmatch(text)
    if not m or int(m.group(1)) > 253402300799:
        return None
    return int(m.group(1)), int((m.group(2) or "").ljust(9, "0"))


def instant_text(ts) -> str:
    """java.time.Instant.toString(): seconds, then a fraction of 3, 6 or 9 digits only when there is one."""
    seconds, nanos = ts
    text = (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S")
    if nanos:
        frac = f"{nanos:09d}"
        frac = frac[:3] if nanos % 1_000_000 == 0 else frac[:6] if nanos % 1000 == 0 else frac
        text += "." + frac
    return text + "Z"


def parse_peer(ip_text: str, as_text: str):
    """(address text, AS) of the peer, else None (READING: a peer is its address and AS together)."""
    asn = parse_asn(as_text)
    if asn is None or "%" in ip_text:
        return None
    try:
        address = ipaddress.ip_address(ip_text)
    except ValueError:
        return None
    return address.compressed, asn


def parse_prefix(text: str):
    """The network of `address/length`, host bits masked (11.13.0.0/13 is 11.8.0.0/13), else None."""
    address, slash, length = text.partition("/")
    if not slash or not re.fullmatch(r"[0-9]{1,3}", length) or "%" in address:
        return None
    try:
        return ipaddress.ip_network(f"{ipaddress.ip_address(address)}/{int(length)}", strict=False)
    except ValueError:
        return None


def parse_path(text: str):
    """(path text, origin) or None.  The origin is the last segment: an AS, or an AS_SET `{a,b}` as a tuple of
    its members in path order (printed `{a,b}` as bgpdump writes it).  READING: segments are separated by single
    spaces; confederation segments `(..)`/`[..]` are not AS numbers or sets, so they are bad_as_path too."""
    tokens = text.split(" ")
    if text == "" or any(t == "" for t in tokens):
        return None
    origin = None
    for token in tokens:
        m = AS_SET_RE.fullmatch(token)
        if m:
            members = tuple(int(x) for x in m.group(1).split(","))
            if any(x > MAX_ASN for x in members):
                return None
            origin = ("set", members)
        else:
            asn = parse_asn(token)
            if asn is None:
                return None
            origin = ("as", (asn,))
    return text, origin


def origin_text(origin) -> str:
    kind, members = origin
    return "{" + ",".join(str(x) for x in members) + "}" if kind == "set" else str(members[0])


def parse_line(line: str):
    """(None, record) or (reject reason, None) for one non-blank line, the checks in the specification's order."""
    f = line.split("|")
    if f[0] not in ROW_TYPES or len(f) < 3 or f[2] not in ROW_TYPES[f[0]]:
        return "unknown_row_type", None
    letter = f[2]
    if len(f) < FIELDS_NEEDED[letter]:
        return "field_count", None
    ts = parse_timestamp(f[1])
    if ts is None:
        return "bad_timestamp", None
    peer = parse_peer(f[3], f[4])
    if peer is None:
        return "bad_peer", None
    if letter == "STATE":
        # READING: the two states are not checked (no reject code names them); a state that is not a number is
        # not Established.
        old, new = (int(x) if x.isdigit() else -1 for x in (f[5], f[6]))
        return None, {"kind": "STATE", "ts": ts, "peer": peer, "old": old, "new": new}
    prefix = parse_prefix(f[5])
    if prefix is None:
        return "bad_prefix", None
    if letter == "W":
        return None, {"kind": "W", "ts": ts, "peer": peer, "prefix": prefix}
    path = parse_path(f[6])
    if path is None:
        return "bad_as_path", None
    return None, {"kind": letter, "ts": ts, "peer": peer, "prefix": prefix, "path": path[0], "origin": path[1]}


def day_files(folder: str):
    """The day's text files in reading order: the RIB dumps (`rib.*`, `bview.*`) first, then the others, each group
    in name order."""
    names = sorted(n for n in os.listdir(folder)
                   if n.endswith(".bgpdump.txt") and os.path.isfile(os.path.join(folder, n)))
    rib = [n for n in names if n.startswith("rib.") or n.startswith("bview.")]
    return rib + [n for n in names if n not in rib]


def read_day(folder: str):
    """(files, records, rejects, rows): rejects are (file, byte offset of the line, reason) in reading order."""
    files = day_files(folder)
    records, rejects, rows = 0, [], []
    for name in files:
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        offset = 0
        for raw in data.split(b"\n"):
            start, offset = offset, offset + len(raw) + 1
            line = raw[:-1] if raw.endswith(b"\r") else raw
            if not line:  # READING: blank = nothing between the line ends (a line of spaces is a reject)
                continue
            records += 1
            reason, row = parse_line(line.decode("utf-8", errors="replace"))
            if reason:
                rejects.append((name, start, reason))
            else:
                rows.append(row)
    return files, records, rejects, rows


# ---------------------------------------------------------------------------------------------- the registry


class Watch:
    """One (connection, registered prefix): who is told about the prefix, judged by the connection's origins."""

    def __init__(self, conn, prefix):
        self.customer_id = conn["customer_id"]
        self.connection_id = conn["connection_id"]
        self.prefix = prefix
        self.origins = conn["origins"]  # empty: no origin-based events

    def allowed(self, origin) -> bool:
        """An AS_SET origin is allowed when any member is.  READING: without origin_asns every origin counts as
        allowed, so the connection still gets its announcements (of P and of its more-specifics)."""
        return not self.origins or any(asn in self.origins for asn in origin[1])

    def allowed_text(self) -> str:
        return " ".join(str(x) for x in self.origins)


def read_origins(text: str):
    """origin_asns: numbers separated by spaces, `AS` before a number accepted, in registry order."""
    origins = []
    for token in (text or "").split():
        n = int(token[2:] if token[:2].upper() == "AS" else token)
        if n not in origins:
            origins.append(n)
    return origins


def watches_of(conns):
    """Every (connection, prefix) of the registry, and the lookup prefix -> its watches."""
    watches = []
    for c in conns:
        c["origins"] = read_origins(c.get("origin_asns"))
        for net in c["networks"]:
            watches.append(Watch(c, net))
    by_prefix = {}
    for w in watches:
        by_prefix.setdefault(w.prefix, []).append(w)
    return watches, by_prefix


def owners(prefix, by_prefix, cache):
    """The watches of the most specific registered prefix covering `prefix` (itself included), or []."""
    if prefix not in cache:
        best = None
        for registered in by_prefix:
            if registered.version == prefix.version and prefix.subnet_of(registered) and \
                    (best is None or registered.prefixlen > best.prefixlen):
                best = registered
        cache[prefix] = by_prefix[best] if best is not None else []
    return cache[prefix]


def prefix_key(net):
    """IPv4 before IPv6, then the address, then the length."""
    return net.version, int(net.network_address), net.prefixlen


def prefix_text(net) -> str:
    return f"{net.network_address.compressed}/{net.prefixlen}"


# ---------------------------------------------------------------------------------------------- incidents


class Incident:
    """Peers in one state (a watch, an event type, a prefix, an origin) from the first to the last of them."""

    def __init__(self, watch, etype, prefix, origin, start, path):
        self.watch, self.type, self.prefix, self.origin = watch, etype, prefix, origin
        self.start, self.quorum, self.end = start, None, None
        self.peers, self.peers_max, self.announcements = set(), 0, 0
        self.path = path  # the first path seen
        self.quorum_from_rib = False

    def enter(self, peer, ts, from_rib):
        self.peers.add(peer)
        self.peers_max = max(self.peers_max, len(self.peers))
        if self.quorum is None and len(self.peers) >= MIN_PEERS:
            self.quorum, self.quorum_from_rib = ts, from_rib


class Withdrawal:
    """A registered prefix held by fewer than bgp.visibility-min-peers peers after at least that many held it."""

    def __init__(self, watch, start, fell_from):
        self.watch, self.type, self.prefix, self.origin = watch, WITHDRAWAL, watch.prefix, None
        # READING: the fall itself is the state's quorum (the threshold is visibility-min-peers); peers_max, "the
        # peers it fell from", is the most peers that held the prefix since the previous withdrawal of the prefix
        # ended (or the day started): the peers just before the fall would always be visibility-min-peers, since
        # one update removes one peer's route, and the summary says "down from <peers_max>"; announcements counts the removals of a held route of the prefix
        # during the incident (withdrawals, and routes dropped by a session leaving Established), the one that
        # made it fall included; end_time is the update after which the prefix is held by enough peers again.
        self.start = self.quorum = start
        self.end = None
        self.peers_max, self.announcements, self.path = fell_from, 0, None


class DayReplay:
    """The route state of one day and the incidents it gives."""

    def __init__(self, watches, by_prefix):
        self.watches, self.by_prefix, self.cache = watches, by_prefix, {}
        self.routes = {}  # (peer, prefix) -> (path, origin)
        self.by_peer = {}  # peer -> set of prefixes it holds
        self.open = {}  # state key -> Incident
        self.done = []  # ended incidents and withdrawals
        self.visibility = {}  # registered prefix -> set of peers holding it
        self.was_visible = set()  # registered prefixes held by at least VISIBILITY_MIN_PEERS at some point
        self.withdrawal = {}  # watch -> open Withdrawal
        self.peak = Counter()  # registered prefix -> most peers holding it since its last withdrawal ended
        self.announced = Counter()  # registered prefix -> A rows of the day (for the active path)

    # --- the rows

    def apply(self, row):
        if row["kind"] == "STATE":
            # READING: "leaving Established" = old state 6 and new state not 6
            if row["old"] == ESTABLISHED and row["new"] != ESTABLISHED:
                for prefix in sorted(self.by_peer.get(row["peer"], ()), key=prefix_key):
                    self.change(row["peer"], prefix, None, row["ts"], "down")
            return
        if not owners(row["prefix"], self.by_prefix, self.cache):
            return  # only the registered prefixes and their more-specifics are kept
        route = None if row["kind"] == "W" else (row["path"], row["origin"])
        self.change(row["peer"], row["prefix"], route, row["ts"], row["kind"])

    def change(self, peer, prefix, route, ts, kind):
        """kind: A (announcement), B (a RIB dump's route), W (withdrawal), down (session left Established)."""
        old = self.routes.get((peer, prefix))
        if route is None and old is None:
            return  # a withdrawal of what the peer did not hold changes nothing
        if route is None:
            del self.routes[(peer, prefix)]
            self.by_peer[peer].discard(prefix)
        else:
            self.routes[(peer, prefix)] = route
            self.by_peer.setdefault(peer, set()).add(prefix)
        for w in owners(prefix, self.by_prefix, self.cache):
            self.change_states(w, peer, prefix, old, route, ts, kind)
        if prefix in self.by_prefix:
            if kind == "A":
                self.announced[prefix] += 1
            self.change_visibility(prefix, peer, route, ts)

    def state(self, w, prefix, route):
        """The state key a route puts its peer in, for watch w; None without a route."""
        if route is None:
            return None
        origin = route[1]
        if w.allowed(origin):
            return (w, ANNOUNCEMENT, prefix, None)  # every allowed origin is one state; its origin: the first seen
        return (w, ORIGIN_CHANGE if prefix == w.prefix else MORE_SPECIFIC, prefix, origin)

    def change_states(self, w, peer, prefix, old, route, ts, kind):
        before, after = self.state(w, prefix, old), self.state(w, prefix, route)
        if before is not None and before != after:
            incident = self.open[before]
            incident.peers.discard(peer)
            if not incident.peers:
                incident.end = ts
                self.done.append(self.open.pop(before))
        if after is not None:
            incident = self.open.get(after)
            if incident is None:
                origin = route[1]
                incident = self.open[after] = Incident(w, after[1], prefix, origin, ts, route[0])
            incident.enter(peer, ts, kind == "B")
            if kind == "A":  # the announcements that put or kept a peer in the state (a RIB's route is none)
                incident.announcements += 1

    def change_visibility(self, prefix, peer, route, ts):
        holders = self.visibility.setdefault(prefix, set())
        before = len(holders)
        if route is None:
            holders.discard(peer)
        else:
            holders.add(peer)
        after = len(holders)
        falls = before >= VISIBILITY_MIN_PEERS > after
        for w in self.by_prefix[prefix]:
            open_withdrawal = self.withdrawal.get(w)
            if falls:
                open_withdrawal = self.withdrawal[w] = Withdrawal(w, ts, self.peak[prefix])
            if open_withdrawal is not None:
                if after < before:
                    open_withdrawal.announcements += 1
                if after >= VISIBILITY_MIN_PEERS:
                    open_withdrawal.end = ts
                    self.done.append(self.withdrawal.pop(w))
        if falls:
            self.peak[prefix] = 0
        elif after >= VISIBILITY_MIN_PEERS or not any(w in self.withdrawal for w in self.by_prefix[prefix]):
            self.peak[prefix] = max(self.peak[prefix], after)

    # --- the day's end

    def events(self, day: dt.date):
        """The event rows of the day, in file order."""
        ended = [i for i in self.done + list(self.open.values()) + list(self.withdrawal.values())
                 if i.quorum is not None]
        # READING: "not repeated for what the day starts with": an announcement whose quorum was reached by the
        # routes of a RIB dump (held when the day starts) is no event; one that reaches it with updates is.
        ended = [i for i in ended if not (i.type == ANNOUNCEMENT and i.quorum_from_rib)]
        rows = []
        for i in ended:
            rows.append(self.event_row(day, i))
        for w in self.watches:
            rows.append(self.active_path(day, w))
        # READING (row order): customer, connection, registered prefix, type in catalogue order, prefix, start
        # time, origin text; n counts the same key's events in start-time order.
        rows.sort(key=lambda r: r["sort"])
        counts = Counter()
        for r in rows:
            key = (r["connection_id"], r["event_type"], r["prefix"], r["origin_asn"] or "-")
            counts[key] += 1
            r["n"] = counts[key]
        return rows

    def event_row(self, day, i):
        w = i.watch
        origin = origin_text(i.origin) if i.origin is not None else ""
        return {"sort": sort_key(w, i.type, i.prefix, i.start, origin), "date": day.isoformat(),
                "customer_id": w.customer_id, "connection_id": w.connection_id, "registered_prefix": w.prefix,
                "prefix": i.prefix, "event_type": i.type, "start_time": instant_text(i.start),
                "quorum_time": instant_text(i.quorum), "end_time": instant_text(i.end) if i.end else "",
                "origin_asn": origin, "allowed_origins": w.allowed_text(), "peers_max": i.peers_max,
                "announcements": i.announcements, "example_path": i.path or "", "summary": summary(i, origin)}

    def active_path(self, day, w):
        """READING: one row per registered prefix of each connection even when no peer holds it at the day's end
        (then 0 peers, no origin, no path: "held by no peer at the day's end", the Java side's words); origins in numeric order (a set after the plain ASNs);
        announcements = the day's A rows of the prefix; no times."""
        held = [self.routes[(peer, w.prefix)] for peer in self.visibility.get(w.prefix, ())]
        origins = sorted({r[1] for r in held}, key=lambda o: (o[0] == "set", o[1]))
        paths = Counter(r[0] for r in held)
        path = min(paths, key=lambda p: (-paths[p], p)) if paths else ""
        n = len(held)
        text = f"held by {peers_text(n) if n else 'no peer'} at the day's end"
        if held:
            names = " ".join(origin_text(o) for o in origins)
            text += f", origin{'' if len(origins) == 1 else 's'} {names}, most common path {path}"
        return {"sort": sort_key(w, ACTIVE_PATH, w.prefix, (0, 0), ""), "date": day.isoformat(),
                "customer_id": w.customer_id, "connection_id": w.connection_id, "registered_prefix": w.prefix,
                "prefix": w.prefix, "event_type": ACTIVE_PATH, "start_time": "", "quorum_time": "", "end_time": "",
                "origin_asn": "", "allowed_origins": w.allowed_text(), "peers_max": n,
                "announcements": self.announced[w.prefix], "example_path": path, "summary": text}


def sort_key(w, etype, prefix, start, origin):
    return (w.customer_id, w.connection_id, prefix_key(w.prefix), TYPES.index(etype), prefix_key(prefix), start,
            origin)


def peers_text(n: int) -> str:
    return f"{n} peer" if n == 1 else f"{n} peers"


def summary(i, origin: str) -> str:
    """The sentences of the summary column (their wording is the Java side's, the one thing taken from it)."""
    w = i.watch
    allowed = w.allowed_text()
    if i.type == ORIGIN_CHANGE:
        return f"{prefix_text(i.prefix)} held with origin {origin}, not one of {allowed}, by up to " \
               f"{peers_text(i.peers_max)}"
    if i.type == MORE_SPECIFIC:
        return f"{prefix_text(i.prefix)}, a more-specific of {prefix_text(w.prefix)}, held with origin {origin}, " \
               f"not one of {allowed}, by up to {peers_text(i.peers_max)}"
    if i.type == WITHDRAWAL:
        return f"{prefix_text(w.prefix)} held by fewer than {VISIBILITY_MIN_PEERS} peers, down from {i.peers_max}"
    more = "" if i.prefix == w.prefix else f", a more-specific of {prefix_text(w.prefix)}"
    return f"{prefix_text(i.prefix)}{more}, held with origin {origin} by up to {peers_text(i.peers_max)}"


# ---------------------------------------------------------------------------------------------- one day, written


def formula_guard(s: str) -> str:
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r", "\0") else s


def csv_line(cells) -> str:
    out = []
    for c in cells:
        s = str(c)
        out.append('"' + s.replace('"', '""') + '"' if any(x in s for x in ',"\r\n') else s)
    return ",".join(out) + "\n"


def write_text(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def event_cells(r):
    event_id = f"{r['date']}/{r['connection_id']}/{r['event_type']}/{prefix_text(r['prefix'])}/" \
               f"{r['origin_asn'] or '-'}/{r['n']}"
    return [formula_guard(event_id), r["date"], formula_guard(r["customer_id"]), formula_guard(r["connection_id"]),
            prefix_text(r["registered_prefix"]), prefix_text(r["prefix"]), r["event_type"], LEVEL[r["event_type"]],
            r["start_time"], r["quorum_time"], r["end_time"], r["origin_asn"], r["allowed_origins"], r["peers_max"],
            r["announcements"], r["example_path"], formula_guard(r["summary"])]


def bgp_day(day: dt.date, bgp_dir: str, conns, customers, out_dir: str):
    """Computes and writes one day's events and BGP rejects.  Returns the "bgp" summary of runs/<date>.json and the
    day's Critical and Warning rows per connection: ({"status": "missing"}, {}) when the day has no folder."""
    folder = os.path.join(bgp_dir, day.isoformat())
    if not os.path.isdir(folder):
        return {"status": "missing"}, {}
    files, records, rejects, rows = read_day(folder)
    watches, by_prefix = watches_of(conns)
    replay = DayReplay(watches, by_prefix)
    for row in rows:
        replay.apply(row)
    events = replay.events(day)
    ds = day.isoformat()
    header = csv_line(EVENT_HEADER)
    write_text(os.path.join(out_dir, "events", f"{ds}.csv"), header + "".join(csv_line(event_cells(r))
                                                                             for r in events))
    for cust in customers:
        write_text(os.path.join(out_dir, "reports", cust, f"{ds}-events.csv"),
                   header + "".join(csv_line(event_cells(r)) for r in events if r["customer_id"] == cust))
    write_text(os.path.join(out_dir, "bgp-rejects", f"{ds}.csv"),
               csv_line(["file", "offset", "reason"]) + "".join(csv_line(r) for r in rejects))
    levels = Counter(LEVEL[r["event_type"]] for r in events)
    per_connection = Counter((r["connection_id"], LEVEL[r["event_type"]]) for r in events)
    summary_ = {"status": "read", "files": len(files), "records": records, "multicast": 0,
                "rejected": len(rejects), "critical": levels["Critical"], "warning": levels["Warning"],
                "information": levels["Information"]}
    print(f"{ds}: bgp files={len(files)} records={records} rejected={len(rejects)} events={len(events)} "
          f"({levels['Critical']} critical, {levels['Warning']} warning, {levels['Information']} information)",
          file=sys.stderr)
    return summary_, per_connection


def bgp_json_line(s) -> str:
    """The "bgp" line of runs/<date>.json (after "alerts")."""
    if s["status"] == "missing":
        return '  "bgp": {"status": "missing"},'
    return ('  "bgp": {"status": "read", ' + ", ".join(f'"{k}": {s[k]}' for k in
            ("files", "records", "multicast", "rejected", "critical", "warning", "information")) + "},")


def main(argv=None):
    from reference_pipeline import read_registry
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--connections", required=True)
    p.add_argument("--bgp", required=True)
    p.add_argument("--date", required=True, type=dt.date.fromisoformat)
    p.add_argument("--out", required=True)
    a = p.parse_args(argv)
    conns = read_registry(a.connections)
    summary_, _ = bgp_day(a.date, a.bgp, conns, sorted({c["customer_id"] for c in conns}), a.out)
    print(bgp_json_line(summary_))


if __name__ == "__main__":
    main()
