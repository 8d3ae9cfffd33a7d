/**
 * schedule: which days are due (nightly, catch-up, late data), the passes of {@code peertel schedule} and the
 * retries of the days whose input is not ready yet (ingest's {@code InputReadiness} says which). Runs
 * days through launch, which also tells which days completed; compares each completed day's folder with the
 * manifest store recorded for it (late data); describes what it ran through history. Also uses config, registry
 * (the registry a pass checks), ingest (the folders' manifests) and job (its parameters); writes no output itself.
 */
package org.peertel.schedule;
