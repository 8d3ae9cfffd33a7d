package org.peertel.ingest;

import java.io.IOException;

/**
 * Raised inside the reading stack (gzip, size limit, header) when a file must be refused as a whole; it travels
 * as an IOException through the stream layers and becomes a {@link BadInputFileException} at the file reader.
 */
final class InputFileProblem extends IOException {

    private static final long serialVersionUID = 1L;

    private final BadFileReason reason;

    /** @param detail what is wrong, without the file name, e.g. "the gzip data ends at byte 2291, ..." */
    InputFileProblem(BadFileReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    BadFileReason reason() {
        return reason;
    }
}
