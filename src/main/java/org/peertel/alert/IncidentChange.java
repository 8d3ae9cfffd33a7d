package org.peertel.alert;

/** What happened to an incident on a day, as receivers are told (lower case in their documents). */
public enum IncidentChange {
    /** The rule fired for a connection with no open incident of that rule. */
    OPENED,
    /** It fired again, at the same or a lower severity. */
    CONTINUING,
    /** It fired again at a higher severity (WARNING to CRITICAL): still the same incident. */
    ESCALATED,
    /** The rule was judged and did not fire, or the connection left the registry. */
    RESOLVED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
