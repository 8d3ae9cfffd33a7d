package org.peertel.ingest;

import java.io.IOException;
import java.io.InputStream;

/** {@link InputStream#read()} for the streams of this package, which do their work in the block read only. */
final class SingleByteRead {

    private SingleByteRead() {}

    /** One byte read through {@code in}'s block read: 0-255, or -1 at the end. */
    static int of(InputStream in) throws IOException {
        byte[] one = new byte[1];
        int n = in.read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }
}
