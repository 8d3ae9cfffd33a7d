package org.peertel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvLineTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain fields", new String[] {"a", "b"}, "a,b\n"),
                Arguments.of("empty first field is not quoted", new String[] {"", "x"}, ",x\n"),
                Arguments.of("null is an empty field", new String[] {"a", null}, "a,\n"),
                Arguments.of("comma quotes", new String[] {"a,b"}, "\"a,b\"\n"),
                Arguments.of("quote is doubled", new String[] {"say \"hi\""}, "\"say \"\"hi\"\"\"\n"),
                Arguments.of("line break quotes", new String[] {"x\ny"}, "\"x\ny\"\n"),
                Arguments.of("carriage return quotes", new String[] {"x\ry"}, "\"x\ry\"\n"),
                Arguments.of("leading hash and spaces stay bare", new String[] {"#x", " y "}, "#x, y \n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void formatsOneRecord(String description, String[] fields, String expected) {
        assertEquals(expected, CsvLine.of(Arrays.asList(fields)));
    }
}
