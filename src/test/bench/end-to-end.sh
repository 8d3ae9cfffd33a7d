#!/usr/bin/env bash
# End-to-end benchmark of issue 4: the real peertel CLI on one generated day, beside two baselines timed in the
# same run on the same files, with the job's own DuckDB settings (jobs/telemetry/telemetry.properties):
#   (a) bare scan: DuckDB's SELECT count(*) FROM read_csv(<the day's files>) -- the floor for reading the input;
#   (b) pure SQL:  the whole job as DuckDB SQL, IPv4 only (prefixes as integer ranges, range join, longest match,
#                  location choice, count/min/max/sum/quantiles per connection per day into a file database);
#   (c) the CLI:   `peertel run` end to end, wall clock of the whole process and its peak RSS (/usr/bin/time -v).
# Both baselines run in a JVM through DuckDB's JDBC driver (org.peertel.bench.DuckDbBaselines, the test classes
# with peertel.jar's class path), timed from an open connection. Prints every figure, then the ratios job / pure SQL and job / scan
# (best run of each). The issue's targets: job <= 0.25 x pure SQL and <= 5 x bare scan.
#
#   src/test/bench/end-to-end.sh                        # 10 M rows, 100 k IPv4 prefixes, 4 files, 1 run each
#   ROWS=1000000 RUNS=3 src/test/bench/end-to-end.sh
#   PREFIX_TABLE=../shared/testdata/prefixes/bart/prefixes.txt.gz PREFIXES=100000 src/test/bench/end-to-end.sh
#   CLI=0 src/test/bench/end-to-end.sh                  # the two baselines only
#   MEMORY=1 src/test/bench/end-to-end.sh               # memory check instead: peak RSS of `peertel run` on one
#                                                       # day of ROWS (10 M) and of MEMORY_ROWS (100 M, ~5 GB)
#   CDS=1 src/test/bench/end-to-end.sh                  # `peertel run` started with a class-data sharing archive
#                                                       # (jobs/telemetry/deploy/cds-archive.sh)
#   MEMORY=1 RUNS=3 MEMORY_LIMIT=256MB JAVA_OPTS="-Xms256m -Xmx256m" src/test/bench/end-to-end.sh
#                                                       # the same with memory bounded: DuckDB's limit and the heap
#   BASELINE_JAR=/path/to/old/peertel.jar RUNS=3 src/test/bench/end-to-end.sh
#                                                       # A/B instead: that jar and this build's alternated on the
#                                                       # same data, RUNS rounds; medians and their ratio
#   START=1 RUNS=7 [BASELINE_JAR=...] src/test/bench/end-to-end.sh
#                                                       # process start instead: `peertel run` of sample-data's
#                                                       # 2026-11-16 (486 rows) and of a day without files, RUNS
#                                                       # rounds (alternated with BASELINE_JAR); wall clock, CPU
#                                                       # time, the file system writes of the run and what it
#                                                       # left in its temporary folder
#
# Settings (environment): ROWS rows in the day (10000000); PREFIXES IPv4 prefixes (100000); IPV6_PREFIXES (0) and
# IPV6_SHARE (0): the pure-SQL plan is IPv4-only, so by default the data is too and all three do the same work;
# CONNECTIONS (1000); FILES per day (4); RUNS of each measurement (1); GZIP=1 for .csv.gz; PREFIX_TABLE a file of
# CIDRs to register instead of generated prefixes (PREFIXES of its IPv4 prefixes are sampled); CLI=0 to skip the
# CLI; READER=1 also times the job's reader alone (ReadOnlyPass: parsing and checks, no matching, no DuckDB);
# PREFIXES=all / IPV6_PREFIXES=all take every usable prefix of PREFIX_TABLE; MEMORY=1 and MEMORY_ROWS
# (100000000); JAVA_OPTS for `peertel run`; SETTINGS a job settings file for `peertel run --settings` and the
# baselines' DuckDB settings (default jobs/telemetry/telemetry.properties); MEMORY_LIMIT a duckdb.memory-limit to
# run with instead of the one of SETTINGS (the script writes a copy of the settings with it); WORK the scratch folder (default a new
# temporary one); KEEP=1 keeps the generated data (it is large: about 50 bytes a row), else it is removed.
set -euo pipefail
ROWS=${ROWS:-10000000}
PREFIXES=${PREFIXES:-100000}
IPV6_PREFIXES=${IPV6_PREFIXES:-0}
IPV6_SHARE=${IPV6_SHARE:-0}
CONNECTIONS=${CONNECTIONS:-1000}
FILES=${FILES:-4}
RUNS=${RUNS:-1}
GZIP=${GZIP:-}
PREFIX_TABLE=${PREFIX_TABLE:-}
CLI=${CLI:-1}
READER=${READER:-}
MEMORY=${MEMORY:-}
MEMORY_ROWS=${MEMORY_ROWS:-100000000}
JAVA_OPTS=${JAVA_OPTS:-}
SETTINGS=${SETTINGS:-}
CDS=${CDS:-}
START=${START:-}
BASELINE_JAR=${BASELINE_JAR:-}
MEMORY_LIMIT=${MEMORY_LIMIT:-}
KEEP=${KEEP:-}
DAY=2026-11-16

cd "$(dirname "$0")/../../.."
if [ -n "$PREFIX_TABLE" ]; then PREFIX_TABLE=$(realpath "$PREFIX_TABLE"); fi
if [ -n "$SETTINGS" ]; then SETTINGS=$(realpath "$SETTINGS"); fi
if [ -n "$BASELINE_JAR" ]; then BASELINE_JAR=$(realpath "$BASELINE_JAR"); fi
prefix_args=()  # "all" = every usable prefix of the table (the generator's default with --prefix-table)
if [ "$PREFIXES" != all ]; then prefix_args+=(--ipv4-prefixes "$PREFIXES"); fi
if [ "$IPV6_PREFIXES" != all ]; then prefix_args+=(--ipv6-prefixes "$IPV6_PREFIXES"); fi
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
cleanup() { if [ -z "$KEEP" ]; then rm -rf "$WORK"; else echo "kept: $WORK"; fi; }
trap cleanup EXIT
if [ -n "$MEMORY_LIMIT" ]; then  # a copy of the settings with another memory limit (alerts stay beside it)
  source_settings=${SETTINGS:-$PWD/jobs/telemetry/telemetry.properties}
  mkdir -p "$WORK/settings"
  sed "s/^duckdb.memory-limit *=.*/duckdb.memory-limit = $MEMORY_LIMIT/" "$source_settings" > "$WORK/settings/job.properties"
  grep -q "^duckdb.memory-limit = $MEMORY_LIMIT\$" "$WORK/settings/job.properties" \
      || echo "duckdb.memory-limit = $MEMORY_LIMIT" >> "$WORK/settings/job.properties"
  cp "$(dirname "$source_settings")/alerts.properties" "$WORK/settings/" 2>/dev/null || true
  SETTINGS=$WORK/settings/job.properties
fi

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for peak RSS)"; apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
mvn -q -DskipTests package
# the baselines' classes, then peertel.jar, whose manifest brings lib/ (DuckDB loading its library in place)
CP="target/test-classes:target/peertel.jar"
PEERTEL_JAR=target/peertel.jar
CDS_OPTS=""
if [ -n "$CDS" ]; then
  jobs/telemetry/deploy/cds-archive.sh target/peertel.jar "$WORK/cds" | sed 's/^/  /'
  PEERTEL_JAR=$WORK/cds/peertel.jar
  CDS_OPTS="-XX:SharedArchiveFile=$WORK/cds/peertel.jsa"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB," \
     "$(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# generates one day of <rows> rows into $WORK/<name>; prints the generator's summary and the time it took
generate() {
  local name=$1 rows=$2 start end
  rm -rf "${WORK:?}/$name"
  start=$(date +%s.%N)
  java -jar target/peertel.jar generate scale --out "$WORK/$name" --from $DAY --days 1 --rows-per-day "$rows" \
      --connections "$CONNECTIONS" --files "$FILES" "${prefix_args[@]}" --ipv6-share "$IPV6_SHARE" \
      ${GZIP:+--gzip} ${PREFIX_TABLE:+--prefix-table "$PREFIX_TABLE"} 2>&1 | sed 's/^/  /'
  end=$(date +%s.%N)
  echo "data: $rows rows in $(du -cb "$WORK/$name/latency/$DAY"/* | tail -1 | cut -f1) bytes${GZIP:+ (gzip)}," \
       "generated in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s (wall clock, whole process)"
}

# runs `peertel run` on $WORK/<name> from an empty output folder; sets CLI_SECONDS and CLI_RSS_KB
run_cli() {
  local name=$1 start end
  rm -rf "${WORK:?}/$name/out"
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$WORK/time.txt" java $CDS_OPTS $JAVA_OPTS -jar "$PEERTEL_JAR" run ${SETTINGS:+--settings "$SETTINGS"} --date $DAY \
      --connections "$WORK/$name/connections.csv" --input "$WORK/$name/latency" --out "$WORK/$name/out" \
      --db "$WORK/$name/out/peertel.duckdb" > "$WORK/run.txt" 2> "$WORK/run-err.txt" \
      || { cat "$WORK/run.txt" "$WORK/run-err.txt"; exit 1; }
  end=$(date +%s.%N)
  CLI_SECONDS=$(awk "BEGIN{printf \"%.3f\", $end - $start}")
  CLI_RSS_KB=$(awk -F': ' '/Maximum resident set size/{print $2}' "$WORK/time.txt")
}

if [ -n "$START" ]; then
  # one run of `peertel run` per jar and round, alternated, each from a fresh output folder and with a temporary
  # folder of its own (-Djava.io.tmpdir), on the sample registry: sample-data's first day, then a day without files
  mkdir -p "$WORK/empty/2026-11-16"
  jars=("$PEERTEL_JAR"); labels=("this build")
  if [ -n "$BASELINE_JAR" ]; then jars=("$BASELINE_JAR" "$PEERTEL_JAR"); labels=("baseline  " "this build"); fi
  echo "process start: $RUNS rounds of ${labels[*]}, alternated; wall clock of the whole process"
  median() { sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
  for input in sample-data/latency "$WORK/empty"; do
    # an empty day is processed only when asked (--allow-empty-day): BASELINE_JAR must know that option too
    if [ "$input" = sample-data/latency ]; then day="sample day"; empty=(); else day="empty day"; empty=(--allow-empty-day); fi
    declare -A times=() cpus=()
    for i in $(seq "$RUNS"); do
      for j in "${!jars[@]}"; do
        rm -rf "${WORK:?}/start-out" "${WORK:?}/start-tmp"; mkdir -p "$WORK/start-tmp"
        start=$(date +%s.%N)
        # shellcheck disable=SC2086
        /usr/bin/time -v -o "$WORK/time.txt" java $CDS_OPTS $JAVA_OPTS -Djava.io.tmpdir="$WORK/start-tmp" \
            -jar "${jars[$j]}" run --date 2026-11-16 --connections sample-data/connections.csv --input "$input" \
            --out "$WORK/start-out" --db "$WORK/start-out/peertel.duckdb" "${empty[@]}" > "$WORK/run.txt" \
            2> "$WORK/run-err.txt" || { cat "$WORK/run.txt" "$WORK/run-err.txt"; exit 1; }
        end=$(date +%s.%N)
        seconds=$(awk "BEGIN{printf \"%.3f\", $end - $start}")
        written=$(awk -F': ' '/File system outputs/{printf "%.1f", $2 * 512 / 1048576}' "$WORK/time.txt")
        cpu=$(awk -F': ' '/User time|System time/{t += $2} END{printf "%.2f", t}' "$WORK/time.txt")
        echo "$day, round $i: ${labels[$j]} $seconds s (cpu $cpu s), file system writes $written MiB," \
             "left in its temporary folder: $(find "$WORK/start-tmp" -mindepth 1 | wc -l) files"
        times[$j]+="$seconds "; cpus[$j]+="$cpu "
      done
    done
    for j in "${!jars[@]}"; do
      echo "$day: ${labels[$j]} median $(tr ' ' '\n' <<< "${times[$j]}" | grep . | median) s," \
           "cpu (user + system) $(tr ' ' '\n' <<< "${cpus[$j]}" | grep . | median) s"
    done
    unset times cpus
  done
  exit 0
fi

if [ -n "$MEMORY" ]; then
  echo "memory check: peak RSS of 'peertel run' on one day of $ROWS rows and of $MEMORY_ROWS rows (/usr/bin/time -v)," \
       "settings ${SETTINGS:-jobs/telemetry/telemetry.properties}, JAVA_OPTS '${JAVA_OPTS}'"
  median() { sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
  peaks() {  # peaks <name> <rows>: RUNS runs of one day; prints each, sets PEAKS to the peak RSS of each (KiB)
    local name=$1 rows=$2
    PEAKS=()
    generate "$name" "$rows"
    for i in $(seq "$RUNS"); do
      run_cli "$name"
      echo "peertel run, $rows rows, run $i: ${CLI_SECONDS} s, peak RSS $((CLI_RSS_KB / 1024)) MiB"
      PEAKS+=("$CLI_RSS_KB")
    done
    rm -rf "${WORK:?}/$name"
  }
  peaks small "$ROWS"; small=("${PEAKS[@]}")
  peaks large "$MEMORY_ROWS"; large=("${PEAKS[@]}")
  small_median=$(printf '%s\n' "${small[@]}" | median); large_median=$(printf '%s\n' "${large[@]}" | median)
  small_least=$(printf '%s\n' "${small[@]}" | sort -n | head -1); large_most=$(printf '%s\n' "${large[@]}" | sort -n | tail -1)
  echo "ratio: peak RSS at $MEMORY_ROWS / at $ROWS = $(awk "BEGIN{printf \"%.2f\", $large_median / $small_median}")" \
       "(medians; target <= 1.2), worst pair $(awk "BEGIN{printf \"%.2f\", $large_most / $small_least}")"
  exit 0
fi

if [ -n "$BASELINE_JAR" ]; then
  echo "A/B: $BASELINE_JAR (baseline) and $PEERTEL_JAR (this build) alternated, $RUNS rounds, one day of $ROWS rows"
  median() { sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
  generate data "$ROWS"
  current_jar=$PEERTEL_JAR; baseline_times=(); current_times=()
  for i in $(seq "$RUNS"); do
    PEERTEL_JAR=$BASELINE_JAR; run_cli data
    echo "round $i: baseline   ${CLI_SECONDS} s, peak RSS $((CLI_RSS_KB / 1024)) MiB"
    baseline_times+=("$CLI_SECONDS"); cp "$WORK/data/out/runs/$DAY.json" "$WORK/baseline-run.json"
    PEERTEL_JAR=$current_jar; run_cli data
    echo "round $i: this build ${CLI_SECONDS} s, peak RSS $((CLI_RSS_KB / 1024)) MiB"
    current_times+=("$CLI_SECONDS")
  done
  # the day's figures must not differ (the run summary's two times aside)
  if ! diff <(grep -v '_at"' "$WORK/baseline-run.json") <(grep -v '_at"' "$WORK/data/out/runs/$DAY.json") > /dev/null; then
    echo "A/B: the two jars' runs/$DAY.json differ (times aside)"; exit 1
  fi
  baseline=$(printf '%s\n' "${baseline_times[@]}" | median); current=$(printf '%s\n' "${current_times[@]}" | median)
  echo "medians: baseline ${baseline} s, this build ${current} s, this build / baseline =" \
       "$(awk "BEGIN{printf \"%.3f\", $current / $baseline}"); runs/$DAY.json identical (times aside)"
  exit 0
fi

generate data "$ROWS"
best() { sort -g | head -1; }
scan_times=(); sql_times=(); cli_times=()
for i in $(seq "$RUNS"); do
  line=$(java -cp "$CP" org.peertel.bench.DuckDbBaselines scan "$WORK/data/latency/$DAY" $DAY \
      "$WORK/data/connections.csv" "$WORK/scan.duckdb" ${SETTINGS:+"$SETTINGS"})
  echo "baseline (a) bare scan   run $i: $line"
  scan_times+=("$(sed 's/.*seconds=//' <<< "$line")")
done
for i in $(seq "$RUNS"); do
  line=$(java -cp "$CP" org.peertel.bench.DuckDbBaselines sql "$WORK/data/latency/$DAY" $DAY \
      "$WORK/data/connections.csv" "$WORK/sql.duckdb" ${SETTINGS:+"$SETTINGS"})
  echo "baseline (b) pure SQL    run $i: $line"
  sql_times+=("$(sed 's/.*seconds=//' <<< "$line")")
  sql_attributed=$(sed 's/.*attributed=\([0-9]*\).*/\1/' <<< "$line")
done
if [ -n "$READER" ]; then
  for i in $(seq "$RUNS"); do
    echo "job's reader alone       run $i: $(java -cp "$CP" org.peertel.bench.ReadOnlyPass "$WORK/data/latency/$DAY" $DAY)"
  done
fi
scan=$(printf '%s\n' "${scan_times[@]}" | best)
sql=$(printf '%s\n' "${sql_times[@]}" | best)
echo "best: bare scan ${scan} s, pure SQL ${sql} s"
if [ "$CLI" = 0 ]; then exit 0; fi
for i in $(seq "$RUNS"); do
  run_cli data
  attributed=$(sed -n 's/^ *"attributed": \([0-9]*\),/\1/p' "$WORK/data/out/runs/$DAY.json")
  echo "(c) peertel run          run $i: ${CLI_SECONDS} s wall clock, peak RSS $((CLI_RSS_KB / 1024)) MiB," \
       "$(awk "BEGIN{printf \"%.0f\", $ROWS / $CLI_SECONDS}") rows/s, attributed $attributed" \
       "(pure SQL: $sql_attributed$( [ "$IPV6_SHARE" = 0 ] && [ "$attributed" != "$sql_attributed" ] && echo ', DIFFERENT'))"
  cli_times+=("$CLI_SECONDS")
done
cli=$(printf '%s\n' "${cli_times[@]}" | best)
echo "ratios (best runs): job / pure SQL = $(awk "BEGIN{printf \"%.2f\", $cli / $sql}") (target <= 0.25)," \
     "job / bare scan = $(awk "BEGIN{printf \"%.1f\", $cli / $scan}") (target <= 5)"
