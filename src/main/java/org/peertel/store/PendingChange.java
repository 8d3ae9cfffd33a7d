package org.peertel.store;

import java.time.Instant;

/** An outbox change a receiver has not acknowledged in its current content, with when it was recorded. */
public record PendingChange(OutboxChange change, Instant recordedAt) {}
