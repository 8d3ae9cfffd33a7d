package org.peertel.sample;

/**
 * A connection of the scale scenario together with the pre-encoded text of its measuring clients.
 *
 * @param registry          the connections.csv row
 * @param clients           {@code client_ip,country,state} texts (ASCII) of clients attributed to this connection
 * @param mismatchClient    a {@code client_ip,country,state} text inside this connection's own prefix but at a
 *                          location no connection registered, so it becomes location_mismatch
 * @param medianMs          typical median rtt
 * @param regresses         true when the median jumps {@link ScaleScenario#REGRESSION_FACTOR}x for the last two
 *                          days of a run of four or more days
 */
record ScaleSite(SampleConnection registry, byte[][] clients, byte[] mismatchClient, double medianMs,
                 boolean regresses) {
}
