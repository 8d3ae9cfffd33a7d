/**
 * attribution: which connection owns a measurement (longest-prefix match, then the connection's location). Uses
 * prefix, registry and geo; knows nothing of files, DuckDB or the job.
 */
package org.peertel.attribution;
