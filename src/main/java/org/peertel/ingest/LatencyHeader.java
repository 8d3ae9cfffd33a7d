package org.peertel.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column layout of a latency file, from its header: the first non-blank record. Names are compared after
 * trimming characters up to U+0020 and folding ASCII letters to lower case; columns other than the required ones
 * are ignored. A header that cannot be trusted refuses the whole file ({@link BadFileReason#BAD_HEADER}): a
 * required column missing, a non-empty name given twice, an invalid UTF-8 byte or a NUL, a record longer than the
 * limit, or a quoted field never closed.
 */
final class LatencyHeader {

    static final String TIMESTAMP = "timestamp";
    static final String CLIENT_IP = "client_ip";
    static final String COUNTRY = "country";
    static final String STATE = "state";
    static final String EDGE_POP = "edge_pop";
    static final String RTT_MS = "rtt_ms";
    static final List<String> REQUIRED = List.of(TIMESTAMP, CLIENT_IP, COUNTRY, STATE, EDGE_POP, RTT_MS);

    final int fieldCount;
    final int timestamp;
    final int clientIp;
    final int country;
    final int state;
    final int edgePop;
    final int rttMs;

    private LatencyHeader(Map<String, Integer> columns, int fieldCount) {
        this.fieldCount = fieldCount;
        timestamp = columns.get(TIMESTAMP);
        clientIp = columns.get(CLIENT_IP);
        country = columns.get(COUNTRY);
        state = columns.get(STATE);
        edgePop = columns.get(EDGE_POP);
        rttMs = columns.get(RTT_MS);
    }

    /**
     * The layout described by {@code header}.
     *
     * @throws InputFileProblem ({@link BadFileReason#BAD_HEADER}) when it is not a usable header
     */
    static LatencyHeader of(CsvRecord header, int maxRecordBytes) throws InputFileProblem {
        String where = "line " + header.line() + ": the header ";
        if (header.badEncoding()) {
            throw badHeader(where + "is not valid UTF-8 or holds a NUL byte");
        }
        if (header.shape() == CsvRecord.Shape.TOO_LONG) {
            throw badHeader(where + "is longer than ingest.max-record-bytes (" + maxRecordBytes + " bytes)");
        }
        if (header.shape() == CsvRecord.Shape.UNBALANCED_QUOTES) {
            throw badHeader(where + "has a quoted field that is never closed");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fieldCount(); i++) {
            String name = asciiLowerCase(header.value(i));
            Integer earlier = columns.putIfAbsent(name, i);
            if (earlier != null && !name.isEmpty()) {
                throw badHeader(where + "names the column '" + name + "' twice (columns " + (earlier + 1) + " and "
                        + (i + 1) + ")");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw badHeader(where + "lacks the required column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " (it needs " + String.join(",", REQUIRED)
                    + ", in any order)");
        }
        return new LatencyHeader(columns, header.fieldCount());
    }

    private static InputFileProblem badHeader(String detail) {
        return new InputFileProblem(BadFileReason.BAD_HEADER, detail);
    }

    /** A-Z folded to a-z, nothing else: the same on every platform and in every locale. */
    static String asciiLowerCase(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return chars == null ? text : new String(chars);
    }
}
