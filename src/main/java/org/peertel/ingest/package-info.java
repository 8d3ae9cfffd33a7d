/**
 * ingest: reading a day's latency files into measurements and rejects (the byte-level fast lane and the reference
 * chain), the input rules, bad files and the day's manifest. Uses prefix and geo; writes nothing.
 */
package org.peertel.ingest;
