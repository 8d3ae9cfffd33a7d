package org.peertel.attribution;

import org.peertel.registry.Connection;

/**
 * Where one measurement went: to a connection through a prefix, or nowhere and why. {@code prefix} is the
 * canonical text of the longest registered prefix that matched (null for {@link Outcome#NO_PREFIX}); for
 * {@link Outcome#LOCATION_MISMATCH} the connection is null. {@code prefixNo} and {@code connectionNo} number the
 * prefix and the connection as {@link ConnectionMatcher#prefixes()} and {@link ConnectionMatcher#connectionIds()}
 * list them (-1 where there is none), so that writers can refer to them without looking text up per row.
 */
public record Attribution(Outcome outcome, Connection connection, String prefix, int prefixNo, int connectionNo) {

    public enum Outcome {
        ATTRIBUTED("attributed"),
        NO_PREFIX("no_prefix"),
        LOCATION_MISMATCH("location_mismatch");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        /** The name used in run summaries and the store. */
        public String code() {
            return code;
        }
    }

    static final Attribution NO_PREFIX = new Attribution(Outcome.NO_PREFIX, null, null, -1, -1);
}
