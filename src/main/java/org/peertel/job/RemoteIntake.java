package org.peertel.job;

import org.springframework.batch.core.step.Step;

/**
 * The steps that take attributeStep's place when remote workers run the day ({@code run --workers remote}):
 * attributeStep partitioned by input files, collectStep (the manager completes the shared spool), aggregateStep
 * partitioned by buckets of connections. publishStep then loads the spool and the buckets' aggregates as usual.
 */
public record RemoteIntake(Step attributeStep, Step collectStep, Step aggregateStep) {}
