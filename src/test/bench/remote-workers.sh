#!/usr/bin/env bash
# The cost of remote workers on one machine: one generated day run by `peertel run` in one process and by
# `peertel run --workers remote` with one `peertel worker`, alternated RUNS rounds in the same run, both with the job
# repository on the same PostgreSQL database. The broker is Artemis from its Maven artifact in a JVM of its own (the
# tests' ArtemisBrokerMain). Prints per round the wall clock of each, then the medians and their ratio (issue 17's goal:
# remote <= 1.3 x one process; the month-to-date files, the same work in both, are off), where the remote run's time goes (its steps, from the job repository), the peak bytes
# in the shared folder per row (the spool and the buckets' aggregates), and the partition requests (messages) per day.
#
#   mvn -q -DskipTests package      # target/peertel.jar, the test classes and target/test.classpath
#   src/test/bench/remote-workers.sh                       # 10 M rows, 4 files, 1000 connections, 3 rounds
#   ROWS=1000000 RUNS=5 src/test/bench/remote-workers.sh
#
# Needs PEERTEL_TEST_POSTGRES_URL, _USER and _PASSWORD (what .ci/run exports; the script works in a schema of its own,
# dropped at the end) and psql. Settings (environment): ROWS (10000000), FILES (4), CONNECTIONS (1000), PREFIXES
# (100000), RUNS (3), BUCKETS (workers.buckets, 64), WORK (a new temporary folder), KEEP=1 keeps it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROWS=${ROWS:-10000000}
FILES=${FILES:-4}
CONNECTIONS=${CONNECTIONS:-1000}
PREFIXES=${PREFIXES:-100000}
RUNS=${RUNS:-3}
BUCKETS=${BUCKETS:-64}
DAY=2026-03-02
: "${PEERTEL_TEST_POSTGRES_URL:?set PEERTEL_TEST_POSTGRES_URL, _USER and _PASSWORD (bash .ci/run exports them)}"
WORK=${WORK:-$(mktemp -d /tmp/peertel-remote-bench.XXXXXX)}
mkdir -p "$WORK"
for needed in target/peertel.jar target/test-classes target/test.classpath; do
  [ -e "$needed" ] || { echo "missing $needed: run mvn -q -DskipTests package first" >&2; exit 2; }
done

schema=bench_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
pg_host_port_db=${PEERTEL_TEST_POSTGRES_URL#jdbc:postgresql://}
export PGPASSWORD=$PEERTEL_TEST_POSTGRES_PASSWORD
psql_run() {
  psql -q -X -A -t -v ON_ERROR_STOP=1 "postgresql://$PEERTEL_TEST_POSTGRES_USER@$pg_host_port_db" "$@"
}
psql_run -c "CREATE SCHEMA $schema"

broker_pid=; worker_pid=; sampler_pid=
cleanup() {
  for pid in $sampler_pid $worker_pid $broker_pid; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  psql_run -c "DROP SCHEMA $schema CASCADE" || true
  if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB," \
     "$(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

java -jar target/peertel.jar generate scale --out "$WORK/data" --from $DAY --days 1 --rows-per-day "$ROWS" \
    --connections "$CONNECTIONS" --files "$FILES" --ipv4-prefixes "$PREFIXES" --ipv6-prefixes 0 --ipv6-share 0 2>&1 | sed 's/^/  /'
echo "data: $ROWS rows in $FILES files, $(du -cb "$WORK/data/latency/$DAY"/* | tail -1 | cut -f1) bytes"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/test.classpath)" org.peertel.remote.ArtemisBrokerMain \
    "$port" "$WORK/broker" > "$WORK/broker.log" 2>&1 &
broker_pid=$!
for _ in $(seq 1 120); do grep -q '^artemis ready' "$WORK/broker.log" && break; sleep 0.5; done
grep -q '^artemis ready' "$WORK/broker.log" || { cat "$WORK/broker.log"; exit 1; }

mkdir -p "$WORK/shared"
settings() { # <file> <db> <out>: the job's shipped settings with the bench's paths, repository and broker
  grep -v -E '^(connections|input|out|db|alerts|bgp|reports\.month-to-date|job-repository\.[a-z]+) *=' \
      jobs/telemetry/telemetry.properties > "$1"
  cat >> "$1" <<EOF
connections = $WORK/data/connections.csv
input = $WORK/data/latency
out = $3
db = $2
alerts = $PWD/jobs/telemetry/alerts.properties
bgp =
reports.month-to-date = false
job-repository.url = $PEERTEL_TEST_POSTGRES_URL$([[ $PEERTEL_TEST_POSTGRES_URL == *\?* ]] && echo '&' || echo '?')currentSchema=$schema
job-repository.user = $PEERTEL_TEST_POSTGRES_USER
job-repository.password = $PEERTEL_TEST_POSTGRES_PASSWORD
broker.url = tcp://127.0.0.1:$port
shared.dir = $WORK/shared
workers.timeout = 30m
workers.buckets = $BUCKETS
EOF
}
settings "$WORK/single.properties" "$WORK/single.duckdb" "$WORK/single-out"
settings "$WORK/remote.properties" "$WORK/remote.duckdb" "$WORK/remote-out"

java -jar target/peertel.jar worker --settings "$WORK/remote.properties" > "$WORK/worker.log" 2>&1 &
worker_pid=$!
for _ in $(seq 1 120); do grep -q '^peertel worker: taking partitions' "$WORK/worker.log" && break; sleep 0.5; done

# timed <name> <args...>: one `peertel run`, wall clock into SECONDS_<name>
timed() {
  local name=$1 start end
  shift
  start=$(date +%s.%N)
  java -jar target/peertel.jar run --date $DAY "$@" > "$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; exit 1; }
  end=$(date +%s.%N)
  awk "BEGIN{printf \"%.2f\", $end - $start}"
}

# the largest size of the shared folder while a command runs, sampled every 0.1 s
peak_shared() {
  set +e # du fails on files moved or removed while it walks; the next sample counts them
  local peak=0 now
  while :; do
    now=$(du -sb "$WORK/shared" 2>/dev/null | cut -f1)
    if [ "${now:-0}" -gt "$peak" ]; then peak=$now; echo "$peak" > "$WORK/shared.peak"; fi
    sleep 0.1
  done
}

single=(); remote=()
for i in $(seq "$RUNS"); do
  s=$(timed single --settings "$WORK/single.properties")
  echo 0 > "$WORK/shared.peak"
  peak_shared & sampler_pid=$!
  r=$(timed remote --settings "$WORK/remote.properties" --workers remote)
  kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=
  echo "round $i: one process ${s} s, remote (1 worker) ${r} s, shared folder peak $(cat "$WORK/shared.peak") bytes"
  single+=("$s"); remote+=("$r")
done
median() { sort -g | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ms=$(printf '%s\n' "${single[@]}" | median); mr=$(printf '%s\n' "${remote[@]}" | median)
echo "medians: one process $ms s, remote $mr s, ratio $(awk "BEGIN{printf \"%.2f\", $mr / $ms}") (goal <= 1.3)"
peak=$(cat "$WORK/shared.peak")
echo "shared folder: peak $peak bytes, $(awk "BEGIN{printf \"%.1f\", $peak / $ROWS}") bytes per row"
cmp <(sed -E '/"(started|finished)_at"/d' "$WORK/single-out/runs/$DAY.json") \
    <(sed -E '/"(started|finished)_at"/d' "$WORK/remote-out/runs/$DAY.json") \
  && echo "runs/$DAY.json of both: identical but for their times" || echo "runs/$DAY.json DIFFER"
diff -rq -x runs "$WORK/single-out" "$WORK/remote-out" > /dev/null \
  && echo "every other output file of both: identical" || echo "output files DIFFER"

echo "partition requests (messages) per day: $(grep -c " of $DAY COMPLETED in " "$WORK/worker.log") over $RUNS runs" \
     "= $(( $(grep -c " of $DAY COMPLETED in " "$WORK/worker.log") / RUNS )) a day"
echo "last runs' steps (seconds, from the job repository):"
for kind in single remote; do
  psql_run -c "SET search_path = $schema" -c "
    SELECT '  $kind: ' || string_agg(name || ' ' || round(seconds::numeric, 2), ', ' ORDER BY first) FROM (
      SELECT regexp_replace(step_name, ':.*', '') AS name, min(step_execution_id) AS first,
             extract(epoch FROM max(end_time) - min(start_time)) AS seconds
      FROM batch_step_execution
      WHERE job_execution_id = (SELECT max(e.job_execution_id) FROM batch_job_execution e
                                JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                                WHERE p.parameter_name = 'shared' AND (p.parameter_value = '') = ('$kind' = 'single'))
      GROUP BY 1) s"
done
