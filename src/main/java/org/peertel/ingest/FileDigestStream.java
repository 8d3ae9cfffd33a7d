package org.peertel.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes the stored bytes of a file through while computing their SHA-256 and counting them, so that reading a
 * latency file also gives the checksum {@link DayManifest} records, without a second pass over the file.
 * {@link #finish()} reads whatever the reader above left unread (a bad file stops reading early), so the checksum
 * always covers the whole file.
 */
final class FileDigestStream extends FilterInputStream {

    private final MessageDigest digest;
    private long bytes;
    private boolean failed;

    FileDigestStream(InputStream file) {
        super(file);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        return SingleByteRead.of(this);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException failure) {
            failed = true;
            throw failure;
        }
        if (n > 0) {
            digest.update(buffer, offset, n);
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported: every byte must be hashed");
    }

    /**
     * Reads the rest of the file and returns the lower-case hex SHA-256 of all its bytes, or "" when the file
     * could not be read to its end (as {@link DayManifest} records an unreadable file).
     */
    String finish() {
        if (failed) {
            return "";
        }
        byte[] rest = new byte[1 << 16];
        try {
            while (read(rest, 0, rest.length) >= 0) {
                // hashed by read
            }
        } catch (IOException failure) {
            return "";
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The bytes read so far. */
    long bytes() {
        return bytes;
    }
}
