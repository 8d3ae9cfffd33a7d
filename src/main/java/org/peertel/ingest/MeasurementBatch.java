package org.peertel.ingest;

import org.peertel.prefix.IpAddress;

/**
 * Valid latency samples the fast lane took from consecutive lines of one file (see
 * {@link LatencyFileReader#advance()}), as numbers and byte ranges of the reader's line buffer instead of objects.
 * One instance is reused for every stretch of a file: read what you need before the reader moves on. Row
 * {@code i} holds exactly the values of the {@link Measurement} the reference parser gives for the same line, with
 * the client address written in its canonical text.
 *
 * <p>Rows come several at a time so that a caller can look their addresses up one after the other: independent
 * lookups overlap their cache misses, which lookups spread between parsing and writing cannot.
 */
public final class MeasurementBatch {

    /** The most rows of one stretch. */
    public static final int CAPACITY = 256;

    private static final long[] MICROS_PER_UNIT = {1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    byte[] bytes;
    int size;
    final long[] line = new long[CAPACITY];
    final long[] epochSecond = new long[CAPACITY];
    final int[] nanos = new int[CAPACITY];
    final long[] clientHigh = new long[CAPACITY];
    final long[] clientLow = new long[CAPACITY];
    final int[] clientIpFrom = new int[CAPACITY];
    final int[] clientIpTo = new int[CAPACITY];
    final String[] country = new String[CAPACITY];
    final String[] state = new String[CAPACITY];
    final int[] edgePopFrom = new int[CAPACITY];
    final int[] edgePopTo = new int[CAPACITY];
    final long[] rttUnscaled = new long[CAPACITY];
    final int[] rttScale = new int[CAPACITY];

    MeasurementBatch() {}

    /** The number of rows, at least 1 after {@link LatencyFileReader#advance()} found some. */
    public int size() {
        return size;
    }

    /** The physical line of row {@code i}. */
    public long line(int i) {
        return line[i];
    }

    /** The time of row {@code i} in microseconds since the epoch (UTC), finer digits dropped. */
    public long epochMicros(int i) {
        return Measurement.epochMicros(epochSecond[i], nanos[i]);
    }

    /** The first 64 bits of the client address of row {@code i}, as {@link IpAddress#high()}. */
    public long clientHigh(int i) {
        return clientHigh[i];
    }

    /** The last 64 bits of the client address of row {@code i}, as {@link IpAddress#low()}. */
    public long clientLow(int i) {
        return clientLow[i];
    }

    /** True when the client of row {@code i} is an IPv4 address (its text is then the dotted quad). */
    public boolean isIpv4(int i) {
        return IpAddress.isIpv4(clientHigh[i], clientLow[i]);
    }

    /** The IPv4 client of row {@code i} as an unsigned 32-bit value; only meaningful when {@link #isIpv4}. */
    public long ipv4Value(int i) {
        return clientLow[i] & 0xFFFF_FFFFL;
    }

    /** The buffer that holds the client address and edge PoP texts (ASCII, one byte per character). */
    public byte[] bytes() {
        return bytes;
    }

    /** The client address text of row {@code i}, {@link IpAddress#toString()} of the address, is bytes()[from, to). */
    public int clientIpFrom(int i) {
        return clientIpFrom[i];
    }

    public int clientIpTo(int i) {
        return clientIpTo[i];
    }

    /** Upper-case ISO country code of row {@code i} (one of the {@link org.peertel.geo.Locations} constants). */
    public String country(int i) {
        return country[i];
    }

    /** Upper-case USPS code of row {@code i} for a US client, "" elsewhere. */
    public String state(int i) {
        return state[i];
    }

    /** The edge PoP of row {@code i}, trimmed and never empty, is bytes()[from, to); it holds no quote. */
    public int edgePopFrom(int i) {
        return edgePopFrom[i];
    }

    public int edgePopTo(int i) {
        return edgePopTo[i];
    }

    /** The round-trip time of row {@code i} in millionths of a millisecond (at most 6 decimals here). */
    public long rttMicros(int i) {
        return rttUnscaled[i] * MICROS_PER_UNIT[rttScale[i]];
    }
}
