package org.peertel.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails with {@link BadFileReason#TOO_LARGE} as soon as more than {@code maxBytes} bytes have come through: the
 * defence against decompression bombs (a small {@code .gz} that inflates to gigabytes) and runaway files. Reading
 * stops there, so neither time nor memory depends on what follows.
 */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long count;

    SizeLimitedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // never ask for more than one byte past the limit, so that a bomb is cut short right there
        long room = maxBytes - count; // >= 0: count never stays above maxBytes
        int n = super.read(buffer, offset, room < length ? (int) room + 1 : length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws InputFileProblem {
        count += n;
        if (count > maxBytes) {
            throw new InputFileProblem(
                    BadFileReason.TOO_LARGE,
                    "more than " + maxBytes
                            + " bytes of content (ingest.max-file-bytes; the decompressed size for .gz files)");
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }
}
