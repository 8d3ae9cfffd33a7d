# Sums JaCoCo's CSV report (one row per class) into covered shares of instructions, branches and lines, per package
# with -v by=package (the default), or in all with -v by=all. Prints one line per group, unsorted.
function share(covered, missed) {
  return covered + missed == 0 ? "-" : sprintf("%.1f%%", 100 * covered / (covered + missed))
}
BEGIN { FS = "," }
NR > 1 {
  group = by == "all" ? "all" : $2
  im[group] += $4; ic[group] += $5; bm[group] += $6; bc[group] += $7; lm[group] += $8; lc[group] += $9
}
END {
  for (g in im) printf "%-24s %12s %12s %12s\n", g, share(ic[g], im[g]), share(bc[g], bm[g]), share(lc[g], lm[g])
}
