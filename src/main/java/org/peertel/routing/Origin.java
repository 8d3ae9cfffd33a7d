package org.peertel.routing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The origin of a route: the last AS of its path, or the members of an AS_SET there (a route aggregated from
 * several origins).
 *
 * @param asns one AS, or the set's members in path order
 * @param set  true for an AS_SET
 */
public record Origin(List<Long> asns, boolean set) {

    public Origin {
        asns = List.copyOf(asns);
        if (asns.isEmpty()) {
            throw new IllegalArgumentException("an origin has at least one AS");
        }
    }

    public static Origin of(long asn) {
        return new Origin(List.of(asn), false);
    }

    /** Allowed when its AS is in {@code allowed}; an AS_SET when any member is. */
    public boolean allowedBy(List<Long> allowed) {
        return asns.stream().anyMatch(allowed::contains);
    }

    /** {@code 17557}, or {@code {1,2}} for a set, as bgpdump writes it. */
    @Override
    public String toString() {
        return set
                ? asns.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"))
                : String.valueOf(asns.get(0));
    }
}
