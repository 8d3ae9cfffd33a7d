package org.peertel.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.peertel.prefix.IpAddress;

/**
 * A valid latency sample.
 *
 * @param file      the file's name inside the day folder
 * @param line      the physical line where the record starts
 * @param timestamp the instant of the measurement (on the folder's UTC day)
 * @param clientIp  the client address; IPv4-mapped IPv6 text is the IPv4 address
 * @param country   ISO 3166-1 alpha-2 code, upper case
 * @param state     USPS code, upper case, for country {@code US}; empty for every other country
 * @param edgePop   the edge point of presence, trimmed, never empty
 * @param rttMs     round-trip time in milliseconds, 0 &lt; rtt &lt;= 60000, scale as written, or 6 when more
 *                  decimals were written (rounded half-up)
 */
public record Measurement(
        String file,
        long line,
        Instant timestamp,
        IpAddress clientIp,
        String country,
        String state,
        String edgePop,
        BigDecimal rttMs)
        implements LatencyRow {

    /** The time as microseconds since the epoch (UTC), as the spool and DuckDB store it. */
    public long epochMicros() {
        return epochMicros(timestamp.getEpochSecond(), timestamp.getNano());
    }

    /** The round-trip time in millionths of a millisecond, as the spool and DuckDB store it. */
    public long rttMicros() {
        return rttMs.setScale(RttParser.MAX_SCALE, RoundingMode.HALF_UP)
                .unscaledValue()
                .longValueExact();
    }

    /** Microseconds since the epoch of an instant given as epoch seconds and nanoseconds. */
    static long epochMicros(long epochSecond, int nanos) {
        return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nanos / 1_000);
    }
}
