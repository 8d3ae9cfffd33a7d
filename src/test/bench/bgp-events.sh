#!/usr/bin/env bash
# Prefix events benchmark (issue 16): a full day of one route collector's updates against a registry of 100 k
# prefixes. Generates the registry (`generate scale --origin-asns`: 90 k IPv4 + 10 k IPv6 prefixes of 10 k
# connections, one origin AS per customer) and one day of UPDATES prefix updates from PEERS peers over the registered
# prefixes and UNREGISTERED others (`generate bgp`), then times `peertel bgp events --date D --bgp ...` RUNS times
# (wall clock and peak RSS from /usr/bin/time -v) and measures the route state with BgpStateFootprint (test code):
# the routes held at the day's end and the heap they retain after a full GC, per route.
#
#   src/test/bench/bgp-events.sh                    # 5 M updates, 40 peers, 900 k unregistered prefixes, 3 rounds
#   UPDATES=500000 RUNS=1 src/test/bench/bgp-events.sh
#
# Uses target/peertel.jar and target/test-classes (built when missing); WORK is the scratch folder (default a new
# one under /tmp, removed at the end unless KEEP=1).
set -euo pipefail
cd "$(dirname "$0")/../../.."
UPDATES=${UPDATES:-5000000}
PEERS=${PEERS:-40}
UNREGISTERED=${UNREGISTERED:-900000}
RUNS=${RUNS:-3}
DAY=${DAY:-2026-11-16}
WORK=${WORK:-$(mktemp -d)}
[ -f target/peertel.jar ] || mvn -q -o -DskipTests package
[ -f target/test-classes/org/peertel/bench/BgpStateFootprint.class ] || mvn -q -o test-compile
JAR=$(pwd)/target/peertel.jar
CP="target/test-classes:target/peertel.jar"
trap '[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"' EXIT

echo "commit $(git rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$JAR" generate scale --out "$WORK/registry" --days 1 --from "$DAY" --rows-per-day 0 \
  --connections 10000 --ipv4-prefixes 90000 --ipv6-prefixes 10000 --origin-asns
start=$(date +%s.%N)
java -jar "$JAR" generate bgp --out "$WORK/bgp" --connections "$WORK/registry/connections.csv" --from "$DAY" \
  --updates-per-day "$UPDATES" --peers "$PEERS" --unregistered-prefixes "$UNREGISTERED"
printf 'generate bgp: %.1f s, %s bytes\n' "$(echo "$(date +%s.%N) - $start" | bc)" \
  "$(stat -c %s "$WORK/bgp/$DAY/updates.$DAY.gz")"

: > "$WORK/settings.properties"
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/out" "$WORK/p.duckdb"
  /usr/bin/time -v -o "$WORK/time.txt" java -jar "$JAR" bgp events --date "$DAY" --bgp "$WORK/bgp" \
    --connections "$WORK/registry/connections.csv" --out "$WORK/out" --db "$WORK/p.duckdb" \
    --settings "$WORK/settings.properties" > "$WORK/events.out" 2> "$WORK/events.err" \
    || { cat "$WORK/events.out" "$WORK/events.err" >&2; exit 1; }
  wall=$(grep 'Elapsed (wall clock)' "$WORK/time.txt" | sed 's/.*: //')
  rss=$(grep 'Maximum resident set size' "$WORK/time.txt" | sed 's/.*: //')
  printf 'bgp events run %d: %s wall, peak RSS %d MiB; %s\n' "$i" "$wall" $((rss / 1024)) \
    "$(grep "^$DAY" "$WORK/events.out")"
done
echo "events by type: $(tail -n +2 "$WORK/out/events/$DAY.csv" | awk -F, '{print $7}' | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
echo "route state: $(java -cp "$CP" org.peertel.bench.BgpStateFootprint "$WORK/registry/connections.csv" "$WORK/bgp/$DAY" "$DAY")"
