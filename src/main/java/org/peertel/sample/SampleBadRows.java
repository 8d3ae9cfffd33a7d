package org.peertel.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * The deliberately broken rows of the sample scenario: all in {@value #FILE} of {@link #DAY}, one (or two) per
 * row-level reject reason from {@code column_count} to {@code rtt_out_of_range}, each failing only that reason's
 * check. The sample has no {@code bad_encoding}, {@code record_too_long} or {@code unbalanced_quotes} row; the
 * reader's own tests (LatencyRowValidationTest, RecordLimitTest) cover those.
 */
final class SampleBadRows {

    static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    static final String EDGE_POP = "fra1";
    static final String FILE = "fra1.csv";

    /** Pairs of (the reject reason the row must get, the raw row text), in file order. */
    private static final List<String[]> ROWS = List.of(
            new String[] {"column_count", "2026-11-18T03:12:09Z,203.0.113.20,DE,fra1,24.118"},
            new String[] {"bad_timestamp", "2026-11-18T25:07:00Z,203.0.113.21,DE,,fra1,23.502"},
            new String[] {"wrong_day", "2026-11-17T23:58:41Z,203.0.113.22,DE,,fra1,22.870"},
            new String[] {"wrong_day", "2026-11-18T00:20:00+01:00,203.0.113.10,DE,,fra1,25.311"},
            new String[] {"bad_client_ip", "2026-11-18T09:30:15Z,203.0.113.256,DE,,fra1,25.004"},
            new String[] {"bad_country", "2026-11-18T11:45:51Z,203.0.113.11,DEU,,fra1,23.719"},
            new String[] {"bad_state", "2026-11-18T13:02:27Z,2001:db8:140::1,US,Illinois,fra1,98.240"},
            new String[] {"missing_edge_pop", "2026-11-18T15:16:03Z,203.0.113.12,DE,, ,24.533"},
            new String[] {"bad_rtt", "2026-11-18T17:40:38Z,203.0.113.200,DE,,fra1,23.4ms"},
            new String[] {"rtt_out_of_range", "2026-11-18T19:05:12Z,203.0.113.201,DE,,fra1,0"},
            new String[] {"rtt_out_of_range", "2026-11-18T21:33:57Z,2001:db8:100::a,DE,,fra1,60000.5"});

    private SampleBadRows() {}

    /** The bad rows to mix into the file of {@code edgePop} on {@code day} (empty for every other file). */
    static List<String> forFile(LocalDate day, String edgePop) {
        if (!day.equals(DAY) || !edgePop.equals(EDGE_POP)) {
            return List.of();
        }
        return ROWS.stream().map(row -> row[1]).toList();
    }

    /** The reject reason each bad row must get, in file order. */
    static List<String> expectedReasons() {
        return ROWS.stream().map(row -> row[0]).toList();
    }
}
