package org.peertel.routing;

/** The prefix events of the peering service's catalogue that public route collectors can show, in file order. */
public enum EventType {
    /** The registered prefix itself held with an origin that is not allowed. */
    ORIGIN_CHANGE("PrefixOriginAsChangeEvent", "Critical"),
    /** An unregistered more-specific of the registered prefix held with an origin that is not allowed. */
    MORE_SPECIFIC("PrefixMoreSpecificOriginAsEvent", "Critical"),
    /** Fewer peers than the visibility threshold hold the registered prefix, after at least that many did. */
    WITHDRAWAL("PrefixWithdrawalEvent", "Warning"),
    /** The registered prefix, or a new more-specific of it, held by enough peers with an allowed origin. */
    ANNOUNCEMENT("PrefixAnnouncementEvent", "Information"),
    /** The registered prefix at the day's end: its peers, origins and most common path. */
    ACTIVE_PATH("PrefixActivePath", "Information");

    private final String label;
    private final String level;

    EventType(String label, String level) {
        this.label = label;
        this.level = level;
    }

    /** The catalogue's name, as {@code event_type} has it. */
    public String label() {
        return label;
    }

    /** Critical, Warning or Information. */
    public String level() {
        return level;
    }

    /** Critical and Warning events are incidents the alert receivers are told about; Information ones are not. */
    public boolean isIncident() {
        return isIncidentLevel(level);
    }

    /** Whether events of {@code level} (as {@code prefix_events.level} has it) are incidents. */
    public static boolean isIncidentLevel(String level) {
        return !level.equals("Information");
    }
}
