/**
 * monitor: what an unattended installation leaves for its operators and their monitoring: appends each attempt's
 * line to the attempt log ({@link org.peertel.monitor.AttemptLogWriter}, whose format history declares) and writes
 * the metrics file for node_exporter's textfile collector ({@link org.peertel.monitor.MetricsFile}). Reads the job
 * repository through launch and history, writes through output; runs no job and takes no run lock of its own.
 */
package org.peertel.monitor;
