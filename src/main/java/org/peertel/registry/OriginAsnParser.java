package org.peertel.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the optional {@code origin_asns} field of one registry row: the autonomous system numbers allowed to
 * originate the connection's prefixes, separated by spaces (several for sibling networks). Each is a number from 1
 * to 4294967295 (RFC 6793). 0 (RFC 7607) and AS_TRANS 23456 (RFC 6793, the stand-in for a 4-byte ASN on a 2-byte
 * session) never originate a route: errors. Numbers reserved for documentation (RFC 5398), private use (RFC 6996)
 * or as the last of their range (RFC 7300) are warnings: a route from them does not belong on the Internet, so such
 * an origin is most likely a placeholder left in the file.
 */
final class OriginAsnParser {

    static final long MAX_ASN = 4_294_967_295L;
    static final long AS_TRANS = 23_456L;

    private OriginAsnParser() {}

    /** The valid ASNs of {@code field} in the order written, without repeats; problems go to {@code issues}. */
    static List<Long> parse(String field, int line, IssueList issues) {
        List<Long> asns = new ArrayList<>();
        for (String token : field.trim().split(" +")) {
            if (token.isEmpty()) {
                continue; // an empty field: no origin given
            }
            Long asn = parseOne(token, line, issues);
            if (asn == null) {
                continue;
            }
            if (asns.contains(asn)) {
                issues.warning(line, "origin_asns lists " + asn + " twice; it is kept once");
                continue;
            }
            asns.add(asn);
        }
        return asns;
    }

    private static Long parseOne(String token, int line, IssueList issues) {
        String digits = token.regionMatches(true, 0, "AS", 0, 2) ? token.substring(2) : token;
        if (!digits.matches("[0-9]{1,10}") || Long.parseLong(digits) > MAX_ASN) {
            issues.error(
                    line,
                    "origin_asns '" + token + "' is not an AS number; write each as a number from 1 to " + MAX_ASN
                            + ", separated by spaces, e.g. 13335 209242");
            return null;
        }
        long asn = Long.parseLong(digits);
        if (asn == 0) {
            issues.error(line, "origin_asns 0 is reserved and never originates a route (RFC 7607); remove it");
            return null;
        }
        if (asn == AS_TRANS) {
            issues.error(
                    line,
                    "origin_asns 23456 is AS_TRANS, which stands in for a 4-byte AS number on old sessions "
                            + "(RFC 6793); write the real 4-byte number");
            return null;
        }
        String reserved = reservedUse(asn);
        if (reserved != null) {
            issues.warning(
                    line,
                    "origin_asns " + asn + " is " + reserved + " and should not originate a route on the Internet; "
                            + "check the number");
        }
        return asn;
    }

    /** What {@code asn} is reserved for, or null for an ordinary public AS number. */
    private static String reservedUse(long asn) {
        if ((asn >= 64_496 && asn <= 64_511) || (asn >= 65_536 && asn <= 65_551)) {
            return "reserved for documentation (RFC 5398)";
        }
        if ((asn >= 64_512 && asn <= 65_534) || (asn >= 4_200_000_000L && asn <= 4_294_967_294L)) {
            return "for private use (RFC 6996)";
        }
        if (asn == 65_535 || asn == MAX_ASN) {
            return "reserved (RFC 7300)";
        }
        return null;
    }
}
