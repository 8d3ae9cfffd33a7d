package org.peertel.store;

/** A database operation that failed; the message says what was being attempted and on which file. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
