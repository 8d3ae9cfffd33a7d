package org.peertel.bgp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An AS_PATH or AS4_PATH (RFC 4271 section 5.1.2, RFC 6793): its segments, and its text as bgpdump writes it:
 * sequences space-separated, an AS_SET as {@code {a,b}}, a confederation sequence as {@code (a b)} and a
 * confederation set as {@code [a,b]}. A path whose segments do not fit its bytes, or with an unknown segment type,
 * reads as the text {@code ! Error !} and has no segments.
 */
public final class AsPath {

    static final int AS_SET = 1;
    static final int AS_SEQUENCE = 2;
    static final int AS_CONFED_SEQUENCE = 3;
    static final int AS_CONFED_SET = 4;

    static final String ERROR_TEXT = "! Error !";

    /** bgpdump writes a path into 8,000 bytes and ends a longer one with "..." where 100 bytes are left. */
    private static final int TEXT_LIMIT = 8000 - 100;

    /** One segment: its type and its ASNs (unsigned 32-bit values). */
    public record Segment(int type, long[] asns) {

        /** Whether the segment is an AS_SET or a confederation set: unordered members, not a sequence. */
        public boolean isSet() {
            return type == AS_SET || type == AS_CONFED_SET;
        }

        /** How many hops the segment adds to the path's length: a set counts as one. */
        int hops() {
            return type == AS_SET || type == AS_CONFED_SET ? 1 : asns.length;
        }
    }

    private final List<Segment> segments;
    private final boolean malformed;

    private AsPath(List<Segment> segments, boolean malformed) {
        this.segments = List.copyOf(segments);
        this.malformed = malformed;
    }

    static AsPath of(List<Segment> segments) {
        return new AsPath(segments, false);
    }

    /** Reads the attribute's bytes with ASNs of {@code asnBytes} (2 or 4). */
    static AsPath read(ByteCursor cursor, int asnBytes) {
        List<Segment> segments = new ArrayList<>();
        while (cursor.remaining() > 0) {
            int type = cursor.u8();
            int count = cursor.u8();
            if (type < AS_SET || type > AS_CONFED_SET || cursor.remaining() < count * asnBytes) {
                return new AsPath(List.of(), true);
            }
            long[] asns = new long[count];
            for (int i = 0; i < count; i++) {
                asns[i] = asnBytes == 4 ? cursor.u32() : cursor.u16();
            }
            segments.add(new Segment(type, asns));
        }
        return new AsPath(segments, false);
    }

    public List<Segment> segments() {
        return segments;
    }

    public boolean malformed() {
        return malformed;
    }

    /** The path's length as RFC 6793 counts it for merging: each set counts one, confederation segments count too. */
    int hops() {
        int hops = 0;
        for (Segment segment : segments) {
            hops += segment.hops();
        }
        return hops;
    }

    /**
     * The path a 2-byte-ASN speaker received, with the 4-byte ASNs of its AS4_PATH put back (RFC 6793 section
     * 4.2.3): the leading hops of this path that the AS4_PATH does not cover, then the AS4_PATH. This path is kept
     * when the AS4_PATH is longer.
     */
    AsPath mergedWith(AsPath as4Path) {
        int keep = hops() - as4Path.hops();
        if (keep < 0 || malformed) {
            return this;
        }
        List<Segment> merged = new ArrayList<>();
        int kept = 0;
        for (Segment segment : segments) {
            if (kept >= keep) {
                break;
            }
            if (segment.type() == AS_SEQUENCE || segment.type() == AS_CONFED_SEQUENCE) {
                int take = Math.min(segment.asns().length, keep - kept);
                merged.add(new Segment(segment.type(), Arrays.copyOf(segment.asns(), take)));
                kept += take;
            } else {
                merged.add(segment);
                kept += 1;
            }
        }
        merged.addAll(as4Path.segments);
        return new AsPath(merged, false);
    }

    /** The text bgpdump prints in the AS path column. */
    public String text() {
        if (malformed) {
            return ERROR_TEXT;
        }
        StringBuilder text = new StringBuilder();
        int previousType = AS_SEQUENCE;
        boolean space = false;
        for (Segment segment : segments) {
            if (previousType != AS_SEQUENCE) {
                text.append(closing(previousType));
            }
            if (space) {
                text.append(' ');
            }
            if (segment.type() != AS_SEQUENCE) {
                text.append(opening(segment.type()));
            }
            space = false;
            boolean set = segment.type() == AS_SET || segment.type() == AS_CONFED_SET;
            for (long asn : segment.asns()) {
                if (space) {
                    text.append(set ? ',' : ' ');
                }
                space = true;
                text.append(asn);
                if (text.length() > TEXT_LIMIT) {
                    return text.append("...").toString();
                }
            }
            previousType = segment.type();
        }
        if (!segments.isEmpty() && previousType != AS_SEQUENCE) {
            text.append(closing(previousType));
        }
        return text.toString();
    }

    private static char opening(int type) {
        return switch (type) {
            case AS_SET -> '{';
            case AS_CONFED_SEQUENCE -> '(';
            case AS_CONFED_SET -> '[';
            default -> ' ';
        };
    }

    private static char closing(int type) {
        return switch (type) {
            case AS_SET -> '}';
            case AS_CONFED_SEQUENCE -> ')';
            case AS_CONFED_SET -> ']';
            default -> ' ';
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
