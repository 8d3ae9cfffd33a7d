package org.peertel.store;

import java.time.LocalDate;

/**
 * A state change of an incident as the outbox keeps it.
 *
 * @param key     {@code <incident_id>/<change>/<day>}: a receiver drops a key it has seen
 * @param change  opened, continuing, escalated or resolved
 * @param content the change as receivers get it (a JSON object)
 */
public record OutboxChange(String key, LocalDate day, String change, String content) {}
