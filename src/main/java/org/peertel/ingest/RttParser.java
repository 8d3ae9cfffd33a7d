package org.peertel.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Parser for rtt_ms: a plain decimal {@code DIGITS[.DIGITS]} (no sign, no exponent), kept exactly. */
final class RttParser {

    /** At most this many decimals are kept; more are rounded half-up. */
    static final int MAX_SCALE = 6;
    private static final BigDecimal MAX_RTT_MS = BigDecimal.valueOf(60_000);
    private static final int MAX_LONG_DIGITS = 18;

    private RttParser() {
    }

    /**
     * The decimal in text[from, to), rounded half-up to {@link #MAX_SCALE} decimals when it has more, or null when
     * the text is not a plain decimal.
     */
    static BigDecimal parse(CharSequence text, int from, int to) {
        long unscaled = 0;
        int position = from;
        while (position < to && isDigit(text.charAt(position))) {
            unscaled = unscaled * 10 + (text.charAt(position) - '0');
            position++;
        }
        int integerDigits = position - from;
        if (integerDigits == 0) {
            return null;
        }
        int scale = 0;
        if (position < to) {
            if (text.charAt(position) != '.') {
                return null;
            }
            int fractionStart = ++position;
            while (position < to && isDigit(text.charAt(position))) {
                unscaled = unscaled * 10 + (text.charAt(position) - '0');
                position++;
            }
            scale = position - fractionStart;
            if (scale == 0 || position < to) {
                return null;
            }
        }
        BigDecimal value = integerDigits + scale <= MAX_LONG_DIGITS
                ? BigDecimal.valueOf(unscaled, scale)
                : new BigDecimal(text.subSequence(from, to).toString());
        return scale > MAX_SCALE ? value.setScale(MAX_SCALE, RoundingMode.HALF_UP) : value;
    }

    /** True when 0 &lt; rtt &lt;= 60000. */
    static boolean inRange(BigDecimal rtt) {
        return rtt.signum() > 0 && rtt.compareTo(MAX_RTT_MS) <= 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
