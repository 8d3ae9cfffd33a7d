package org.peertel.alert;

import java.time.LocalDate;

/** The part of a connection's daily aggregate that the alert rules look at. */
public record DailyStats(LocalDate date, String connectionId, long samples, double medianMs, double p95Ms) {}
