package org.peertel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict UTF-8 reader that hands out every character decoded before a failure and reports the failure (invalid
 * UTF-8 or an I/O error of the byte stream) only on the following read. {@link java.io.InputStreamReader} may
 * drop the characters it decoded in the same call, which would lose the rows just before the failure.
 */
final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
    private long bytesRead;
    private boolean endOfInput;
    private IOException failure;

    Utf8Reader(InputStream in, int bufferBytes) {
        this.in = in;
        this.bytes = ByteBuffer.allocate(bufferBytes);
        this.bytes.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            int produced = out.position() - offset;
            if (failure != null) {
                if (produced > 0) {
                    return produced;
                }
                throw failure;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            produced = out.position() - offset;
            if (result.isOverflow()) {
                return produced;
            }
            if (result.isError()) {
                failure = new InvalidUtf8Exception("invalid UTF-8 at byte " + (bytesRead - bytes.remaining()));
                continue;
            }
            if (endOfInput) {
                return produced > 0 ? produced : -1;
            }
            if (produced > 0) {
                return produced;
            }
            fill();
        }
    }

    private void fill() {
        bytes.compact();
        try {
            int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (count < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + count);
                bytesRead += count;
            }
        } catch (IOException readFailure) {
            failure = readFailure;
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Text that is not valid UTF-8; the message gives the byte offset in the (decompressed) file. */
    static final class InvalidUtf8Exception extends CharacterCodingException {

        private static final long serialVersionUID = 1L;

        private final String message;

        InvalidUtf8Exception(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
