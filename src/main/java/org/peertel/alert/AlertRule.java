package org.peertel.alert;

/** The rules, in the order their alerts are listed for one connection. */
public enum AlertRule {
    HIGH_MEDIAN,
    HIGH_P95,
    REGRESSION,
    NO_DATA
}
