/**
 * history: what ran and what did not, as {@code history}, run summaries and the metrics show it: the telemetry
 * job's executions read from the job repository only (never DuckDB or the output files), and the attempt log beside
 * the DuckDB file (its line format, both ways, and reading it). Uses job for what an execution records; starts
 * nothing and writes nothing.
 */
package org.peertel.history;
