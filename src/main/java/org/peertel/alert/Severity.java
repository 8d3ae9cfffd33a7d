package org.peertel.alert;

public enum Severity {
    WARNING,
    CRITICAL
}
