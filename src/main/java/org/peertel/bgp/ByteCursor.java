package org.peertel.bgp;

/**
 * A big-endian reader over part of a byte array that never throws: a read past the end gives zeros and leaves the
 * cursor at the end, and {@link #overran()} says so. This is how bgpdump reads the inside of a record, so a record
 * whose inner lengths disagree is read to the same values as bgpdump reads it.
 */
final class ByteCursor {

    private final byte[] data;
    private final int end;
    private int position;
    private final boolean[] overran; // shared by a cursor and its slices: one flag per record

    ByteCursor(byte[] data) {
        this(data, 0, data.length, new boolean[1]);
    }

    private ByteCursor(byte[] data, int start, int end, boolean[] overran) {
        this.data = data;
        this.position = start;
        this.end = end;
        this.overran = overran;
    }

    int remaining() {
        return end - position;
    }

    /** True once a read asked for more bytes than were left, in this cursor, its parent or any slice of them. */
    boolean overran() {
        return overran[0];
    }

    /** Notes a read that found fewer bytes than its length said (a prefix cut short, for example). */
    void markOverrun() {
        overran[0] = true;
    }

    /** The next byte without moving past it; 0 at the end. */
    int peek() {
        return position < end ? data[position] & 0xFF : 0;
    }

    int u8() {
        if (position >= end) {
            overran[0] = true;
            return 0;
        }
        return data[position++] & 0xFF;
    }

    int u16() {
        return (u8() << 8) | u8();
    }

    long u32() {
        return ((long) u16() << 16) | u16();
    }

    /** The next {@code length} bytes, padded with zeros when fewer are left. */
    byte[] bytes(int length) {
        byte[] copy = new byte[length];
        int available = Math.min(length, remaining());
        System.arraycopy(data, position, copy, 0, available);
        position += available;
        if (available < length) {
            overran[0] = true;
        }
        return copy;
    }

    /** Skips {@code length} bytes, or to the end. */
    void skip(int length) {
        int available = Math.min(length, remaining());
        position += available;
        if (available < length) {
            overran[0] = true;
        }
    }

    /** The next {@code length} bytes as a cursor of their own (fewer when fewer are left), and moves past them. */
    ByteCursor slice(int length) {
        int available = length < 0 ? remaining() : Math.min(length, remaining());
        ByteCursor slice = new ByteCursor(data, position, position + available, overran);
        position += available;
        if (available < length) {
            overran[0] = true;
        }
        return slice;
    }
}
