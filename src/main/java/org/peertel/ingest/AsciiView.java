package org.peertel.ingest;

import java.nio.charset.StandardCharsets;

/**
 * A byte array seen as text, one character per byte, index for index: lets the fast lane run the reference
 * parsers ({@link TimestampParser}, {@link RttParser}, the address and location parsers) on its line buffer
 * without decoding. Meaningful only for ASCII bytes, the only ones the fast lane lets through. Reused.
 */
final class AsciiView implements CharSequence {

    private byte[] bytes = new byte[0];

    /** Shows {@code bytes} from now on. */
    AsciiView of(byte[] bytes) {
        this.bytes = bytes;
        return this;
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
