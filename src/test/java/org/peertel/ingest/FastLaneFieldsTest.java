package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edge values of every field the fast lane checks, one row each: whether the fast lane takes the row, and when it
 * does, that it gives the reference parser's measurement and the spool's numbers (epoch microseconds, rtt in
 * micros) the reference's objects give. The fast lane may leave a valid row to the reference (IPv6, more than 6
 * decimals, a tab), never take a row the reference refuses.
 */
class FastLaneFieldsTest {

    private static final String TIMESTAMP = "2026-11-19T10:00:00Z";
    private static final String IP = "192.0.2.1";
    private static final String RTT = "12.5";

    /** One row: its fields, and whether the fast lane must take it. */
    record Case(
            String description,
            String timestamp,
            String ip,
            String country,
            String state,
            String edgePop,
            String rtt,
            boolean fast) {
        String line() {
            return String.join(",", timestamp, ip, country, state, edgePop, rtt);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    @TempDir
    Path root;

    static Stream<Case> cases() {
        return Stream.of(
                time("first instant of the day", "2026-11-19T00:00:00Z", true),
                time("last nanosecond of the day", "2026-11-19T23:59:59.999999999Z", true),
                time("next day", "2026-11-20T00:00:00Z", false),
                time("previous day", "2026-11-18T23:59:59.999999999Z", false),
                time("next day's date, this day in UTC", "2026-11-20T00:30:00+01:00", true),
                time("previous day's date, this day in UTC", "2026-11-18T23:30:00-01:00", true),
                time("offset leaving the day", "2026-11-19T00:30:00+01:00", false),
                time("leap second refused", "2026-11-19T23:59:60Z", false),
                time("largest offset", "2026-11-19T20:00:00+18:00", true),
                time("offset past 18:00", "2026-11-19T20:00:00+18:01", false),
                time("offset without colon", "2026-11-19T10:00:00-0130", true),
                time("lower-case t and z", "2026-11-19t10:00:00z", true),
                time("space separator, no seconds", "2026-11-19 10:00", true),
                time("ten fraction digits", "2026-11-19T10:00:00.1234567890Z", false),
                time("sub-microsecond digits", "2026-11-19T10:00:00.0000009Z", true),
                time("spaces around", "  2026-11-19T10:00:00Z ", true),
                time("tab before: the reference trims it, the fast lane leaves it", "\t2026-11-19T10:00:00Z", false),
                time("30 November has no 31st", "2026-11-31T10:00:00Z", false),
                // beside documentation space: the ends of IPv4, ::, ::1, a zone (link-local only), zero runs that
                // leave no room for 2001:db8, and refused texts whose digits carry only the syntax error
                ip("highest address", "255.255.255.255", true),
                ip("lowest address", "0.0.0.0", true),
                ip("octet 256", "256.0.0.1", false),
                ip("leading zero", "01.2.3.4", false),
                ip("leading zero in the last octet", "1.2.3.04", false),
                ip("three octets", "1.2.3", false),
                ip("IPv4-mapped IPv6: its text is not the address's", "::ffff:192.0.2.1", false),
                ip("canonical IPv6", "2001:db8::1", true),
                ip("IPv6 in upper case", "2001:DB8::1", false),
                ip("IPv6 without ::", "2001:db8:0:0:0:0:0:1", false),
                ip("IPv6 with a leading zero", "2001:0db8::1", false),
                ip("IPv6 :: for one group", "2001:db8::1:1:1:1:1", false),
                ip("IPv6 with :: not on the longest zero run", "2001::1:0:0:0:1", false),
                ip("IPv6 with :: on the longest zero run", "2001:0:0:1::1", true),
                ip("IPv6 canonical with the first of two equal runs", "2001:db8::1:0:0:1", true),
                ip("unspecified IPv6", "::", true),
                ip("loopback IPv6", "::1", true),
                ip("IPv6 with an embedded dotted quad", "64:ff9b::192.0.2.1", false),
                ip("IPv6 zone", "fe80::1%eth0", false),
                ip("IPv6 in brackets", "[2001:db8::1]", false),
                ip("IPv4-compatible IPv6", "::c000:201", true),
                ip("spaces around", " 192.0.2.9 ", true),
                location("lower-case country", "gb", "", true),
                location("unknown country", "XX", "", false),
                location("US with a lower-case state", "us", "ny", true),
                location("US with a territory", "US", "PR", true),
                location("US with a military code", "US", "AA", false),
                location("US without a state", "US", "", false),
                location("state ignored outside the US", "DE", "garbage", true),
                location("three letters", "DEU", "", false),
                edge("empty edge PoP", "", false),
                edge("edge PoP of spaces", "   ", false),
                edge("edge PoP trimmed", "  ams 1 ", true),
                edge("non-ASCII edge PoP, left to the reference", "k\u00f6ln", false),
                rtt("smallest", "0.000001", true),
                rtt("rounds to zero", "0.0000001", false),
                rtt("rounds up to the smallest, left to the reference", "0.0000005", false),
                rtt("largest", "60000", true),
                rtt("largest with 6 decimals", "60000.000000", true),
                rtt("just past the largest", "60000.000001", false),
                rtt("zero", "0", false),
                rtt("18 digits with leading zeros", "00000000000000001.5", true),
                rtt("19 digits, left to the reference", "000000000000000001.5", false),
                rtt("exponent", "1e3", false),
                rtt("sign", "+1", false),
                rtt("no integer digits", ".5", false),
                rtt("no decimals after the point", "5.", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fastLaneTakesOnlyWhatTheReferenceAcceptsWithTheSameValues(Case row) throws IOException {
        Path file = Files.createDirectories(root.resolve("day")).resolve("one.csv");
        Files.writeString(file, DayFolder.HEADER + "\n" + row.line() + "\n");

        LatencyRow reference = single(LaneComparison.read(file, DayFolder.DAY, IngestLimits.DEFAULTS, false)
                .rows());
        try (LatencyFileReader reader = new LatencyFileReader(file, DayFolder.DAY, IngestLimits.DEFAULTS, true)) {
            LatencyFileReader.Found found = reader.advance();

            assertThat(found == LatencyFileReader.Found.MEASUREMENT_BATCH)
                    .as("taken by the fast lane: %s", reference)
                    .isEqualTo(row.fast());
            if (row.fast()) {
                MeasurementBatch fast = reader.measurementBatch();
                Measurement expected = (Measurement) reference;
                assertThat(fast.size()).isOne();
                assertThat(ReaderRows.measurement("one.csv", fast, 0)).isEqualTo(expected);
                assertThat(fast.epochMicros(0))
                        .isEqualTo(expected.timestamp().getEpochSecond() * 1_000_000L
                                + expected.timestamp().getNano() / 1_000);
                assertThat(fast.rttMicros(0))
                        .isEqualTo(expected.rttMs()
                                .setScale(6, RoundingMode.HALF_UP)
                                .unscaledValue()
                                .longValueExact());
                assertThat(new String(
                                fast.bytes(),
                                fast.clientIpFrom(0),
                                fast.clientIpTo(0) - fast.clientIpFrom(0),
                                java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo(expected.clientIp().toString());
            } else {
                assertThat(reader.row()).isEqualTo(reference);
            }
        }
    }

    private static LatencyRow single(List<LatencyRow> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static Case time(String description, String timestamp, boolean fast) {
        return new Case("timestamp: " + description, timestamp, IP, "GB", "", "lhr1", RTT, fast);
    }

    private static Case ip(String description, String ip, boolean fast) {
        return new Case("client_ip: " + description, TIMESTAMP, ip, "GB", "", "lhr1", RTT, fast);
    }

    private static Case location(String description, String country, String state, boolean fast) {
        return new Case("country/state: " + description, TIMESTAMP, IP, country, state, "lhr1", RTT, fast);
    }

    private static Case edge(String description, String edgePop, boolean fast) {
        return new Case("edge_pop: " + description, TIMESTAMP, IP, "GB", "", edgePop, RTT, fast);
    }

    private static Case rtt(String description, String rtt, boolean fast) {
        return new Case("rtt_ms: " + description, TIMESTAMP, IP, "GB", "", "lhr1", rtt, fast);
    }
}
