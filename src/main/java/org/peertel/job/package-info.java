/**
 * job: the Spring Batch telemetry job, its wiring, steps (tasklets) and the state of the execution in progress, and
 * what an execution records about itself. Uses the components below it (config, registry, ingest, attribution, store,
 * alert, report); must not start a Spring context, take the run lock or know the command line (launch and cli do).
 */
package org.peertel.job;
