#!/usr/bin/env bash
# Prepares peertel for a faster start with the JVM's class-data sharing (CDS): unpacks the jar into a folder and
# records, in one training run on a small generated day, every class a run loads into an archive the JVM then maps
# at start instead of reading, verifying and parsing those classes again (BENCHMARKS.md: "Process start").
#
#   jobs/telemetry/deploy/cds-archive.sh PEERTEL_JAR FOLDER      e.g. target/peertel.jar /opt/peertel/app
#
# Leaves FOLDER/peertel.jar (with FOLDER/lib/) and FOLDER/peertel.jsa, and prints the command to start peertel with
#   java -XX:SharedArchiveFile=FOLDER/peertel.jsa -jar FOLDER/peertel.jar run ...
# Run it again after upgrading peertel or the JVM (use the same `java` as the job): with an archive of another
# build the JVM prints a warning and starts as without one, so nothing breaks, it is only slower.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 PEERTEL_JAR FOLDER" >&2
  exit 2
fi
jar=$1
folder=$2
java=${JAVA:-java}
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# runs a command quietly; on failure shows what it said and stops
quietly() { "$@" >"$training/log" 2>&1 || { cat "$training/log" >&2; exit 1; }; }

rm -rf "$folder/lib" "$folder/peertel.jar" "$folder/peertel.jsa"
mkdir -p "$folder"
# Spring Boot's tools jar mode: the application jar beside its libraries, which CDS can archive (it cannot archive
# classes from jars nested in a jar)
quietly "$java" -Djarmode=tools -jar "$jar" extract --destination "$folder" --force

# A small day with every kind of row (IPv4, IPv6, nested prefixes, bad rows), run once through the whole job
quietly "$java" -jar "$folder/peertel.jar" generate scale --out "$training/data" --from 2026-01-05 --days 1 \
    --rows-per-day 20000 --connections 50 --files 2 --ipv4-prefixes 400 --ipv6-prefixes 100 --ipv6-share 0.2
# Classes of old bytecode (picocli's) cannot be archived; the JVM says so once each, which is expected here.
quietly "$java" -XX:ArchiveClassesAtExit="$folder/peertel.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$folder/peertel.jar" run --date 2026-01-05 --connections "$training/data/connections.csv" \
    --input "$training/data/latency" --out "$training/out" --db "$training/out/peertel.duckdb"

echo "CDS archive: $folder/peertel.jsa ($(du -h "$folder/peertel.jsa" | cut -f1)). Start peertel with:"
echo "  $java -XX:SharedArchiveFile=$folder/peertel.jsa -jar $folder/peertel.jar run ..."
