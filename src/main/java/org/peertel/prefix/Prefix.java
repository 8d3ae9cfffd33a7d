package org.peertel.prefix;

/**
 * A CIDR block. The network address has no host bits set; {@code length} counts in the address's own family
 * (0..32 for IPv4, 0..128 for IPv6).
 */
public record Prefix(IpAddress network, int length) implements Comparable<Prefix> {

    public Prefix {
        int max = network.isIpv4() ? 32 : 128;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0.." + max);
        }
        int keyLength = network.isIpv4() ? 96 + length : length;
        if ((network.high() & ~highMask(keyLength)) != 0 || (network.low() & ~lowMask(keyLength)) != 0) {
            throw new IllegalArgumentException("host bits set in " + network + "/" + length);
        }
    }

    public boolean isIpv4() {
        return network.isIpv4();
    }

    /** The length in the 128-bit key space, where IPv4 sits under ::ffff:0:0/96. */
    public int keyLength() {
        return isIpv4() ? 96 + length : length;
    }

    /** True when {@code address} is inside this block. */
    public boolean contains(IpAddress address) {
        int keyLength = keyLength();
        return (address.high() & highMask(keyLength)) == network.high()
                && (address.low() & lowMask(keyLength)) == network.low();
    }

    /** True when {@code other} is this block or a more specific block inside it. */
    public boolean covers(Prefix other) {
        return other.keyLength() >= keyLength() && contains(other.network);
    }

    /** The block of {@code shorter} bits (at most this one's length) that holds this one. */
    public Prefix widenedTo(int shorter) {
        if (shorter > length) {
            throw new IllegalArgumentException("cannot widen " + this + " to /" + shorter);
        }
        int keyLength = isIpv4() ? 96 + shorter : shorter;
        return new Prefix(mask(network, keyLength), shorter);
    }

    /** True when the two blocks share at least one address. */
    public boolean overlaps(Prefix other) {
        return covers(other) || other.covers(this);
    }

    /**
     * Strict parse of {@code address/length}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong; when host bits are set the message names
     *                                  the network that was probably meant
     */
    public static Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length (expected address/length)");
        }
        IpAddress address = IpAddress.parseOrNull(text, 0, slash);
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' does not start with an IPv4 or IPv6 address");
        }
        int max = address.isIpv4() && text.indexOf(':') < 0 ? 32 : 128;
        int written = lengthOrMinusOne(text, slash + 1);
        if (written < 0 || written > max) {
            throw new IllegalArgumentException("'" + text + "' has a bad prefix length (expected 0.." + max + ")");
        }
        // IPv6 text counts the length in the 128-bit space; an IPv4-mapped prefix such as ::ffff:192.0.2.0/120
        // then lands in the IPv4 family (192.0.2.0/24) through the Prefix constructor.
        int keyLength = max == 128 ? written : 96 + written;
        IpAddress network = mask(address, keyLength);
        int length = network.isIpv4() ? keyLength - 96 : keyLength;
        if (!network.equals(address)) {
            // below /96 an IPv4-mapped address always has host bits (the ffff), so the suggestion is IPv6 there
            throw new IllegalArgumentException(
                    "'" + text + "' has host bits set; did you mean " + network + "/" + length + "?");
        }
        return new Prefix(network, length);
    }

    /** Lenient parse: the prefix, or null when {@link #parse(String)} would throw. */
    public static Prefix parseOrNull(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The length written from {@code from} to the end of {@code text}: 1 to 3 ASCII digits without a leading zero
     * (a lone "0" is fine); -1 for anything else.
     */
    private static int lengthOrMinusOne(String text, int from) {
        int digits = text.length() - from;
        if (digits < 1 || digits > 3 || (digits > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Keeps the first {@code keyLength} bits of the 128-bit key. */
    static IpAddress mask(IpAddress address, int keyLength) {
        return new IpAddress(address.high() & highMask(keyLength), address.low() & lowMask(keyLength));
    }

    private static long highMask(int keyLength) {
        return keyLength >= 64 ? -1L : keyLength == 0 ? 0L : -1L << (64 - keyLength);
    }

    private static long lowMask(int keyLength) {
        return keyLength <= 64 ? 0L : keyLength == 128 ? -1L : -1L << (128 - keyLength);
    }

    @Override
    public int compareTo(Prefix other) {
        int c = network.compareTo(other.network);
        return c != 0 ? c : Integer.compare(keyLength(), other.keyLength());
    }

    /**
     * Mixes the bits of the key: the record's own hash (31 times the address hash, plus the length) sent the
     * neighbouring blocks of a routing table into a few hash-map buckets.
     */
    @Override
    public int hashCode() {
        long mixed = (network.high() * 0x9E37_79B9_7F4A_7C15L + network.low()) * 0xBF58_476D_1CE4_E5B9L + length;
        return (int) (mixed ^ (mixed >>> 32));
    }

    @Override
    public String toString() {
        return network + "/" + length;
    }
}
