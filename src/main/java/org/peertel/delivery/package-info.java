/**
 * delivery: telling receivers about incidents. The changes of each processed day as the outbox keeps them and a
 * webhook receives them ({@link org.peertel.delivery.IncidentChanges}; prefix events' in
 * {@link org.peertel.delivery.EventIncidentChanges}), and after a run, the delivery of what the
 * outbox holds to the receivers the settings name. Uses alert, config, output, routing, store and testhook; job, launch and cli use it.
 * Never prints a receiver's credentials or the webhook's key.
 */
package org.peertel.delivery;
