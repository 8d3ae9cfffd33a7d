package org.peertel.ingest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.peertel.prefix.IpAddress;

/**
 * A valid latency sample read by the fast lane (see {@link LatencyFileReader#advance()}), as numbers and byte
 * ranges of the reader's line buffer instead of objects: one instance is reused for every row of a file, so read
 * what you need before the reader moves on. It holds exactly the values of the {@link Measurement} the reference
 * parser gives for the same line ({@link #toMeasurement()}), with an IPv4 client written in its canonical text.
 */
public final class FastMeasurement {

    private static final long[] MICROS_PER_UNIT = {1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private final String file;
    byte[] bytes;
    long line;
    long epochSecond;
    int nanos;
    int ipv4;
    int clientIpFrom;
    int clientIpTo;
    String country;
    String state;
    int edgePopFrom;
    int edgePopTo;
    long rttUnscaled;
    int rttScale;

    FastMeasurement(String file) {
        this.file = file;
    }

    /** The physical line of the row. */
    public long line() {
        return line;
    }

    /** Its time in microseconds since the epoch (UTC), finer digits dropped. */
    public long epochMicros() {
        return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nanos / 1_000);
    }

    /** The IPv4 client address as its 32 bits. */
    public int ipv4() {
        return ipv4;
    }

    /** The buffer that holds the client address and edge PoP text (ASCII, one byte per character). */
    public byte[] bytes() {
        return bytes;
    }

    /** The client address text, {@link IpAddress#toString()} of the address, is bytes()[from, to). */
    public int clientIpFrom() {
        return clientIpFrom;
    }

    public int clientIpTo() {
        return clientIpTo;
    }

    /** Upper-case ISO country code (one of the {@link org.peertel.geo.Locations} constants). */
    public String country() {
        return country;
    }

    /** Upper-case USPS code for a US client, "" elsewhere. */
    public String state() {
        return state;
    }

    /** The edge PoP, trimmed and never empty, is bytes()[from, to); it holds no quote. */
    public int edgePopFrom() {
        return edgePopFrom;
    }

    public int edgePopTo() {
        return edgePopTo;
    }

    /** The round-trip time in millionths of a millisecond (the rtt has at most 6 decimals here). */
    public long rttMicros() {
        return rttUnscaled * MICROS_PER_UNIT[rttScale];
    }

    /** The same row as the reference parser's object. */
    public Measurement toMeasurement() {
        return new Measurement(file, line, Instant.ofEpochSecond(epochSecond, nanos), IpAddress.ofIpv4(ipv4),
                country, state, new String(bytes, edgePopFrom, edgePopTo - edgePopFrom, StandardCharsets.US_ASCII),
                BigDecimal.valueOf(rttUnscaled, rttScale));
    }
}
