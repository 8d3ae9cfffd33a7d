package org.peertel.delivery;

/**
 * How a receiver answered one post: acknowledged (2xx), refused (a 4xx other than 408 and 429: the same body would be
 * refused again, so it is not retried), or unavailable (no connection, a timeout, 5xx, 408, 429: worth retrying).
 */
record Answer(Kind kind, String text) {

    enum Kind {
        ACKNOWLEDGED,
        REFUSED,
        UNAVAILABLE
    }

    static Answer ofStatus(int status, String body) {
        String text = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + shortened(body));
        if (status >= 200 && status < 300) {
            return new Answer(Kind.ACKNOWLEDGED, text);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Answer(Kind.REFUSED, text);
        }
        return new Answer(Kind.UNAVAILABLE, text);
    }

    static Answer unavailable(String why) {
        return new Answer(Kind.UNAVAILABLE, why);
    }

    /** The start of a body, on one line: enough to see why, never a whole page. */
    private static String shortened(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
