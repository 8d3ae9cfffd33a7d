#!/usr/bin/env bash
# Retention benchmark (issue "A year of nights"): DAYS generated days of ROWS rows, each run by `peertel run --date`
# one after the other, twice: with retention.measurement-days = WINDOW and retention.aggregate-days = AGGREGATES, and
# with retention off (0 and 0). After each day it records the DuckDB file's size, the archive's size and the run's
# wall clock, and prints one line per day and mode; at the end, per mode, the file size after the last day over that
# after day AGGREGATES + 1 (both windows full), and the median run time of the last five days over that of days
# WINDOW + 1 .. WINDOW + 5.
#
#   src/test/bench/retention.sh                     # 60 days of 1 M rows, windows of 7 and 30 days
#   DAYS=20 ROWS=100000 WINDOW=3 AGGREGATES=8 src/test/bench/retention.sh
#
# Uses target/peertel.jar (built when missing) and the shipped settings with the month files off (so that only
# retention differs); WORK is the scratch folder (default a new one under /tmp, removed at the end unless KEEP=1).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DAYS=${DAYS:-60}
ROWS=${ROWS:-1000000}
WINDOW=${WINDOW:-7}
AGGREGATES=${AGGREGATES:-30}
WORK=${WORK:-$(mktemp -d)}
[ -f target/peertel.jar ] || mvn -q -DskipTests package
JAR=$(pwd)/target/peertel.jar
FROM=2026-01-01

java -jar "$JAR" generate scale --out "$WORK/data" --days "$DAYS" --rows-per-day "$ROWS" --from "$FROM" >&2

for mode in window off; do
  days=0
  aggregates=0
  [ "$mode" = window ] && days=$WINDOW && aggregates=$AGGREGATES
  run="$WORK/$mode"
  mkdir -p "$run"
  grep -v -E '^(reports\.month-to-date|retention\.measurement-days|retention\.aggregate-days|archive\.dir) *=' jobs/telemetry/telemetry.properties \
    > "$run/telemetry.properties"
  sed -i 's#^alerts = .*#alerts = '"$(pwd)"'/jobs/telemetry/alerts.properties#' "$run/telemetry.properties"
  printf 'reports.month-to-date = false\nretention.measurement-days = %s\nretention.aggregate-days = %s\narchive.dir = %s\n' \
    "$days" "$aggregates" "$run/archive" \
    >> "$run/telemetry.properties"
  for i in $(seq 0 $((DAYS - 1))); do
    day=$(date -u -d "$FROM + $i days" +%F)
    start=$(date +%s.%N)
    java -jar "$JAR" run --date "$day" --settings "$run/telemetry.properties" --connections "$WORK/data/connections.csv" \
      --input "$WORK/data/latency" --out "$run/out" --db "$run/p.duckdb" > "$run/last.out" 2>&1 \
      || { cat "$run/last.out" >&2; exit 1; }
    end=$(date +%s.%N)
    db=$(stat -c %s "$run/p.duckdb")
    archive=$(du -sb "$run/archive" 2>/dev/null | cut -f1 || echo 0)
    printf '%s day %2d %s  %6.2f s  db %8.1f MiB  archive %7.1f MiB\n' "$mode" $((i + 1)) "$day" \
      "$(echo "$end - $start" | bc)" "$(echo "$db / 1048576" | bc -l)" "$(echo "${archive:-0} / 1048576" | bc -l)" \
      | tee -a "$WORK/days.txt"
  done
done
# per mode: size after the last day / size after day AGGREGATES + 1; median time of the last 5 days / of days
# WINDOW + 1 .. WINDOW + 5
for mode in window off; do
  awk -v mode="$mode" -v full=$((AGGREGATES + 1)) -v last="$DAYS" -v early=$((WINDOW + 1)) '
    function median(a, n,   i, j, t) {
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return a[int((n + 1) / 2)]
    }
    $1 == mode {
      d = $3; t = $5; size = $8
      if (d == full) sizeFull = size
      if (d == last) sizeLast = size
      if (d >= early && d < early + 5) e[++ne] = t
      if (d > last - 5) l[++nl] = t
    }
    END {
      printf "%s: db after day %d %.1f MiB, after day %d %.1f MiB (%.2fx); median run days %d-%d %.2f s, days %d-%d %.2f s (%.2fx)\n",
        mode, full, sizeFull, last, sizeLast, sizeLast / sizeFull, last - 4, last, median(l, nl), early, early + 4,
        median(e, ne), median(l, nl) / median(e, ne)
    }' "$WORK/days.txt"
done
[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
