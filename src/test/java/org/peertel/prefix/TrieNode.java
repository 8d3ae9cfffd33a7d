package org.peertel.prefix;

/**
 * One node of {@link PrefixTrie}: a key of {@code length} bits in the 128-bit space, and the stored prefix's
 * {@link PrefixTrie.Match} when the key is a stored prefix (null when the node only marks where two subtrees
 * branch). The match is kept here so that a lookup returns it without allocating.
 */
final class TrieNode<V> {
    final long high; // key bits 0..63; bits at and after `length` are zero
    final long low; // key bits 64..127
    final int length; // 0..128
    TrieNode<V> zero; // the subtree whose bit `length` is 0
    TrieNode<V> one; // the subtree whose bit `length` is 1
    PrefixTrie.Match<V> match;

    TrieNode(long high, long low, int length, PrefixTrie.Match<V> match) {
        this.high = high;
        this.low = low;
        this.length = length;
        this.match = match;
    }

    TrieNode<V> child(int bit) {
        return bit == 0 ? zero : one;
    }

    void setChild(int bit, TrieNode<V> child) {
        if (bit == 0) {
            zero = child;
        } else {
            one = child;
        }
    }

    void replaceChild(TrieNode<V> old, TrieNode<V> replacement) {
        if (zero == old) {
            zero = replacement;
        } else {
            one = replacement;
        }
    }

    /** The only child of a node that has at most one. */
    TrieNode<V> onlyChild() {
        return zero != null ? zero : one;
    }

    /** True when the first {@code length} bits of the key equal this node's key. */
    boolean isPrefixOf(long keyHigh, long keyLow) {
        if (length <= 64) {
            // a shift by 64 is a shift by 0 in Java, hence the separate test for length 0
            return length == 0 || ((keyHigh ^ high) >>> (64 - length)) == 0;
        }
        return keyHigh == high && ((keyLow ^ low) >>> (128 - length)) == 0;
    }

    /** Bit {@code index} (0 = most significant) of a 128-bit key. */
    static int bit(long high, long low, int index) {
        return (int) ((index < 64 ? high << index : low << (index - 64)) >>> 63);
    }

    /** The number of leading bits two keys share, 0..128. */
    static int commonPrefixLength(long high1, long low1, long high2, long low2) {
        long diff = high1 ^ high2;
        return diff != 0 ? Long.numberOfLeadingZeros(diff) : 64 + Long.numberOfLeadingZeros(low1 ^ low2);
    }

    static long highMask(int length) {
        return length >= 64 ? -1L : length == 0 ? 0L : -1L << (64 - length);
    }

    static long lowMask(int length) {
        return length <= 64 ? 0L : -1L << (128 - length);
    }
}
