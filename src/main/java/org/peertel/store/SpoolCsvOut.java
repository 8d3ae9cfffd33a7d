package org.peertel.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small CSV writer for spool files, straight to bytes: numbers are written digit by digit, text is written
 * quoted (a quote doubled) only where it may hold a comma, quote or line break. No per-field objects. DuckDB reads
 * the result back through the macro {@code spool_csv} (spool-csv.sql): {@code \N} is NULL, a quoted empty string is
 * an empty string.
 */
final class SpoolCsvOut implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final byte[] NULL = {'\\', 'N'};
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int used;
    private boolean firstField = true;

    SpoolCsvOut(OutputStream out) {
        this.out = out;
    }

    SpoolCsvOut number(long value) throws IOException {
        separator();
        if (value < 0) {
            put((byte) '-');
            value = -value; // never Long.MIN_VALUE here: lines, times and counts
        }
        int length = digitCount(value);
        ensure(length);
        used += length;
        writeDigits(value, used);
        return this;
    }

    /** An unscaled value with 6 decimals, e.g. 12345678 → {@code 12.345678}. */
    SpoolCsvOut micros(long unscaled) throws IOException {
        number(unscaled / 1_000_000);
        int fraction = (int) Math.abs(unscaled % 1_000_000);
        ensure(7);
        buffer[used] = '.';
        used += 7;
        writePair(fraction % 100, used);
        writePair(fraction / 100 % 100, used - 2);
        writePair(fraction / 10_000, used - 4);
        return this;
    }

    /** The number of decimal digits of {@code value} (at least 1). */
    static int digitCount(long value) {
        int guess = (64 - Long.numberOfLeadingZeros(value | 1)) * 1233 >>> 12; // log10 of the highest bit
        return Math.max(1, guess + (value >= POWERS_OF_TEN[guess] ? 1 : 0));
    }

    /** Writes the digits of {@code value} (not negative) so that they end right before buffer[end]. */
    private void writeDigits(long value, int end) {
        int position = end;
        while (value >= 100_000_000L) { // 8 digits at a time, in int arithmetic
            long rest = value / 100_000_000L;
            int low = (int) (value - rest * 100_000_000L);
            for (int i = 0; i < 4; i++) {
                int pair = low % 100;
                low /= 100;
                writePair(pair, position);
                position -= 2;
            }
            value = rest;
        }
        int v = (int) value;
        while (v >= 100) {
            writePair(v % 100, position);
            v /= 100;
            position -= 2;
        }
        if (v >= 10) {
            writePair(v, position);
        } else {
            buffer[position - 1] = (byte) ('0' + v);
        }
    }

    /** Writes two digits 00..99 so that they end right before buffer[end]. */
    private void writePair(int pair, int end) {
        buffer[end - 2] = (byte) ('0' + pair / 10);
        buffer[end - 1] = (byte) ('0' + pair % 10);
    }

    /** Text known to hold no comma, quote or line break (codes, canonical addresses): written as it is. */
    SpoolCsvOut plain(String text) throws IOException {
        separator();
        if (text.isEmpty()) {
            put((byte) '"');
            put((byte) '"');
            return this;
        }
        writeUtf8(text, false);
        return this;
    }

    /** Any text: always quoted, so an empty string stays an empty string and line breaks stay inside the value. */
    SpoolCsvOut quoted(String text) throws IOException {
        separator();
        put((byte) '"');
        writeUtf8(text, true);
        put((byte) '"');
        return this;
    }

    /** Non-empty ASCII text[from, to) known to hold no comma, quote or line break: written as it is. */
    SpoolCsvOut plainAscii(byte[] text, int from, int to) throws IOException {
        separator();
        putAll(text, from, to);
        return this;
    }

    /** ASCII text[from, to) written as {@link #quoted(String)} writes the same text. */
    SpoolCsvOut quotedAscii(byte[] text, int from, int to) throws IOException {
        separator();
        put((byte) '"');
        int copied = from;
        for (int i = from; i < to; i++) {
            if (text[i] == '"') {
                putAll(text, copied, i + 1);
                copied = i; // the quote again: doubled
            }
        }
        putAll(text, copied, to);
        put((byte) '"');
        return this;
    }

    SpoolCsvOut nullValue() throws IOException {
        separator();
        ensure(2);
        System.arraycopy(NULL, 0, buffer, used, 2);
        used += 2;
        return this;
    }

    void endRow() throws IOException {
        put((byte) '\n');
        firstField = true;
    }

    private void writeUtf8(String text, boolean doubleQuotes) throws IOException {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == '"' && doubleQuotes) {
                    put((byte) '"');
                }
                put((byte) c);
            } else {
                // rare (edge PoP names, raw rejected records): let the JDK encode the rest
                byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
                for (byte b : rest) {
                    if (b == '"' && doubleQuotes) {
                        put((byte) '"');
                    }
                    put(b);
                }
                return;
            }
        }
    }

    private void separator() throws IOException {
        if (!firstField) {
            put((byte) ',');
        }
        firstField = false;
    }

    private void put(byte b) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = b;
    }

    private void putAll(byte[] bytes, int from, int to) throws IOException {
        int length = to - from;
        if (length > buffer.length - used) {
            drain();
            if (length > buffer.length) {
                out.write(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, used, length);
        used += length;
    }

    private void ensure(int bytes) throws IOException {
        if (used + bytes > buffer.length) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            drain();
        }
    }
}
