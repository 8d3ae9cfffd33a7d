package org.peertel.ingest;

import java.util.Locale;

/**
 * The column layout of a latency file, from its header record. Names are matched case-insensitively after
 * trimming; when a name appears twice, the first column wins; other columns are ignored.
 */
final class LatencyHeader {

    static final String TIMESTAMP = "timestamp";
    static final String CLIENT_IP = "client_ip";
    static final String COUNTRY = "country";
    static final String STATE = "state";
    static final String EDGE_POP = "edge_pop";
    static final String RTT_MS = "rtt_ms";

    final int fieldCount;
    final int timestamp;
    final int clientIp;
    final int country;
    final int state;
    final int edgePop;
    final int rttMs;

    private LatencyHeader(CsvRecord header) {
        fieldCount = header.fieldCount();
        timestamp = indexOf(header, TIMESTAMP);
        clientIp = indexOf(header, CLIENT_IP);
        country = indexOf(header, COUNTRY);
        state = indexOf(header, STATE);
        edgePop = indexOf(header, EDGE_POP);
        rttMs = indexOf(header, RTT_MS);
    }

    /** The layout described by {@code header}. */
    static LatencyHeader of(CsvRecord header) {
        return new LatencyHeader(header);
    }

    /** True when every required column is present. */
    boolean isComplete() {
        return timestamp >= 0 && clientIp >= 0 && country >= 0 && state >= 0 && edgePop >= 0 && rttMs >= 0;
    }

    private static int indexOf(CsvRecord header, String name) {
        for (int i = 0; i < header.fieldCount(); i++) {
            if (header.value(i).toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
