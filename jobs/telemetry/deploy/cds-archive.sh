#!/usr/bin/env bash
# Prepares peertel for a faster start with the JVM's class-data sharing (CDS): installs the jar and its lib/ in a
# folder and records, in one training run on a small generated day, every class a run loads into an archive the JVM
# then maps at start instead of reading, verifying and parsing those classes again (BENCHMARKS.md: "Process start").
#
#   jobs/telemetry/deploy/cds-archive.sh PEERTEL_JAR FOLDER      e.g. target/peertel.jar /opt/peertel/app
#
# Leaves FOLDER/peertel.jar, FOLDER/lib/ (copies of the jar and of the lib/ beside it; FOLDER may be the jar's own
# folder, then nothing is copied) and FOLDER/peertel.jsa, and prints the command to start peertel with
#   java -XX:SharedArchiveFile=FOLDER/peertel.jsa -jar FOLDER/peertel.jar run ...
# The archive holds the paths of the jars it was made from: start peertel from FOLDER, not from a copy elsewhere.
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

if [ ! -f "$jar" ] || [ ! -d "$(dirname "$jar")/lib" ]; then
  echo "$0: $jar is not a peertel jar with its lib/ folder beside it" >&2
  exit 2
fi
mkdir -p "$folder"
rm -f "$folder/peertel.jsa"
# peertel.jar is a plain jar whose manifest names the jars of lib/, which CDS archives as they are (it cannot
# archive classes of jars nested in a jar, which is why the earlier Spring Boot jar had to be extracted first)
if [ "$(realpath "$(dirname "$jar")")" != "$(realpath "$folder")" ]; then
  rm -rf "$folder/lib" "$folder/peertel.jar"
  cp -p "$jar" "$folder/peertel.jar"
  cp -pR "$(dirname "$jar")/lib" "$folder/lib"
elif [ "$(basename "$jar")" != peertel.jar ]; then
  cp -p "$jar" "$folder/peertel.jar"
fi

# A small day with every kind of row (IPv4, IPv6, nested prefixes, bad rows), run once through the whole job
quietly "$java" -jar "$folder/peertel.jar" generate scale --out "$training/data" --from 2026-01-05 --days 1 \
    --rows-per-day 20000 --connections 50 --files 2 --ipv4-prefixes 400 --ipv6-prefixes 100 --ipv6-share 0.2
# Classes of old bytecode (picocli's) cannot be archived; the JVM says so once each, which is expected here.
quietly "$java" -XX:ArchiveClassesAtExit="$folder/peertel.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$folder/peertel.jar" run --date 2026-01-05 --connections "$training/data/connections.csv" \
    --input "$training/data/latency" --out "$training/out" --db "$training/out/peertel.duckdb"

echo "CDS archive: $folder/peertel.jsa ($(du -h "$folder/peertel.jsa" | cut -f1)). Start peertel with:"
echo "  $java -XX:SharedArchiveFile=$folder/peertel.jsa -jar $folder/peertel.jar run ..."
