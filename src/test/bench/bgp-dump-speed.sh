#!/usr/bin/env bash
# MRT read speed (issue 16): `peertel bgp dump` against Debian's `bgpdump -m` on the same MRT files, output to
# /dev/null, ROUNDS rounds with the two alternated (bgpdump first in odd rounds, peertel first in even ones); prints
# each round's wall clock and CPU time, then per tool the medians and the ratios peertel / bgpdump. Target: at most 2.
#
#   src/test/bench/bgp-dump-speed.sh                       # the 17 RouteViews files of the YouTube hijack, 5 rounds
#   ROUNDS=3 DATA=some/folder src/test/bench/bgp-dump-speed.sh
#
# peertel reads all files in one JVM (`bgp dump FILE...`, its start included); bgpdump takes one file a run, so it
# runs once per file. Uses target/peertel.jar (built when missing) and bgpdump on the PATH (apt-get install bgpdump);
# JAVA_OPTS go to the peertel JVM.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROUNDS=${ROUNDS:-5}
DATA=${DATA:-../shared/testdata/bgp/youtube-2008-routeviews/mrt}
JAVA_OPTS=${JAVA_OPTS:-}
command -v bgpdump >/dev/null || { echo "no bgpdump on the PATH (apt-get install bgpdump)" >&2; exit 2; }
[ -f target/peertel.jar ] || mvn -o -q -DskipTests package
mapfile -t files < <(find "$DATA" -maxdepth 1 -type f \( -name '*.bz2' -o -name '*.gz' \) | sort)
[ "${#files[@]}" -gt 0 ] || { echo "no MRT files in $DATA" >&2; exit 2; }
echo "${#files[@]} files, $(du -cb "${files[@]}" | tail -1 | cut -f1) bytes, $ROUNDS rounds; load $(cut -d' ' -f1-3 /proc/loadavg)"

# Runs a command with its output to /dev/null; prints its wall clock and CPU time (user + system, children included),
# in seconds: the CPU time says more than the wall clock on a machine shared with other work.
measure() {
  local out
  out=$(mktemp)
  /usr/bin/time -f '%e %U %S' -o "$out" "$@" > /dev/null 2>/dev/null
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$out"
  rm -f "$out"
}
# shellcheck disable=SC2016
bgpdump_all() { measure bash -c 'for f in "$@"; do bgpdump -m "$f"; done' bgpdump "${files[@]}"; }
# shellcheck disable=SC2086
peertel_all() { measure java $JAVA_OPTS -jar target/peertel.jar bgp dump "${files[@]}"; }

results=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then b=$(bgpdump_all); p=$(peertel_all); else p=$(peertel_all); b=$(bgpdump_all); fi
  read -r bw bc <<< "$b"
  read -r pw pc <<< "$p"
  printf 'round %d  bgpdump %6.2f s (cpu %6.2f s)  peertel %6.2f s (cpu %6.2f s)\n' "$round" "$bw" "$bc" "$pw" "$pc"
  echo "$bw $bc $pw $pc" >> "$results"
done
median() { sort -n -k"$1","$1" "$results" | awk -v n="$ROUNDS" -v c="$1" 'NR == int((n + 1) / 2) { print $c }'; }
bw=$(median 1); bc=$(median 2); pw=$(median 3); pc=$(median 4)
printf 'median  bgpdump %6.2f s (cpu %6.2f s)  peertel %6.2f s (cpu %6.2f s)\n' "$bw" "$bc" "$pw" "$pc"
printf 'ratio peertel / bgpdump: wall %.2f, cpu %.2f (target <= 2)\n' "$(echo "$pw / $bw" | bc -l)" \
  "$(echo "$pc / $bc" | bc -l)"
rm -f "$results"
