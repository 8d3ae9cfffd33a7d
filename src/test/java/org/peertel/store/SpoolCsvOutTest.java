package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The spool's number writing gives the same text as the JDK, over digit-count borders and random values. */
class SpoolCsvOutTest {

    @Test
    void numbersAreWrittenAsLongToStringWrites() throws IOException {
        List<Long> values = edgeValues();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpoolCsvOut out = new SpoolCsvOut(bytes)) {
            for (long value : values) {
                out.number(value).endRow();
            }
        }
        StringBuilder expected = new StringBuilder();
        values.forEach(value -> expected.append(value).append('\n'));
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void microsHaveSixDecimals() throws IOException {
        List<Long> values = new ArrayList<>(edgeValues());
        values.removeIf(value -> value < 0 || value > Long.MAX_VALUE / 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpoolCsvOut out = new SpoolCsvOut(bytes)) {
            for (long value : values) {
                out.micros(value).number(7).endRow();
            }
        }
        StringBuilder expected = new StringBuilder();
        values.forEach(value -> expected.append(value / 1_000_000)
                .append('.')
                .append(String.format("%06d", value % 1_000_000))
                .append(",7\n"));
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    /** 0, every power of ten and its neighbours, the largest long, negatives, and random values of every size. */
    private static List<Long> edgeValues() {
        List<Long> values = new ArrayList<>(List.of(0L, Long.MAX_VALUE, -1L, -10L, -1_794_787_200_000_000L));
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10 * 10; power *= 10) {
            values.addAll(List.of(power - 1, power, power + 1));
            if (power > Long.MAX_VALUE / 10) {
                break;
            }
        }
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextLong(1L << random.nextInt(1, 63)));
        }
        return values;
    }
}
