package org.peertel.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.peertel.geo.Locations;
import org.peertel.prefix.IpAddress;

/** Turns the data records of one file into measurements or rejects, checking reasons in the contract's order. */
final class LatencyRowParser {

    private static final long SECONDS_PER_DAY = 86_400;

    private final String file;
    private final LatencyHeader header;
    private final long epochDay;

    LatencyRowParser(String file, LatencyHeader header, LocalDate day) {
        this.file = file;
        this.header = header;
        this.epochDay = day.toEpochDay();
    }

    /** The measurement or the reject (with the first reason that applies) for {@code record}. */
    LatencyRow parse(CsvRecord record) {
        if (record.badEncoding()) {
            return new RejectedRow(
                    file, record.line(), RejectReason.BAD_ENCODING, Utf8Text.replaceInvalidBytesAndNul(record.raw()));
        }
        if (record.shape() == CsvRecord.Shape.TOO_LONG) {
            return reject(record, RejectReason.RECORD_TOO_LONG);
        }
        if (record.shape() == CsvRecord.Shape.UNBALANCED_QUOTES) {
            return reject(record, RejectReason.UNBALANCED_QUOTES);
        }
        if (record.fieldCount() != header.fieldCount) {
            return reject(record, RejectReason.COLUMN_COUNT);
        }
        String values = record.values();
        Instant timestamp = TimestampParser.parse(values, record.start(header.timestamp), record.end(header.timestamp));
        if (timestamp == null) {
            return reject(record, RejectReason.BAD_TIMESTAMP);
        }
        if (Math.floorDiv(timestamp.getEpochSecond(), SECONDS_PER_DAY) != epochDay) {
            return reject(record, RejectReason.WRONG_DAY);
        }
        IpAddress clientIp = IpAddress.parseOrNull(record.value(header.clientIp));
        if (clientIp == null) {
            return reject(record, RejectReason.BAD_CLIENT_IP);
        }
        String country = Locations.countryCode(values, record.start(header.country), record.end(header.country));
        if (country == null) {
            return reject(record, RejectReason.BAD_COUNTRY);
        }
        String state = "";
        if (country.equals("US")) {
            state = Locations.usStateCode(values, record.start(header.state), record.end(header.state));
            if (state == null) {
                return reject(record, RejectReason.BAD_STATE);
            }
        }
        String edgePop = record.value(header.edgePop);
        if (edgePop.isEmpty()) {
            return reject(record, RejectReason.MISSING_EDGE_POP);
        }
        BigDecimal rttMs = RttParser.parse(values, record.start(header.rttMs), record.end(header.rttMs));
        if (rttMs == null) {
            return reject(record, RejectReason.BAD_RTT);
        }
        if (!RttParser.inRange(rttMs)) {
            return reject(record, RejectReason.RTT_OUT_OF_RANGE);
        }
        return new Measurement(file, record.line(), timestamp, clientIp, country, state, edgePop, rttMs);
    }

    private RejectedRow reject(CsvRecord record, RejectReason reason) {
        return new RejectedRow(file, record.line(), reason, record.raw());
    }
}
