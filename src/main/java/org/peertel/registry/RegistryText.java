package org.peertel.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The registry file decoded as strict UTF-8 without its BOM, plus the index that maps a character position back
 * to its physical line (CR LF, LF and a lone CR each end one line, as for the CSV parser).
 */
final class RegistryText {

    /** Why the file could not be turned into text, and at which line (0 when the file could not be opened). */
    static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        UnreadableException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private final String text;
    private final int[] lineStarts;

    private RegistryText(String text) {
        this.text = text;
        this.lineStarts = indexLineStarts(text);
    }

    /** Reads and decodes the whole file (a 100k-row registry is a few MB). */
    static RegistryText read(Path file) throws UnreadableException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableException(0, "registry file not found; check the path");
        } catch (IOException | SecurityException e) {
            throw new UnreadableException(
                    0, "cannot read the registry file (" + e + "); check the path and its " + "permissions");
        }
        String text = decodeUtf8(bytes);
        return new RegistryText(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    String text() {
        return text;
    }

    /**
     * The line of the record whose parsing began at {@code position}. The CSV parser reports the position where
     * it started looking, which is before any blank lines it skipped, so those line breaks are stepped over.
     */
    int recordLine(long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\r' || text.charAt(at) == '\n')) {
            at++;
        }
        return lineOf(at);
    }

    /** 1-based line of the character at {@code position}. */
    int lineOf(int position) {
        int found = Arrays.binarySearch(lineStarts, position);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static String decodeUtf8(byte[] bytes) throws UnreadableException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int badByte = in.position();
            throw new UnreadableException(
                    lineOfByte(bytes, badByte),
                    "the registry file is not valid UTF-8 (bad "
                            + "byte 0x" + Integer.toHexString(bytes[badByte] & 0xFF) + " at offset " + badByte
                            + "); save it as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static int[] indexLineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }
}
