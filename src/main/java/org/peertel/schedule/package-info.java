/**
 * schedule: which days are due (nightly, catch-up, late data) and the passes of {@code peertel schedule}. Runs
 * days through launch and reads what ran through history; writes no output itself.
 */
package org.peertel.schedule;
