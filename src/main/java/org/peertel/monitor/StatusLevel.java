package org.peertel.monitor;

/**
 * How {@code peertel status} rates a nightly installation, with the exit codes of the monitoring-plugin convention
 * (Nagios, Icinga, Sensu, Zabbix's and Prometheus's script exporters), not those of the other commands.
 */
public enum StatusLevel {
    /** Every day due is done and nothing waits. */
    OK(0),
    /** Someone should look, nothing is lost yet: late data pending, a day waiting within its grace time, a stop. */
    WARNING(1),
    /** The last attempt failed, or a day is missing past its due time plus the grace time. */
    CRITICAL(2),
    /** The settings, the attempt log or the job repository could not be read: the state is not known. */
    UNKNOWN(3);

    private final int exitCode;

    StatusLevel(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The worse of the two. */
    StatusLevel worst(StatusLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
