package org.peertel.prefix;

/**
 * One address family's longest-prefix-match structure for {@link PrefixTable}: a Poptrie (Asai and Ohara,
 * "Poptrie: A Compressed Trie with Population Count for Fast and Scalable Software IP Routing Table Lookup",
 * SIGCOMM 2015). Immutable; built by {@link PoptrieBuilder}; a lookup allocates nothing.
 *
 * <p>The first {@code directBits} bits of the key index a plain array ("direct pointing"). Below that, each node
 * decides on the next 6 bits: of its 64 slots, those with longer prefixes below are children (bit set in
 * {@code internal}), the others are leaves. Children of a node are stored next to each other and leaves too, so a
 * node holds just two 64-bit maps and two base indexes, and a population count of the map up to the slot gives
 * the offset. Runs of equal leaves are stored once ({@code leafRuns} marks where a new run starts), which is what
 * keeps a full routing table in a few tens of MB: small enough that most of a lookup's reads hit the CPU caches.
 *
 * <p>Values are the indexes {@link PrefixTable} hands out, or {@link #NO_MATCH}. Keys: IPv4 lookups take the
 * 32-bit address, IPv6 lookups the 128-bit key as two longs.
 */
final class Poptrie {

    static final int NO_MATCH = -1;
    static final int STRIDE = 6;
    /** A direct-pointing entry with this bit set holds a node index, not a value. */
    static final int NODE_FLAG = Integer.MIN_VALUE;
    /** longs per node in {@link #nodes}: internal-slot map, leaf-run map, (first child &lt;&lt; 32) | first leaf */
    static final int NODE_LONGS = 3;

    private final int directBits;
    private final int[] direct;
    private final long[] nodes;
    private final int[] leaves;
    private final int nodeCount;

    Poptrie(int directBits, int[] direct, long[] nodes, int nodeCount, int[] leaves) {
        this.directBits = directBits;
        this.direct = direct;
        this.nodes = nodes;
        this.nodeCount = nodeCount;
        this.leaves = leaves;
    }

    /**
     * The value of the longest prefix covering a 32-bit key (an IPv4 address): the key at the top of a 128-bit one,
     * where a slot reaching past bit 31 reads zeros (measured as fast as a walk written for 32 bits).
     */
    int lookup(int key) {
        return lookup((long) key << 32, 0L);
    }

    /**
     * The value of the longest prefix covering a 128-bit key. For keys that use the low long, {@code 64 - directBits}
     * must be a multiple of {@link #STRIDE}, so that no slot straddles the two longs.
     */
    int lookup(long high, long low) {
        int entry = direct[(int) (high >>> (64 - directBits))];
        if (entry >= NO_MATCH) {
            return entry;
        }
        int node = entry & ~NODE_FLAG;
        int position = directBits;
        long[] nodes = this.nodes;
        while (true) {
            long bits = position < 64
                    ? high >>> (64 - STRIDE - position)
                    : position <= 128 - STRIDE
                            ? low >>> (128 - STRIDE - position)
                            : low << (position - (128 - STRIDE)); // the last slot reaches past bit 127: zeros
            int slot = (int) bits & 63;
            int at = node * NODE_LONGS;
            long internal = nodes[at];
            long upToSlot = -1L >>> (63 - slot);
            if ((internal & (1L << slot)) == 0) {
                return leaves[(int) nodes[at + 2] + Long.bitCount(nodes[at + 1] & upToSlot) - 1];
            }
            node = (int) (nodes[at + 2] >>> 32) + Long.bitCount(internal & upToSlot) - 1;
            position += STRIDE;
        }
    }

    int nodeCount() {
        return nodeCount;
    }

    int leafCount() {
        return leaves.length;
    }

    /** Bytes held by the arrays (the object headers aside). */
    long memoryBytes() {
        return 4L * direct.length + 8L * nodes.length + 4L * leaves.length;
    }
}
