package org.peertel.job;

/**
 * Why a job execution was started: the non-identifying job parameter {@code reason}. {@code run} passes
 * {@link #MANUAL}; the scheduler passes the others. A restart of a failed execution keeps the parameters (and so
 * the reason) of the execution it restarts, so the reason of the invocation that restarted it is recorded in the
 * execution context instead (see {@link ExecutionRecord}).
 */
public enum RunReason {
    MANUAL("manual", "manual"),
    NIGHTLY("nightly", "nightly"),
    CATCH_UP("catch-up", "catch-up"),
    LATE_DATA("late-data", "late data");

    private final String code;
    private final String label;

    RunReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The parameter value: manual, nightly, catch-up or late-data. */
    public String code() {
        return code;
    }

    /** How history and summaries show it: manual, nightly, catch-up or late data. */
    public String label() {
        return label;
    }

    /** The reason for a parameter value; null, empty or unknown (an execution older than the parameter) is manual. */
    public static RunReason ofCode(String code) {
        if (code != null) {
            for (RunReason reason : values()) {
                if (reason.code.equals(code)) {
                    return reason;
                }
            }
        }
        return MANUAL;
    }
}
