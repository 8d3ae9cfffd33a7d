package org.peertel.sample;

import java.util.List;
import org.peertel.prefix.Prefix;

/**
 * A connection of the scale scenario and what its measurements look like.
 *
 * @param registry  the connections.csv row
 * @param prefixes  its registered prefixes, in the row's order
 * @param location  the ASCII text {@code ,country,state} its clients write after the client IP
 * @param medianMs  typical median rtt
 * @param regresses true when the median jumps {@link ScaleScenario#REGRESSION_FACTOR}x for the last two days of a
 *                  run of four or more days
 */
record ScaleSite(
        SampleConnection registry, List<Prefix> prefixes, byte[] location, double medianMs, boolean regresses) {}
