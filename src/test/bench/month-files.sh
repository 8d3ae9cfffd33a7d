#!/usr/bin/env bash
# What the month-to-date files cost the nightly run (issue 13): a month of generated days processed in order, and on
# day 1, day 15 and the last day the same night's run timed with the month files off and on, alternated; the
# difference is their cost at that point of the month (they read every row of the month's processed days).
#
#   src/test/bench/month-files.sh                 # 31 days of 10 M rows (about 17 GB of CSV in WORK), 2 rounds
#   ROWS=1000000 RUNS=3 WORK=$HOME/m KEEP=1 src/test/bench/month-files.sh
#
# Variables: ROWS (rows a day, default 10000000), DAYS (31), RUNS (rounds per measured day, 2), CONNECTIONS (1000),
# FILES (4), WORK (a temporary folder), KEEP (keep WORK). Needs the disk for DAYS days of data and their database.
set -euo pipefail
ROWS=${ROWS:-10000000}
DAYS=${DAYS:-31}
RUNS=${RUNS:-2}
CONNECTIONS=${CONNECTIONS:-1000}
FILES=${FILES:-4}
KEEP=${KEEP:-}
FROM=2026-01-01

cd "$(dirname "$0")/../../.."
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
cleanup() { if [ -z "$KEEP" ]; then rm -rf "$WORK"; else echo "kept: $WORK"; fi; }
trap cleanup EXIT
mvn -q -DskipTests package
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB," \
     "$(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

java -jar target/peertel.jar generate scale --out "$WORK/data" --from $FROM --days "$DAYS" --rows-per-day "$ROWS" \
    --connections "$CONNECTIONS" --files "$FILES" 2>&1 | sed 's/^/  /'
# the shipped settings with the month files on and off (alerts.properties beside them, as the settings expect)
mkdir -p "$WORK/settings"
cp jobs/telemetry/alerts.properties "$WORK/settings/"
for on in true false; do
  sed "s/^reports.month-to-date *=.*/reports.month-to-date = $on/" jobs/telemetry/telemetry.properties \
      > "$WORK/settings/month-files-$on.properties"
done

# runs one day with the month files on or off; prints the wall clock in seconds
run_day() {
  local day=$1 on=$2 start end
  start=$(date +%s.%N)
  java -jar target/peertel.jar run --settings "$WORK/settings/month-files-$on.properties" --date "$day" \
      --connections "$WORK/data/connections.csv" --input "$WORK/data/latency" --out "$WORK/out" \
      --db "$WORK/out/peertel.duckdb" > "$WORK/run.txt" 2>&1 || { cat "$WORK/run.txt"; exit 1; }
  end=$(date +%s.%N)
  awk "BEGIN{printf \"%.3f\", $end - $start}"
}

median() { sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
last=$(date -u -d "$FROM + $((DAYS - 1)) days" +%F)
for target in 1 15 "$DAYS"; do
  day=$(date -u -d "$FROM + $((target - 1)) days" +%F)
  # the days before it, as the nights before did (month files off: only their own cost is measured)
  while [ "$(ls "$WORK/out/runs" 2>/dev/null | wc -l)" -lt $((target - 1)) ]; do
    next=$(date -u -d "$FROM + $(ls "$WORK/out/runs" 2>/dev/null | wc -l) days" +%F)
    echo "  processing $next: $(run_day "$next" false) s"
  done
  offs=(); ons=()
  for i in $(seq "$RUNS"); do
    off=$(run_day "$day" false); on=$(run_day "$day" true)
    echo "day $target ($day), round $i: month files off $off s, on $on s"
    offs+=("$off"); ons+=("$on")
  done
  off_median=$(printf '%s\n' "${offs[@]}" | median); on_median=$(printf '%s\n' "${ons[@]}" | median)
  echo "day $target of the month ($target processed days of $ROWS rows): medians off $off_median s, on $on_median s," \
       "month files $(awk "BEGIN{printf \"%.3f\", $on_median - $off_median}") s"
done
echo "month files of $WORK/out/reports/*/month-${last:0:7}.csv: $(ls "$WORK"/out/reports/*/month-"${last:0:7}".csv | wc -l)"
