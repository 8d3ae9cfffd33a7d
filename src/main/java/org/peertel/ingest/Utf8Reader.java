package org.peertel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 reader that never fails on bad bytes and never loses characters before an I/O failure.
 * <ul>
 * <li>Decoding from the start, a byte that does not begin a well-formed UTF-8 sequence (RFC 3629: shortest form,
 * no surrogates, at most U+10FFFF) is invalid; it comes out as the lone low surrogate {@code U+DC00 + byte} (an
 * "escape", like Python's surrogateescape) and decoding resumes at the next byte. Valid UTF-8 never decodes to a
 * lone surrogate, so {@link Utf8Text} can tell the escapes apart, count them as one byte each and reject the
 * records that hold them.</li>
 * <li>An I/O failure of the byte stream (for example truncated gzip data) is reported only on the read after the
 * characters decoded before it were handed out. {@link java.io.InputStreamReader} may drop the characters it
 * decoded in the same call.</li>
 * </ul>
 */
final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
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
                if (!out.hasRemaining()) {
                    return produced; // the next call meets the same byte again
                }
                out.put(Utf8Text.escape(bytes.get())); // one invalid byte; decoding resumes after it
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

    /** True while bytes read from the stream, or a read failure, are waiting to be handed out. */
    boolean holdsUnreadInput() {
        return bytes.hasRemaining() || failure != null;
    }

    private void fill() {
        bytes.compact();
        try {
            int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (count < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + count);
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
}
