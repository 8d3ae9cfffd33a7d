package org.peertel.prefix;

/**
 * An IPv4 or IPv6 address as one 128-bit key. IPv4 addresses are held in the IPv4-mapped IPv6 space
 * ({@code ::ffff:a.b.c.d}), so one key space (and one {@link PrefixTable}) serves both families and a client
 * written as {@code ::ffff:192.0.2.1} is the IPv4 address 192.0.2.1.
 *
 * @param high the first 64 bits
 * @param low  the last 64 bits
 */
public record IpAddress(long high, long low) implements Comparable<IpAddress> {

    static final long IPV4_MAPPED_MARKER = 0xFFFFL << 32;

    public static IpAddress ofIpv4(int address) {
        return new IpAddress(0L, ipv4Low(address));
    }

    /** The low 64 bits of the key of an IPv4 address (its high 64 bits are 0). */
    public static long ipv4Low(int address) {
        return IPV4_MAPPED_MARKER | (address & 0xFFFF_FFFFL);
    }

    /** True for IPv4 addresses, including ones written in the IPv4-mapped IPv6 form. */
    public boolean isIpv4() {
        return isIpv4(high, low);
    }

    /** {@link #isIpv4()} of the address with these two halves. */
    public static boolean isIpv4(long high, long low) {
        return high == 0L && (low & 0xFFFF_FFFF_0000_0000L) == IPV4_MAPPED_MARKER;
    }

    /** The IPv4 address as an unsigned 32-bit value; only meaningful when {@link #isIpv4()}. */
    public int ipv4Bits() {
        return (int) low;
    }

    /** Bit {@code index} of the 128-bit key, counting from the most significant bit (0..127). */
    public int bit(int index) {
        return index < 64 ? (int) (high >>> (63 - index)) & 1 : (int) (low >>> (127 - index)) & 1;
    }

    /**
     * Strict parse: a dotted-quad IPv4 address (no leading zeros) or an IPv6 address (RFC 4291 text forms,
     * no zone, no brackets).
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static IpAddress parse(String text) {
        IpAddress address = parseOrNull(text);
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
        }
        return address;
    }

    /** Lenient parse: like {@link #parse(String)} but returns null for text that is not an address. */
    public static IpAddress parseOrNull(String text) {
        return text == null ? null : parseOrNull(text, 0, text.length());
    }

    /** {@link #parseOrNull(String)} of {@code text.substring(from, to)}, without making the substring for IPv4. */
    static IpAddress parseOrNull(String text, int from, int to) {
        if (from == to) {
            return null;
        }
        if (text.lastIndexOf(':', to - 1) >= from) {
            return IpTextParser.parseIpv6(text.substring(from, to));
        }
        long v4 = IpTextParser.parseIpv4(text, from, to);
        return v4 < 0 ? null : ofIpv4((int) v4);
    }

    /**
     * The dotted quad in text[from, to) as an unsigned 32-bit value, or -1 when it is not one: the same strict
     * rule as {@link #parseOrNull(String)} (four decimal octets up to 255, no leading zeros), so text accepted
     * here is exactly the {@link #toString()} of its address.
     */
    public static long parseIpv4(CharSequence text, int from, int to) {
        return IpTextParser.parseIpv4(text, from, to);
    }

    @Override
    public int compareTo(IpAddress other) {
        int c = Long.compareUnsigned(high, other.high);
        return c != 0 ? c : Long.compareUnsigned(low, other.low);
    }

    /** Dotted quad for IPv4, RFC 5952 canonical text for IPv6. */
    @Override
    public String toString() {
        return isIpv4() ? IpTextParser.formatIpv4(ipv4Bits()) : IpTextParser.formatIpv6(high, low);
    }
}
