/**
 * history: the telemetry job's executions as {@code history} and run summaries show them, read from the job
 * repository only (never DuckDB or the output files). Uses job for what an execution records; starts nothing.
 */
package org.peertel.history;
