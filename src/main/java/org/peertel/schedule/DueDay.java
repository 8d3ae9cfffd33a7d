package org.peertel.schedule;

import java.time.LocalDate;
import org.peertel.job.RunReason;

/** A day the scheduler will process, and why (for late data, which files changed). */
record DueDay(LocalDate day, RunReason reason, String why) {}
