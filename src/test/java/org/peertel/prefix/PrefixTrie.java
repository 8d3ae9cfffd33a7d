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
 * in its node, so {@link #longestPrefixMatch(IpAddress)} allocates nothing. Once the table holds
 * {@value #DEFAULT_INDEX_THRESHOLD} prefixes, IPv4 lookups start from an {@link Ipv4BlockIndex} (8 MB) that skips
 * the part of the walk deciding on the first 20 bits of the address. Putting or removing a prefix of length n &lt; 20
 * then also re-walks 2^(20-n) blocks, and a prefix covering all of IPv4 (such as ::/0) re-walks all 2^20.
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
    public record Match<V>(Prefix prefix, V value) {}

    static final int DEFAULT_INDEX_THRESHOLD = 4096;
    static final int DEFAULT_INDEX_BITS = 20;

    // The root (::/0) always exists, so every other node has a parent; it carries a match only when ::/0 is stored.
    private final TrieNode<V> root = new TrieNode<>(0L, 0L, 0, null);
    private final int indexThreshold;
    private final int indexBits;
    private Ipv4BlockIndex<V> ipv4Index; // null until the table holds indexThreshold prefixes
    private int size;

    /** An empty table. */
    public PrefixTrie() {
        this(DEFAULT_INDEX_THRESHOLD, DEFAULT_INDEX_BITS);
    }

    /** An empty table that builds its IPv4 index of /indexBits blocks once it holds indexThreshold prefixes. */
    PrefixTrie(int indexThreshold, int indexBits) {
        this.indexThreshold = indexThreshold;
        this.indexBits = indexBits;
    }

    /**
     * Stores {@code value} under exactly {@code prefix}, replacing the value already stored there.
     *
     * @throws NullPointerException when {@code prefix} or {@code value} is null (null values are refused so that
     *                              null from {@link #get} always means "absent")
     */
    public void put(Prefix prefix, V value) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(value, "value");
        insert(prefix, new Match<>(prefix, value));
        updateIndex(prefix);
    }

    private void insert(Prefix prefix, Match<V> match) {
        long high = prefix.network().high();
        long low = prefix.network().low();
        int length = prefix.keyLength();
        TrieNode<V> parent = null;
        TrieNode<V> node = root;
        while (true) {
            int common = Math.min(
                    TrieNode.commonPrefixLength(high, low, node.high, node.low), Math.min(length, node.length));
            if (common == node.length) { // node's key is a prefix of the new key (always true at the root)
                if (length == node.length) {
                    if (node.match == null) {
                        size++;
                    }
                    node.match = match;
                    return;
                }
                int side = TrieNode.bit(high, low, node.length);
                TrieNode<V> child = node.child(side);
                if (child == null) {
                    node.setChild(side, new TrieNode<>(high, low, length, match));
                    size++;
                    return;
                }
                parent = node;
                node = child;
                continue;
            }
            // The new key leaves node's path before node's end: put a node for it (or a branching node) above node.
            TrieNode<V> above;
            if (common == length) {
                above = new TrieNode<>(high, low, length, match);
            } else {
                above = new TrieNode<>(high & TrieNode.highMask(common), low & TrieNode.lowMask(common), common, null);
                above.setChild(TrieNode.bit(high, low, common), new TrieNode<>(high, low, length, match));
            }
            above.setChild(TrieNode.bit(node.high, node.low, common), node);
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
        TrieNode<V> node = findExact(prefix, null);
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
        TrieNode<V>[] ancestors = new TrieNode[2]; // [0] = parent, [1] = grandparent of the found node
        TrieNode<V> node = findExact(prefix, ancestors);
        if (node == null) {
            return false;
        }
        node.match = null;
        size--;
        if (node != root && (node.zero == null || node.one == null)) { // else still needed as a branching point
            TrieNode<V> parent = ancestors[0];
            TrieNode<V> onlyChild = node.onlyChild();
            parent.replaceChild(node, onlyChild);
            // A leaf went away: a branching-only parent now has a single child and is no longer needed either.
            if (onlyChild == null && parent != root && parent.match == null) {
                ancestors[1].replaceChild(parent, parent.onlyChild());
            }
        }
        updateIndex(prefix);
        return true;
    }

    private void updateIndex(Prefix changed) {
        if (ipv4Index != null) {
            ipv4Index.refresh(changed);
        } else if (size >= indexThreshold) {
            ipv4Index = new Ipv4BlockIndex<>(root, indexBits);
        }
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
        TrieNode<V> node = root;
        Ipv4BlockIndex<V> index = ipv4Index;
        if (index != null && high == 0L && (low >>> 32) == 0xFFFFL) { // an IPv4 address
            int block = index.blockOf(low);
            best = index.matchBefore(block);
            node = index.startNode(block);
        }
        while (node != null && node.isPrefixOf(high, low)) {
            if (node.match != null) {
                best = node.match;
            }
            if (node.length == 128) {
                break;
            }
            node = TrieNode.bit(high, low, node.length) == 0 ? node.zero : node.one;
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

    private static int countNodes(TrieNode<?> node) {
        return node == null ? 0 : 1 + countNodes(node.zero) + countNodes(node.one);
    }

    // Pre-order with the 0-side first yields ascending order; recursion depth is at most 129.
    private static <V> void visit(TrieNode<V> node, BiConsumer<Prefix, V> action) {
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
    private TrieNode<V> findExact(Prefix prefix, TrieNode<V>[] ancestors) {
        long high = prefix.network().high();
        long low = prefix.network().low();
        int length = prefix.keyLength();
        TrieNode<V> node = root;
        while (node != null && node.length < length && node.isPrefixOf(high, low)) {
            if (ancestors != null) {
                ancestors[1] = ancestors[0];
                ancestors[0] = node;
            }
            node = node.child(TrieNode.bit(high, low, node.length));
        }
        boolean found =
                node != null && node.match != null && node.length == length && node.high == high && node.low == low;
        return found ? node : null;
    }
}
