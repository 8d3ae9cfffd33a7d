/**
 * ingest: reading a day's latency files into measurements and rejects (the byte-level fast lane and the reference
 * chain), the input rules, bad files, the day's manifest and when a day's input is ready to be processed
 * ({@link org.peertel.ingest.InputReadiness}). Uses prefix and geo; writes nothing.
 */
package org.peertel.ingest;
