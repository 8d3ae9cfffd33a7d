package org.peertel.prefix;

/** Hand-written address text parsing and formatting: strict, allocation-light, no DNS. */
final class IpTextParser {

    private IpTextParser() {}

    /** Parses a dotted quad in text[from, to); returns the unsigned value or -1 when malformed. */
    static long parseIpv4(CharSequence text, int from, int to) {
        long result = 0;
        int octets = 0;
        int i = from;
        while (i <= to) {
            int start = i;
            int value = 0;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                if (value > 255) {
                    return -1;
                }
                i++;
            }
            int digits = i - start;
            if (digits == 0 || (digits > 1 && text.charAt(start) == '0')) {
                return -1;
            }
            result = (result << 8) | value;
            octets++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                return -1;
            }
            i++;
        }
        return octets == 4 ? result : -1;
    }

    /** Parses IPv6 text (with optional "::" and optional trailing dotted quad); null when malformed. */
    static IpAddress parseIpv6(String text) {
        int length = text.length();
        int[] groups = new int[8];
        int count = 0;
        int gapAt = -1;
        int i = 0;
        if (text.startsWith("::")) {
            gapAt = 0;
            i = 2;
            if (length == 2) {
                return new IpAddress(0, 0);
            }
        } else if (text.startsWith(":")) {
            return null;
        }
        while (i < length) {
            if (count == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < length && hexDigit(text.charAt(i)) >= 0 && i - start < 5) {
                value = (value << 4) | hexDigit(text.charAt(i));
                i++;
            }
            if (i < length && text.charAt(i) == '.') {
                // embedded IPv4 in the last 32 bits
                if (count > 6) {
                    return null;
                }
                long v4 = parseIpv4(text, start, length);
                if (v4 < 0) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = length;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return null;
            }
            groups[count++] = value;
            if (i == length) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < length && text.charAt(i) == ':') {
                if (gapAt >= 0) {
                    return null;
                }
                gapAt = count;
                i++;
            } else if (i == length) {
                return null; // trailing single colon
            }
        }
        if (gapAt < 0 && count != 8) {
            return null;
        }
        if (gapAt >= 0) {
            if (count > 7) {
                return null;
            }
            int[] expanded = new int[8];
            System.arraycopy(groups, 0, expanded, 0, gapAt);
            int tail = count - gapAt;
            System.arraycopy(groups, gapAt, expanded, 8 - tail, tail);
            groups = expanded;
        }
        long high = 0;
        long low = 0;
        for (int g = 0; g < 4; g++) {
            high = (high << 16) | groups[g];
            low = (low << 16) | groups[g + 4];
        }
        return new IpAddress(high, low);
    }

    /** ASCII hex digit value, or -1 (Character.digit would also take non-ASCII digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static String formatIpv4(int bits) {
        return ((bits >>> 24) & 0xFF) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "."
                + (bits & 0xFF);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (first if tied) of two or more zero groups as "::". */
    static String formatIpv6(long high, long low) {
        int[] groups = new int[8];
        for (int g = 0; g < 4; g++) {
            groups[g] = (int) (high >>> (48 - 16 * g)) & 0xFFFF;
            groups[g + 4] = (int) (low >>> (48 - 16 * g)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                text.append("::");
                g += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[g]));
        }
        return text.toString();
    }
}
