package org.peertel.remote;

/**
 * Which part of a remote run a process plays, as the Spring property {@value #PROPERTY}: {@code manager}
 * ({@code run --workers remote}) or {@code worker} ({@code peertel worker}); unset in one process.
 */
public enum RemoteRole {
    MANAGER,
    WORKER;

    public static final String PROPERTY = "peertel.remote.role";

    /** The worker step that reads a partition of input files; also the prefix of its step executions' names. */
    public static final String ATTRIBUTE_PARTITION = "attributePartition";

    /** The worker step that aggregates a bucket of connections. */
    public static final String AGGREGATE_PARTITION = "aggregatePartition";

    /** The property's value. */
    public String property() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
