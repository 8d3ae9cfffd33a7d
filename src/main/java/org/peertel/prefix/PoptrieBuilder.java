package org.peertel.prefix;

import java.util.Arrays;

/**
 * Builds a {@link Poptrie} in one pass over prefixes sorted by network address, shorter first among equal
 * addresses ({@link Prefix#compareTo} order). In that order a prefix comes before every prefix it covers, and the
 * prefixes below any trie slot form one contiguous run, so each node is built from a range of the sorted input:
 * it paints its 64 slots with the prefixes that end within its 6 bits (later, more specific ones overwrite the
 * ones covering them) and hands each longer run to a child, whose slots start out painted with the parent slot's
 * value. Work is linear in prefixes times trie depth; no intermediate binary trie is built.
 *
 * <p>Keys are 128 bits, most significant first (a 32-bit key sits at the top of {@code high}); lengths count in
 * the key's own bits.
 */
final class PoptrieBuilder {

    private final long[] high;
    private final long[] low;
    private final int[] length;
    private final int[] value;
    private final int count;

    private long[] nodes = new long[Poptrie.NODE_LONGS * 64];
    private int nodeCount;
    private int[] leaves = new int[256];
    private int leafCount;

    // scratch per node depth (a build is depth-first, so one node per depth is open at a time)
    private int[][] slotValues = new int[0][];
    private int[][] childFrom = new int[0][];
    private int[][] childTo = new int[0][];

    /** @param high, low, length, value the prefixes' keys, lengths and values, sorted as said above */
    PoptrieBuilder(long[] high, long[] low, int[] length, int[] value, int count) {
        this.high = high;
        this.low = low;
        this.length = length;
        this.value = value;
        this.count = count;
    }

    /**
     * @param directBits   bits decided by the direct-pointing array
     * @param keyBits      32 or 128
     * @param defaultValue the value of keys that no prefix covers
     */
    Poptrie build(int directBits, int keyBits, int defaultValue) {
        int depths = (keyBits - directBits + Poptrie.STRIDE - 1) / Poptrie.STRIDE;
        slotValues = new int[depths][1 << Poptrie.STRIDE];
        childFrom = new int[depths][1 << Poptrie.STRIDE];
        childTo = new int[depths][1 << Poptrie.STRIDE];

        int[] direct = new int[1 << directBits];
        Arrays.fill(direct, defaultValue);
        int i = 0;
        while (i < count) {
            int slot = slot(i, 0, directBits);
            if (length[i] <= directBits) {
                Arrays.fill(direct, slot, slot + (1 << (directBits - length[i])), value[i]);
                i++;
                continue;
            }
            int end = runEnd(i, count, 0, directBits, slot);
            // every prefix covering this slot came before the run, so direct[slot] is final: build the child now
            int node = allocateNodes(1);
            buildNode(node, 0, directBits, i, end, direct[slot]);
            direct[slot] = Poptrie.NODE_FLAG | node;
            i = end;
        }
        return new Poptrie(
                directBits,
                direct,
                Arrays.copyOf(nodes, nodeCount * Poptrie.NODE_LONGS),
                nodeCount,
                Arrays.copyOf(leaves, leafCount));
    }

    /** Fills node {@code node} at {@code position} from the sorted prefixes [from, to), all longer than position. */
    private void buildNode(int node, int depth, int position, int from, int to, int inherited) {
        int[] slots = slotValues[depth];
        int[] runFrom = childFrom[depth];
        int[] runTo = childTo[depth];
        Arrays.fill(slots, inherited);
        int end = position + Poptrie.STRIDE;
        long internal = 0;
        int i = from;
        while (i < to) {
            int slot = slot(i, position, Poptrie.STRIDE);
            if (length[i] <= end) {
                Arrays.fill(slots, slot, slot + (1 << (end - length[i])), value[i]);
                i++;
            } else {
                internal |= 1L << slot;
                runFrom[slot] = i;
                runTo[slot] = runEnd(i, to, position, Poptrie.STRIDE, slot);
                i = runTo[slot];
            }
        }
        long leafRuns = 0;
        int firstLeaf = leafCount;
        for (int slot = 0; slot < 64; slot++) {
            if ((internal & (1L << slot)) == 0 && (leafCount == firstLeaf || leaves[leafCount - 1] != slots[slot])) {
                leafRuns |= 1L << slot;
                appendLeaf(slots[slot]);
            }
        }
        int firstChild = allocateNodes(Long.bitCount(internal));
        int at = node * Poptrie.NODE_LONGS;
        nodes[at] = internal;
        nodes[at + 1] = leafRuns;
        nodes[at + 2] = ((long) firstChild << 32) | firstLeaf;
        int child = firstChild;
        for (int slot = 0; slot < 64; slot++) {
            if ((internal & (1L << slot)) != 0) {
                buildNode(child++, depth + 1, end, runFrom[slot], runTo[slot], slots[slot]);
            }
        }
    }

    /** The end of the run of prefixes from {@code i} on (before {@code limit}) that fall in the same slot. */
    private int runEnd(int i, int limit, int position, int bits, int slot) {
        int j = i + 1;
        while (j < limit && slot(j, position, bits) == slot) {
            j++;
        }
        return j;
    }

    /** Bits [position, position + bits) of prefix i's key; bits past 127 read as zero. */
    private int slot(int i, int position, int bits) {
        long window;
        if (position == 0) {
            window = high[i];
        } else if (position < 64) {
            window = (high[i] << position) | (low[i] >>> (64 - position));
        } else if (position < 128) {
            window = low[i] << (position - 64);
        } else {
            window = 0;
        }
        return (int) (window >>> (64 - bits));
    }

    private int allocateNodes(int n) {
        int first = nodeCount;
        nodeCount += n;
        if (nodeCount * Poptrie.NODE_LONGS > nodes.length) {
            nodes = Arrays.copyOf(nodes, Math.max(nodes.length * 2, nodeCount * Poptrie.NODE_LONGS));
        }
        return first;
    }

    private void appendLeaf(int leaf) {
        if (leafCount == leaves.length) {
            leaves = Arrays.copyOf(leaves, leaves.length * 2);
        }
        leaves[leafCount++] = leaf;
    }
}
