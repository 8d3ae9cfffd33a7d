package org.peertel.ingest;

import java.nio.charset.StandardCharsets;
import org.peertel.geo.Locations;
import org.peertel.prefix.IpAddress;

/**
 * The fast lane's parser: takes a physical line straight from the bytes only when it is provably a record that
 * {@link CsvRecordReader} and {@link LatencyRowParser} would accept, and then gives the very same values. Every
 * other line is left to that reference chain, which gives the exact reject (or the measurement) for it.
 *
 * <p>What it takes: printable ASCII only (bytes 0x20..0x7E: no invalid UTF-8, NUL, BOM or inner CR), no quote
 * (so the reference splits at every comma), an optional CR before the LF, no more than the record limit, as many fields
 * as the header, and fields that pass the reference's own parsers run on the bytes ({@link AsciiView}): the timestamp
 * on the folder's day, a client address in its canonical text (the address's {@code toString()}: a dotted quad, or RFC
 * 5952 IPv6 that is not an IPv4-mapped address), a country and for the US a state, a non-empty edge PoP, and an rtt
 * with at most 6 decimals and 18 digits, in range. Fields are trimmed of spaces as the reference trims them (on such a
 * line the only character up to U+0020 is the space itself).
 */
final class FastLineParser {

    /** The line is a record, now held in the {@link MeasurementBatch}. */
    static final int ACCEPTED = 0;
    /** The line is blank (empty, or a lone CR): no record, as for the reference. */
    static final int BLANK = 1;
    /** The line is for the reference chain. */
    static final int REFERENCE = 2;

    private static final long SECONDS_PER_DAY = 86_400;

    private final LatencyHeader header;
    private final long epochDay;
    private final int maxRecordBytes;
    private final int[] starts;
    private final int[] ends;
    private final AsciiView text = new AsciiView();
    private final TimestampParser timestamp = new TimestampParser();
    private final RttParser rtt = new RttParser();

    FastLineParser(LatencyHeader header, long epochDay, int maxRecordBytes) {
        this.header = header;
        this.epochDay = epochDay;
        this.maxRecordBytes = maxRecordBytes;
        this.starts = new int[header.fieldCount];
        this.ends = new int[header.fieldCount];
    }

    /**
     * Parses bytes[from, lineFeed) into the next row of {@code out} when the fast lane may take it (the caller
     * then counts the row in).
     *
     * @return {@link #ACCEPTED}, {@link #BLANK} or {@link #REFERENCE}
     */
    int parse(byte[] bytes, int from, int lineFeed, MeasurementBatch out) {
        int end = lineFeed > from && bytes[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
        if (end == from) {
            return BLANK;
        }
        if (end - from > maxRecordBytes || !split(bytes, from, end)) {
            return REFERENCE;
        }
        text.of(bytes);
        if (!timestamp.read(text, trimmedStart(bytes, header.timestamp), trimmedEnd(bytes, header.timestamp))
                || Math.floorDiv(timestamp.epochSecond(), SECONDS_PER_DAY) != epochDay) {
            return REFERENCE;
        }
        int ipFrom = trimmedStart(bytes, header.clientIp);
        int ipTo = trimmedEnd(bytes, header.clientIp);
        long ipv4 = IpAddress.parseIpv4(text, ipFrom, ipTo);
        IpAddress ipv6 = ipv4 < 0 ? canonicalIpv6(bytes, ipFrom, ipTo) : null;
        if (ipv4 < 0 && ipv6 == null) {
            return REFERENCE;
        }
        String country =
                Locations.countryCode(text, trimmedStart(bytes, header.country), trimmedEnd(bytes, header.country));
        if (country == null) {
            return REFERENCE;
        }
        String state = "";
        if (country.equals(Locations.UNITED_STATES)) {
            state = Locations.usStateCode(text, trimmedStart(bytes, header.state), trimmedEnd(bytes, header.state));
            if (state == null) {
                return REFERENCE;
            }
        }
        int edgeFrom = trimmedStart(bytes, header.edgePop);
        int edgeTo = trimmedEnd(bytes, header.edgePop);
        if (edgeFrom == edgeTo || !rttInRange(bytes)) {
            return REFERENCE;
        }
        int row = out.size;
        out.bytes = bytes;
        out.epochSecond[row] = timestamp.epochSecond();
        out.nanos[row] = timestamp.nanos();
        out.clientHigh[row] = ipv6 == null ? 0L : ipv6.high();
        out.clientLow[row] = ipv6 == null ? IpAddress.ipv4Low((int) ipv4) : ipv6.low();
        out.clientIpFrom[row] = ipFrom;
        out.clientIpTo[row] = ipTo;
        out.country[row] = country;
        out.state[row] = state;
        out.edgePopFrom[row] = edgeFrom;
        out.edgePopTo[row] = edgeTo;
        out.rttUnscaled[row] = rtt.unscaled();
        out.rttScale[row] = rtt.scale();
        return ACCEPTED;
    }

    /**
     * The IPv6 address written in bytes[from, to) when the text is exactly its canonical form and it is not an
     * IPv4-mapped address (whose text is the dotted quad), else null. Parsed by the reference's own parser; rare
     * enough next to IPv4 that the objects it makes do not matter.
     */
    private static IpAddress canonicalIpv6(byte[] bytes, int from, int to) {
        String spelled = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        IpAddress address = spelled.indexOf(':') >= 0 ? IpAddress.parseOrNull(spelled) : null;
        return address != null && !address.isIpv4() && address.toString().equals(spelled) ? address : null;
    }

    /** Finds the fields; false when a byte is not printable ASCII, a quote, or the field count is wrong. */
    private boolean split(byte[] bytes, int from, int end) {
        int last = starts.length - 1;
        int field = 0;
        int fieldStart = from;
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b < 0x20 || b > 0x7E || b == '"') { // bytes are signed: 0x80..0xFF are negative
                return false;
            }
            if (b == ',') {
                if (field == last) {
                    return false;
                }
                starts[field] = fieldStart;
                ends[field] = i;
                field++;
                fieldStart = i + 1;
            }
        }
        if (field != last) {
            return false;
        }
        starts[field] = fieldStart;
        ends[field] = end;
        return true;
    }

    /** An rtt the reference keeps as written (at most 6 decimals, 18 digits), 0 &lt; rtt &lt;= 60000. */
    private boolean rttInRange(byte[] bytes) {
        if (!rtt.read(text, trimmedStart(bytes, header.rttMs), trimmedEnd(bytes, header.rttMs))
                || !rtt.fitsLong()
                || rtt.scale() > RttParser.MAX_SCALE) {
            return false;
        }
        return RttParser.inRange(rtt.unscaled(), rtt.scale());
    }

    private int trimmedStart(byte[] bytes, int field) {
        int start = starts[field];
        int end = ends[field];
        while (start < end && bytes[start] == ' ') {
            start++;
        }
        return start;
    }

    /** The end of the field before trailing spaces, never before {@link #trimmedStart} (as the reference). */
    private int trimmedEnd(byte[] bytes, int field) {
        int start = trimmedStart(bytes, field);
        int end = ends[field];
        while (end > start && bytes[end - 1] == ' ') {
            end--;
        }
        return end;
    }
}
