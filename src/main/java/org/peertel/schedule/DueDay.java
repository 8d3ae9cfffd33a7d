package org.peertel.schedule;

import java.time.LocalDate;
import org.peertel.job.RunReason;

/**
 * A day the scheduler will process, and why (for late data, which files changed). A day whose input is not ready
 * yet stays due: the pass hands it back as waiting, and a retry processes it with the same reason once it is ready.
 */
public record DueDay(LocalDate day, RunReason reason, String why) {}
