package org.peertel.registry;

import java.util.List;
import java.util.Optional;
import org.peertel.prefix.Prefix;

/**
 * The special-purpose address blocks a registered prefix may not overlap: addresses that are never the public
 * address of a peering connection. Documentation blocks (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
 * 2001:db8::/32) are deliberately absent: sample data and tests use them as stand-ins for real public prefixes.
 */
public final class SpecialPurposeSpace {

    /**
     * One special-purpose block.
     *
     * @param block the CIDR block
     * @param kind  what the space is, e.g. "private"; read as "{kind} address space"
     * @param rfc   the RFC that reserves it, e.g. "RFC 1918"
     */
    public record Block(Prefix block, String kind, String rfc) {

        /** E.g. {@code private address space 10.0.0.0/8 (RFC 1918)}. */
        public String describe() {
            return kind + " address space " + block + " (" + rfc + ")";
        }
    }

    /**
     * How a prefix meets special-purpose space.
     *
     * @param block  the special-purpose block (the most specific one that holds the prefix, else the first one the
     *               prefix holds)
     * @param inside true when the whole prefix lies within {@code block}; false when the prefix is larger and
     *               contains it
     * @param others how many further special-purpose blocks the (larger) prefix contains
     */
    public record Overlap(Block block, boolean inside, int others) {}

    // Ordered by address; the broadcast /32 sits inside 240.0.0.0/4 and wins as the more specific block.
    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0/8", "unspecified ('this network')", "RFC 1122"),
            block("10.0.0.0/8", "private", "RFC 1918"),
            block("100.64.0.0/10", "shared", "RFC 6598"),
            block("127.0.0.0/8", "loopback", "RFC 1122"),
            block("169.254.0.0/16", "link-local", "RFC 3927"),
            block("172.16.0.0/12", "private", "RFC 1918"),
            block("192.168.0.0/16", "private", "RFC 1918"),
            block("224.0.0.0/4", "multicast", "RFC 5771"),
            block("240.0.0.0/4", "reserved", "RFC 1112"),
            block("255.255.255.255/32", "limited broadcast", "RFC 919"),
            block("::/128", "unspecified", "RFC 4291"),
            block("::1/128", "loopback", "RFC 4291"),
            block("fc00::/7", "unique-local", "RFC 4193"),
            block("fe80::/10", "link-local", "RFC 4291"),
            block("ff00::/8", "multicast", "RFC 4291"));

    private SpecialPurposeSpace() {}

    /** Every special-purpose block, ordered by address. */
    public static List<Block> blocks() {
        return BLOCKS;
    }

    /** How {@code prefix} overlaps special-purpose space, or empty when it is clear of it. */
    public static Optional<Overlap> overlap(Prefix prefix) {
        Block holder = null;
        Block firstHeld = null;
        int held = 0;
        for (Block candidate : BLOCKS) {
            if (candidate.block().covers(prefix)) {
                if (holder == null
                        || candidate.block().keyLength() > holder.block().keyLength()) {
                    holder = candidate;
                }
            } else if (prefix.covers(candidate.block())) {
                firstHeld = held == 0 ? candidate : firstHeld;
                held++;
            }
        }
        if (holder != null) {
            return Optional.of(new Overlap(holder, true, 0));
        }
        if (held > 0) {
            return Optional.of(new Overlap(firstHeld, false, held - 1));
        }
        return Optional.empty();
    }

    private static Block block(String prefix, String kind, String rfc) {
        return new Block(Prefix.parse(prefix), kind, rfc);
    }
}
