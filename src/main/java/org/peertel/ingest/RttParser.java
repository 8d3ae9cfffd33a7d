package org.peertel.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Parser for rtt_ms: a plain decimal {@code DIGITS[.DIGITS]} (no sign, no exponent), kept exactly up to 6 decimals;
 * more are rounded half-up.
 *
 * <p>The static {@link #parse} gives a {@link BigDecimal}; an instance ({@link #read}) gives the digits as a
 * {@code long} and a scale without allocating, for the byte-level fast lane, which runs this very code so that it
 * accepts exactly what {@link #parse} accepts.
 */
final class RttParser {

    /** At most this many decimals are kept; more are rounded half-up. */
    static final int MAX_SCALE = 6;

    private static final BigDecimal MAX_RTT_MS = BigDecimal.valueOf(60_000);
    /** By scale: the largest unscaled value in range, 60000 with that many decimals. */
    private static final long[] MAX_UNSCALED = new long[MAX_SCALE + 1];

    static {
        for (int scale = 0; scale <= MAX_SCALE; scale++) {
            MAX_UNSCALED[scale] = MAX_RTT_MS.movePointRight(scale).longValueExact();
        }
    }

    private static final int MAX_LONG_DIGITS = 18;

    private long unscaled;
    private int scale;
    private boolean fitsLong;

    /**
     * The decimal in text[from, to), rounded half-up to {@link #MAX_SCALE} decimals when it has more, or null when
     * the text is not a plain decimal.
     */
    static BigDecimal parse(CharSequence text, int from, int to) {
        RttParser parser = new RttParser();
        if (!parser.read(text, from, to)) {
            return null;
        }
        BigDecimal value = parser.fitsLong
                ? BigDecimal.valueOf(parser.unscaled, parser.scale)
                : new BigDecimal(text.subSequence(from, to).toString());
        return parser.scale > MAX_SCALE ? value.setScale(MAX_SCALE, RoundingMode.HALF_UP) : value;
    }

    /**
     * Reads text[from, to) as written, before any rounding; false when it is not a plain decimal. After true,
     * {@link #unscaled()} and {@link #scale()} hold the value when {@link #fitsLong()}.
     */
    boolean read(CharSequence text, int from, int to) {
        long digits = 0;
        int position = from;
        while (position < to && isDigit(text.charAt(position))) {
            digits = digits * 10 + (text.charAt(position) - '0');
            position++;
        }
        int integerDigits = position - from;
        if (integerDigits == 0) {
            return false;
        }
        int decimals = 0;
        if (position < to) {
            if (text.charAt(position) != '.') {
                return false;
            }
            int fractionStart = ++position;
            while (position < to && isDigit(text.charAt(position))) {
                digits = digits * 10 + (text.charAt(position) - '0');
                position++;
            }
            decimals = position - fractionStart;
            if (decimals == 0 || position < to) {
                return false;
            }
        }
        unscaled = digits;
        scale = decimals;
        fitsLong = integerDigits + decimals <= MAX_LONG_DIGITS;
        return true;
    }

    /** The digits of the decimal last read, without its point (exact only when {@link #fitsLong()}). */
    long unscaled() {
        return unscaled;
    }

    /** The number of decimals of the decimal last read, as written. */
    int scale() {
        return scale;
    }

    /** True when the digits of the decimal last read fit a {@code long} exactly (at most 18 of them). */
    boolean fitsLong() {
        return fitsLong;
    }

    /** True when 0 &lt; rtt &lt;= 60000. */
    static boolean inRange(BigDecimal rtt) {
        return rtt.signum() > 0 && rtt.compareTo(MAX_RTT_MS) <= 0;
    }

    /** {@link #inRange(BigDecimal)} of the decimal {@code unscaled} &times; 10^-{@code scale} (scale 0..MAX_SCALE). */
    static boolean inRange(long unscaled, int scale) {
        return unscaled > 0 && unscaled <= MAX_UNSCALED[scale];
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
