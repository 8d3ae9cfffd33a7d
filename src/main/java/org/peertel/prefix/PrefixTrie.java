package org.peertel.prefix;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A longest-prefix-match table over the 128-bit address key: one structure for IPv4 and IPv6. IPv4 prefixes sit
 * under {@code ::ffff:0:0/96} (see {@link IpAddress}), so an IPv4 prefix never covers an IPv6 address outside that
 * range, while an IPv6 prefix such as {@code ::/0} does cover IPv4 addresses.
 *
 * <p>Implementation: a path-compressed binary (radix) trie. Every node holds a key and its length; a node exists
 * only for a stored prefix or where two subtrees branch, so there are fewer than two nodes per prefix and a lookup
 * visits at most one node per distinct stored length on its path. The {@link Match} returned by a lookup is kept
 * in its node, so {@link #longestPrefixMatch(IpAddress)} allocates nothing.
 *
 * <p>Not thread-safe for writes. Once filled and safely published, any number of threads may read concurrently.
 *
 * <p>Operations named after keys ({@link #put}, {@link #get}, {@link #remove}) work on the exact prefix only;
 * containment is answered by {@link #longestPrefixMatch(IpAddress)} alone.
 *
 * @param <V> the value stored per prefix; never null
 */
public final class PrefixTrie<V> {

    /** A stored prefix and its value, as found by {@link #longestPrefixMatch(IpAddress)}. */
    public record Match<V>(Prefix prefix, V value) {
    }

    private static final class Node<V> {
        final long high;  // key bits 0..63; bits at and after `length` are zero
        final long low;   // key bits 64..127
        final int length; // key length in the 128-bit space, 0..128
        Node<V> zero;     // subtree whose bit `length` is 0
        Node<V> one;      // subtree whose bit `length` is 1
        Match<V> match;   // null for a node that only marks a branching point

        Node(long high, long low, int length, Match<V> match) {
            this.high = high;
            this.low = low;
            this.length = length;
            this.match = match;
        }

        Node<V> child(int bit) {
            return bit == 0 ? zero : one;
        }

        void setChild(int bit, Node<V> child) {
            if (bit == 0) {
                zero = child;
            } else {
                one = child;
            }
        }

        void replaceChild(Node<V> old, Node<V> replacement) {
            if (zero == old) {
                zero = replacement;
            } else {
                one = replacement;
            }
        }
    }

    // The root (::/0) always exists, so every other node has a parent; it carries a match only when ::/0 is stored.
    private final Node<V> root = new Node<>(0L, 0L, 0, null);
    private int size;

    /**
     * Stores {@code value} under exactly {@code prefix}, replacing the value already stored there.
     *
     * @throws NullPointerException when {@code prefix} or {@code value} is null (null values are refused so that
     *                              null from {@link #get} always means "absent")
     */
    public void put(Prefix prefix, V value) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(value, "value");
        long high = prefix.network().high();
        long low = prefix.network().low();
        int length = prefix.keyLength();
        Match<V> match = new Match<>(prefix, value);
        Node<V> parent = null;
        Node<V> node = root;
        while (true) {
            int common = Math.min(commonPrefixLength(high, low, node.high, node.low), Math.min(length, node.length));
            if (common == node.length) { // node's key is a prefix of the new key (always true at the root)
                if (length == node.length) {
                    if (node.match == null) {
                        size++;
                    }
                    node.match = match;
                    return;
                }
                int side = bit(high, low, node.length);
                Node<V> child = node.child(side);
                if (child == null) {
                    node.setChild(side, new Node<>(high, low, length, match));
                    size++;
                    return;
                }
                parent = node;
                node = child;
                continue;
            }
            // The new key leaves node's path before node's end: put a node for it (or a branching node) above node.
            Node<V> above;
            if (common == length) {
                above = new Node<>(high, low, length, match);
            } else {
                above = new Node<>(high & highMask(common), low & lowMask(common), common, null);
                above.setChild(bit(high, low, common), new Node<>(high, low, length, match));
            }
            above.setChild(bit(node.high, node.low, common), node);
            parent.replaceChild(node, above);
            size++;
            return;
        }
    }

    /**
     * The value stored under exactly {@code prefix}; null when that prefix is not stored (a covering or covered
     * prefix does not count).
     *
     * @throws NullPointerException when {@code prefix} is null
     */
    public V get(Prefix prefix) {
        Node<V> node = findExact(prefix, null);
        return node == null ? null : node.match.value();
    }

    /**
     * Removes exactly {@code prefix}; shorter prefixes that covered it become visible to lookups again.
     *
     * @return true when the prefix was stored, false when it was not (the table is then unchanged)
     * @throws NullPointerException when {@code prefix} is null
     */
    public boolean remove(Prefix prefix) {
        @SuppressWarnings("unchecked")
        Node<V>[] ancestors = new Node[2]; // [0] = parent, [1] = grandparent of the found node
        Node<V> node = findExact(prefix, ancestors);
        if (node == null) {
            return false;
        }
        node.match = null;
        size--;
        if (node == root || (node.zero != null && node.one != null)) {
            return true; // still needed as a branching point
        }
        Node<V> parent = ancestors[0];
        Node<V> onlyChild = node.zero != null ? node.zero : node.one;
        parent.replaceChild(node, onlyChild);
        // A leaf went away: a branching-only parent now has a single child and is no longer needed either.
        if (onlyChild == null && parent != root && parent.match == null) {
            ancestors[1].replaceChild(parent, parent.zero != null ? parent.zero : parent.one);
        }
        return true;
    }

    /** The number of stored prefixes. */
    public int size() {
        return size;
    }

    /**
     * The most specific stored prefix that contains {@code address}, with its value; null when no stored prefix
     * contains it. Allocates nothing.
     *
     * @throws NullPointerException when {@code address} is null
     */
    public Match<V> longestPrefixMatch(IpAddress address) {
        long high = address.high();
        long low = address.low();
        Match<V> best = null;
        Node<V> node = root;
        while (node != null && startsWith(high, low, node)) {
            if (node.match != null) {
                best = node.match;
            }
            if (node.length == 128) {
                break;
            }
            node = bit(high, low, node.length) == 0 ? node.zero : node.one;
        }
        return best;
    }

    /**
     * Calls {@code action} for every stored prefix in ascending {@link Prefix#compareTo} order (by network address,
     * then shorter before longer, so a prefix comes right before the prefixes it covers). The table must not be
     * changed from within {@code action}.
     */
    public void forEach(BiConsumer<Prefix, V> action) {
        Objects.requireNonNull(action, "action");
        visit(root, action);
    }

    /** The number of trie nodes, for tests that check removes leave no dead nodes behind. */
    int nodeCount() {
        return countNodes(root);
    }

    private static int countNodes(Node<?> node) {
        return node == null ? 0 : 1 + countNodes(node.zero) + countNodes(node.one);
    }

    // Pre-order with the 0-side first yields ascending order; recursion depth is at most 129.
    private static <V> void visit(Node<V> node, BiConsumer<Prefix, V> action) {
        if (node.match != null) {
            action.accept(node.match.prefix(), node.match.value());
        }
        if (node.zero != null) {
            visit(node.zero, action);
        }
        if (node.one != null) {
            visit(node.one, action);
        }
    }

    /** The node storing exactly {@code prefix}, or null; fills parent and grandparent into {@code ancestors}. */
    private Node<V> findExact(Prefix prefix, Node<V>[] ancestors) {
        long high = prefix.network().high();
        long low = prefix.network().low();
        int length = prefix.keyLength();
        Node<V> node = root;
        while (node != null && node.length < length && startsWith(high, low, node)) {
            if (ancestors != null) {
                ancestors[1] = ancestors[0];
                ancestors[0] = node;
            }
            node = node.child(bit(high, low, node.length));
        }
        boolean found = node != null && node.match != null && node.length == length
                && node.high == high && node.low == low;
        return found ? node : null;
    }

    /** True when the first {@code node.length} bits of the key equal the node's key. */
    private static boolean startsWith(long high, long low, Node<?> node) {
        int length = node.length;
        if (length <= 64) {
            // a shift by 64 is a shift by 0 in Java, hence the separate test for length 0
            return length == 0 || ((high ^ node.high) >>> (64 - length)) == 0;
        }
        return high == node.high && ((low ^ node.low) >>> (128 - length)) == 0;
    }

    /** Bit {@code index} (0 = most significant) of the 128-bit key. */
    private static int bit(long high, long low, int index) {
        return (int) ((index < 64 ? high << index : low << (index - 64)) >>> 63);
    }

    /** The number of leading bits two keys share, 0..128. */
    private static int commonPrefixLength(long high1, long low1, long high2, long low2) {
        long diff = high1 ^ high2;
        return diff != 0 ? Long.numberOfLeadingZeros(diff) : 64 + Long.numberOfLeadingZeros(low1 ^ low2);
    }

    private static long highMask(int length) {
        return length >= 64 ? -1L : length == 0 ? 0L : -1L << (64 - length);
    }

    private static long lowMask(int length) {
        return length <= 64 ? 0L : -1L << (128 - length);
    }
}
