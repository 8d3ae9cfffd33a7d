package org.peertel.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats milliseconds for every output: exactly 3 decimals, rounded half-up from the exact value. */
public final class Millis {

    private Millis() {}

    /** Text of a double (from its exact binary value), or "" for null / NaN. */
    public static String format(Double value) {
        if (value == null || value.isNaN()) {
            return "";
        }
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** Text of an exact decimal, or "" for null. */
    public static String format(BigDecimal value) {
        return value == null ? "" : value.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
