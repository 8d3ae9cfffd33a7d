package org.peertel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MillisTest {

    @Test
    void roundsHalfUpToThreeDecimals() {
        assertEquals("1.000", Millis.format(new BigDecimal("1")));
        assertEquals("1.235", Millis.format(new BigDecimal("1.2345")));
        assertEquals("1.234", Millis.format(new BigDecimal("1.234499")));
        assertEquals("60000.000", Millis.format(new BigDecimal("60000")));
    }

    @Test
    void roundsDoublesFromTheirExactBinaryValue() {
        // 0.0005 as a double is 0.000500000000000000010408..., so it rounds up; 1.0005 is 1.000499999999999989...
        assertEquals("0.001", Millis.format(0.0005));
        assertEquals("1.000", Millis.format(1.0005));
        assertEquals("8.969", Millis.format(8.968749999999998));
    }

    @Test
    void noValueIsEmpty() {
        assertEquals("", Millis.format((Double) null));
        assertEquals("", Millis.format(Double.NaN));
        assertEquals("", Millis.format((BigDecimal) null));
    }
}
