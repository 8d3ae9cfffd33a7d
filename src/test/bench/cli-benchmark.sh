#!/usr/bin/env bash
# Times the real peertel CLI on data made by the project's own generator, beside two baselines measured in the
# same run on the same files: reading the bytes (cat, the I/O floor) and the job's reader alone (ReadOnlyPass,
# the parse floor). Prints one line per measurement; copy the figures into BENCHMARKS.md.
#
#   src/test/bench/cli-benchmark.sh                  # 1 M rows, 1,000 connections, 4 files, 3 runs each
#   ROWS=5000000 CONNECTIONS=20000 RUNS=3 src/test/bench/cli-benchmark.sh
set -euo pipefail
ROWS=${ROWS:-1000000}
CONNECTIONS=${CONNECTIONS:-1000}
FILES=${FILES:-4}
RUNS=${RUNS:-3}
GZIP=${GZIP:-}
DAY=2026-11-16

cd "$(dirname "$0")/../../.."
mvn -q -DskipTests package
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar target/peertel.jar generate scale --out "$work/data" --from $DAY --days 1 --rows-per-day "$ROWS" \
    --connections "$CONNECTIONS" --files "$FILES" ${GZIP:+--gzip} >/dev/null
bytes=$(du -cb "$work/data/latency/$DAY"/* | tail -1 | cut -f1)
echo "data: $ROWS rows, $CONNECTIONS connections, $FILES files, $bytes bytes${GZIP:+ (gzip)}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB"

seconds() { local start=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $start" | bc; }

for i in $(seq "$RUNS"); do
  s=$(seconds cat "$work/data/latency/$DAY"/*)
  echo "baseline cat            run $i: ${s}s"
done
for i in $(seq "$RUNS"); do
  echo "baseline ReadOnlyPass   run $i: $(java -cp "$CP" org.peertel.bench.ReadOnlyPass "$work/data/latency/$DAY" $DAY)"
done
for i in $(seq "$RUNS"); do
  rm -rf "$work/out"
  s=$(seconds java -jar target/peertel.jar run --date $DAY --connections "$work/data/connections.csv" \
      --input "$work/data/latency" --out "$work/out" --db "$work/out/peertel.duckdb")
  echo "peertel run (first run) run $i: ${s}s = $(echo "$ROWS / $s" | bc) rows/s"
done
for i in $(seq "$RUNS"); do
  s=$(seconds java -jar target/peertel.jar run --date $DAY --connections "$work/data/connections.csv" \
      --input "$work/data/latency" --out "$work/out" --db "$work/out/peertel.duckdb")
  echo "peertel run (re-run)    run $i: ${s}s = $(echo "$ROWS / $s" | bc) rows/s"
done
