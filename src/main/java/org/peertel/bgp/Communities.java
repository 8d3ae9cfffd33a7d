package org.peertel.bgp;

/** The COMMUNITIES attribute (RFC 1997) in bgpdump's text: {@code as:value} pairs and the well-known names. */
final class Communities {

    private static final long NO_EXPORT = 0xFFFFFF01L;
    private static final long NO_ADVERTISE = 0xFFFFFF02L;
    private static final long NO_EXPORT_SUBCONFED = 0xFFFFFF03L;

    private Communities() {}

    /** The communities space-separated; a trailing part shorter than 4 bytes is ignored. */
    static String read(ByteCursor cursor) {
        StringBuilder text = new StringBuilder();
        while (cursor.remaining() >= 4) {
            long value = cursor.u32();
            if (!text.isEmpty()) {
                text.append(' ');
            }
            if (value == NO_EXPORT) {
                text.append("no-export");
            } else if (value == NO_ADVERTISE) {
                text.append("no-advertise");
            } else if (value == NO_EXPORT_SUBCONFED) {
                text.append("local-AS");
            } else {
                text.append(value >>> 16).append(':').append(value & 0xFFFF);
            }
        }
        return text.toString();
    }
}
