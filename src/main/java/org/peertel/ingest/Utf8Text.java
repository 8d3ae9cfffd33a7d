package org.peertel.ingest;

/**
 * The text rules the reader shares: how decoded text maps back to bytes of the file, and which characters make a
 * record {@link RejectReason#BAD_ENCODING}. {@link Utf8Reader} turns each invalid byte into an escape, the lone low
 * surrogate {@code U+DC00 + byte} (bytes 0x80..0xFF, so U+DC80..U+DCFF); a surrogate that follows a high surrogate
 * is the second half of a valid pair, never an escape.
 */
final class Utf8Text {

    /** What an invalid byte and a NUL become in the rejects file. */
    static final char REPLACEMENT = '\uFFFD';

    private Utf8Text() {}

    /** The escape of an invalid byte. */
    static char escape(byte invalid) {
        return (char) (0xDC00 | (invalid & 0xFF));
    }

    /**
     * How many bytes of the file {@code c} stands for, given the character before it: 1 for ASCII and for an
     * escape, 2 for U+0080..U+07FF and for each half of a surrogate pair (4 for the pair), 3 otherwise.
     */
    static int bytes(char c, char previous) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isHighSurrogate(c)) {
            return 2;
        }
        if (Character.isLowSurrogate(c)) {
            return Character.isHighSurrogate(previous) ? 2 : 1;
        }
        return 3;
    }

    /** The number of bytes of text[from, to) in the file; {@code previous} is the character before {@code from}. */
    static long bytes(CharSequence text, int from, int to, char previous) {
        long total = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            total += bytes(c, previous);
            previous = c;
        }
        return total;
    }

    /** True when {@code text} holds an invalid byte (an escape) or a NUL: the record is {@code bad_encoding}. */
    static boolean hasInvalidByteOrNul(CharSequence text) {
        char previous = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == 0 || isEscape(c, previous)) {
                return true;
            }
            previous = c;
        }
        return false;
    }

    /** {@code text} with every invalid byte (escape) and every NUL replaced by U+FFFD, for the rejects file. */
    static String replaceInvalidBytesAndNul(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        char previous = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            clean.append(c == 0 || isEscape(c, previous) ? REPLACEMENT : c);
            previous = c;
        }
        return clean.toString();
    }

    private static boolean isEscape(char c, char previous) {
        return Character.isLowSurrogate(c) && !Character.isHighSurrogate(previous);
    }
}
