package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peertel.ingest.DayFolder.HEADER;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.prefix.IpAddress;

/** Each reject reason, the order of reasons, and the values of accepted measurements (folder day 2026-11-19). */
class LatencyRowValidationTest {

    @TempDir
    Path root;

    static Stream<Arguments> rejectedRows() {
        return Stream.of(
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1", RejectReason.COLUMN_COUNT),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,12,extra", RejectReason.COLUMN_COUNT),
                Arguments.of("2026-11-19T25:00:00Z,192.0.2.1,DE,,fra1,12", RejectReason.BAD_TIMESTAMP),
                Arguments.of("2026-11-19,192.0.2.1,DE,,fra1,12", RejectReason.BAD_TIMESTAMP),
                Arguments.of("19/11/2026 10:00,192.0.2.1,DE,,fra1,12", RejectReason.BAD_TIMESTAMP),
                Arguments.of("2026-11-19  10:00:00,192.0.2.1,DE,,fra1,12", RejectReason.BAD_TIMESTAMP),
                Arguments.of("2026-11-19T10:00:00+1,192.0.2.1,DE,,fra1,12", RejectReason.BAD_TIMESTAMP),
                Arguments.of("2026-11-19T10:00:00+19:00,192.0.2.1,DE,,fra1,12", RejectReason.BAD_TIMESTAMP),
                Arguments.of("2026-02-30T10:00:00Z,192.0.2.1,DE,,fra1,12", RejectReason.BAD_TIMESTAMP),
                Arguments.of("1763546400,192.0.2.1,DE,,fra1,12", RejectReason.BAD_TIMESTAMP),
                Arguments.of("2026-11-18T23:59:59.999Z,192.0.2.1,DE,,fra1,12", RejectReason.WRONG_DAY),
                Arguments.of("2026-11-20T00:00:00Z,192.0.2.1,DE,,fra1,12", RejectReason.WRONG_DAY),
                Arguments.of("2026-11-19T00:30:00+01:00,192.0.2.1,DE,,fra1,12", RejectReason.WRONG_DAY),
                Arguments.of("2026-11-19T23:30:00-0100,192.0.2.1,DE,,fra1,12", RejectReason.WRONG_DAY),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.01,DE,,fra1,12", RejectReason.BAD_CLIENT_IP),
                Arguments.of("2026-11-19T10:00:00Z,[2001:db8::1],DE,,fra1,12", RejectReason.BAD_CLIENT_IP),
                Arguments.of("2026-11-19T10:00:00Z,fe80::1%eth0,DE,,fra1,12", RejectReason.BAD_CLIENT_IP),
                Arguments.of("2026-11-19T10:00:00Z,,DE,,fra1,12", RejectReason.BAD_CLIENT_IP),
                Arguments.of("2026-11-19T10:00:00Z,host.example,DE,,fra1,12", RejectReason.BAD_CLIENT_IP),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,XX,,fra1,12", RejectReason.BAD_COUNTRY),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DEU,,fra1,12", RejectReason.BAD_COUNTRY),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,,,fra1,12", RejectReason.BAD_COUNTRY),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,US,,iad1,12", RejectReason.BAD_STATE),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,US,ZZ,iad1,12", RejectReason.BAD_STATE),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,us,Virginia,iad1,12", RejectReason.BAD_STATE),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,,12", RejectReason.MISSING_EDGE_POP),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,   ,12", RejectReason.MISSING_EDGE_POP),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,-5", RejectReason.BAD_RTT),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,+5", RejectReason.BAD_RTT),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,1e3", RejectReason.BAD_RTT),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,12ms", RejectReason.BAD_RTT),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,", RejectReason.BAD_RTT),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,12.", RejectReason.BAD_RTT),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,.5", RejectReason.BAD_RTT),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,0", RejectReason.RTT_OUT_OF_RANGE),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,0.000", RejectReason.RTT_OUT_OF_RANGE),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,0.0000004", RejectReason.RTT_OUT_OF_RANGE),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,60000.001", RejectReason.RTT_OUT_OF_RANGE));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("rejectedRows")
    void rejectsWithReasonLineAndRawText(String dataLine, RejectReason reason) {
        LatencyRow row = new DayFolder(root).singleRow(dataLine);

        assertThat(row).isEqualTo(new RejectedRow("single.csv", 2, reason, dataLine));
    }

    static Stream<Arguments> rowsWithSeveralProblems() {
        return Stream.of(
                Arguments.of("bad-time,bad-ip,XX,ZZ,,-1,extra", RejectReason.COLUMN_COUNT),
                Arguments.of("bad-time,bad-ip,XX,ZZ,,-1", RejectReason.BAD_TIMESTAMP),
                Arguments.of("2026-11-18T10:00:00Z,bad-ip,XX,ZZ,,-1", RejectReason.WRONG_DAY),
                Arguments.of("2026-11-19T10:00:00Z,bad-ip,XX,ZZ,,-1", RejectReason.BAD_CLIENT_IP),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,XX,ZZ,,-1", RejectReason.BAD_COUNTRY),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,US,ZZ,,-1", RejectReason.BAD_STATE),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,US,VA,,-1", RejectReason.MISSING_EDGE_POP),
                Arguments.of("2026-11-19T10:00:00Z,192.0.2.1,US,VA,iad1,-1", RejectReason.BAD_RTT));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("rowsWithSeveralProblems")
    void reportsOnlyTheFirstReasonInContractOrder(String dataLine, RejectReason firstReason) {
        LatencyRow row = new DayFolder(root).singleRow(dataLine);

        assertThat(row).isEqualTo(new RejectedRow("single.csv", 2, firstReason, dataLine));
    }

    @Test
    void encodingThenLengthThenQuotesComeBeforeEveryOtherReason() {
        String longBadRow = "bad-time,\u0000" + "y".repeat(IngestLimits.MIN_RECORD_BYTES);
        String longRow = "bad-time," + "y".repeat(IngestLimits.MIN_RECORD_BYTES);
        DayFolder folder = new DayFolder(root)
                .write(
                        "a.csv",
                        HEADER + "\n"
                                + "bad-time,\u0000,XX\n"
                                + longBadRow + "\n"
                                + longRow + "\n"
                                + "bad-time,\"open,XX\n");

        List<String> rows = folder.read(DayFolder.recordLimit(IngestLimits.MIN_RECORD_BYTES))
                .described();

        int max = IngestLimits.MIN_RECORD_BYTES;
        assertThat(rows)
                .containsExactly(
                        "a.csv:2 bad_encoding bad-time,\uFFFD,XX",
                        "a.csv:3 bad_encoding " + longBadRow.substring(0, max).replace('\u0000', '\uFFFD')
                                + " [truncated: " + longBadRow.length() + " bytes in all]",
                        "a.csv:4 record_too_long " + longRow.substring(0, max) + " [truncated: " + longRow.length()
                                + " bytes in all]",
                        "a.csv:5 unbalanced_quotes bad-time,\"open,XX");
    }

    @Test
    void acceptedMeasurementHoldsNormalisedValues() {
        LatencyRow row = new DayFolder(root)
                .singleRow(" 2026-11-19T10:15:30.25+02:00 , ::ffff:192.0.2.1 , us , va ," + "  iad 1  , 012.3456785 ");

        assertThat(row)
                .isEqualTo(new Measurement(
                        "single.csv",
                        2,
                        Instant.parse("2026-11-19T08:15:30.25Z"),
                        IpAddress.parse("192.0.2.1"),
                        "US",
                        "VA",
                        "iad 1",
                        new BigDecimal("12.345679")));
        assertThat(((Measurement) row).clientIp().isIpv4()).isTrue();
    }

    @Test
    void stateOfAnotherCountryIsIgnoredAndStoredEmpty() {
        LatencyRow row = new DayFolder(root).singleRow("2026-11-19T10:00:00Z,2001:db8::1,ca,Ontario,yyz1,7");

        Measurement measurement = (Measurement) row;
        assertThat(measurement.country()).isEqualTo("CA");
        assertThat(measurement.state()).isEmpty();
        assertThat(measurement.clientIp()).isEqualTo(IpAddress.parse("2001:db8::1"));
    }

    static Stream<Arguments> acceptedRtts() {
        return Stream.of(
                Arguments.of("12", "12"),
                Arguments.of("12.50", "12.50"),
                Arguments.of("0.75", "0.75"),
                Arguments.of("60000", "60000"),
                Arguments.of("60000.0000004", "60000.000000"),
                Arguments.of("0.0000005", "0.000001"),
                Arguments.of("1.2345674", "1.234567"),
                Arguments.of("1.2345675", "1.234568"),
                Arguments.of("0000000000000000000001.00000000000000000001", "1.000000"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("acceptedRtts")
    void keepsRttExactlyRoundingHalfUpBeyondSixDecimals(String written, String kept) {
        LatencyRow row = new DayFolder(root).singleRow("2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1," + written);

        assertThat(((Measurement) row).rttMs()).isEqualTo(new BigDecimal(kept)).hasToString(kept);
    }

    @Test
    void timestampOffsetCanMoveARecordIntoTheDay() {
        List<LatencyRow> rows = new DayFolder(root)
                .write(
                        "a.csv",
                        HEADER + "\n"
                                + "2026-11-18T23:00:00-01:00,192.0.2.1,DE,,fra1,1\n"
                                + "2026-11-20T00:59:59.999999999+01,192.0.2.1,DE,,fra1,1\n")
                .rows();

        assertThat(rows)
                .extracting(row -> ((Measurement) row).timestamp())
                .containsExactly(
                        Instant.parse("2026-11-19T00:00:00Z"), Instant.parse("2026-11-19T23:59:59.999999999Z"));
    }
}
