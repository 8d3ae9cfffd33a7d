package org.peertel.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small CSV writer for spool files, straight to bytes: numbers are written digit by digit, text is written
 * quoted (a quote doubled) only where it may hold a comma, quote or line break. No per-field objects. DuckDB reads
 * the result back with the options of {@code DaySpool#READ_OPTIONS}: {@code \N} is NULL, a quoted empty string is
 * an empty string.
 */
final class SpoolCsvOut implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final byte[] NULL = {'\\', 'N'};

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final byte[] digits = new byte[20];
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
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        ensure(n);
        while (n > 0) {
            buffer[used++] = digits[--n];
        }
        return this;
    }

    /** An unscaled value with 6 decimals, e.g. 12345678 → {@code 12.345678}. */
    SpoolCsvOut micros(long unscaled) throws IOException {
        number(unscaled / 1_000_000);
        put((byte) '.');
        long fraction = Math.abs(unscaled % 1_000_000);
        for (long unit = 100_000; unit > 0; unit /= 10) {
            put((byte) ('0' + fraction / unit % 10));
        }
        return this;
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
