package org.peertel.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peertel.prefix.Prefix;

/**
 * Parses the {@code prefixes} field of one registry row: CIDR blocks separated by spaces and/or semicolons in any
 * mix. Each bad block is reported on its own; the good ones are returned so that the cross-connection checks can
 * still run on them.
 */
final class PrefixListParser {

    private static final String FORMAT_HINT = "write each prefix as address/length, e.g. 198.51.100.0/24 or "
            + "2001:db8::/32, separated by spaces or semicolons";

    private PrefixListParser() {}

    /** The valid, distinct prefixes of {@code field} in the order written; problems go to {@code issues}. */
    static List<Prefix> parse(String field, int line, IssueList issues) {
        List<Prefix> prefixes = new ArrayList<>();
        Map<Prefix, String> writtenAs = new HashMap<>();
        int tokens = 0;
        int end = 0;
        while (true) {
            int start = end;
            while (start < field.length() && isSeparator(field.charAt(start))) {
                start++;
            }
            if (start == field.length()) {
                break;
            }
            end = start + 1;
            while (end < field.length() && !isSeparator(field.charAt(end))) {
                end++;
            }
            String token = field.substring(start, end);
            tokens++;
            Prefix prefix = parseOne(token, line, issues);
            if (prefix == null) {
                continue;
            }
            String earlier = writtenAs.putIfAbsent(prefix, token);
            if (earlier != null) {
                issues.error(
                        line,
                        "prefix '" + token + "' is listed twice"
                                + (earlier.equals(token) ? "" : " (as '" + earlier + "' and '" + token + "')")
                                + " in this connection; remove the duplicate");
            } else {
                prefixes.add(prefix);
            }
        }
        if (tokens == 0) {
            issues.error(
                    line,
                    "prefixes is empty; list at least one CIDR block the connection serves (" + FORMAT_HINT + ")");
        }
        return prefixes;
    }

    /**
     * Spaces and semicolons separate prefixes; tabs and line breaks (inside a quoted field) count as spaces. The
     * same characters as the regular expression {@code [\s;]}, tested by hand: a registry of a million prefixes
     * spent a noticeable part of its load splitting with the expression.
     */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == ';' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static Prefix parseOne(String token, int line, IssueList issues) {
        Prefix prefix;
        try {
            prefix = Prefix.parse(token);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            // Prefix.parse already names the intended network for host bits ("did you mean ...?")
            issues.error(line, "prefix " + reason + (reason.contains("did you mean") ? "" : "; " + FORMAT_HINT));
            return null;
        }
        Optional<SpecialPurposeSpace.Overlap> special = SpecialPurposeSpace.overlap(prefix);
        if (special.isPresent()) {
            issues.error(line, specialPurposeMessage(token, special.get()));
            return null;
        }
        return prefix;
    }

    private static String specialPurposeMessage(String token, SpecialPurposeSpace.Overlap overlap) {
        SpecialPurposeSpace.Block block = overlap.block();
        if (overlap.inside()) {
            return "prefix '" + token + "' is " + block.kind() + " address space (" + block.rfc() + ", " + block.block()
                    + "); register the public prefix the connection uses";
        }
        return "prefix '" + token + "' includes " + block.describe()
                + (overlap.others() > 0
                        ? " and " + overlap.others() + " more special-purpose block" + (overlap.others() > 1 ? "s" : "")
                        : "")
                + "; register only the public prefixes the connection uses";
    }
}
