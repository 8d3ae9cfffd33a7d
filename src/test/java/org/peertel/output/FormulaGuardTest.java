package org.peertel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OWASP CSV injection: the text cells a spreadsheet would run as a formula, and how they come out in a CSV line. */
class FormulaGuardTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                // value, the cell's text, the CSV field
                Arguments.of(
                        "=HYPERLINK(\"http://x\",\"y\")",
                        "'=HYPERLINK(\"http://x\",\"y\")",
                        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
                Arguments.of("=1+1", "'=1+1", "'=1+1"),
                Arguments.of("+1", "'+1", "'+1"),
                Arguments.of("-2", "'-2", "'-2"),
                Arguments.of("-", "'-", "'-"),
                Arguments.of("@SUM(A1)", "'@SUM(A1)", "'@SUM(A1)"),
                Arguments.of("\tx", "'\tx", "'\tx"),
                Arguments.of("\rx", "'\rx", "\"'\rx\""),
                Arguments.of("\0x", "'\0x", "'\0x"),
                Arguments.of("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
                Arguments.of("-1,5", "'-1,5", "\"'-1,5\""),
                // harmless: left as they are
                Arguments.of("ACME New York", "ACME New York", "ACME New York"),
                Arguments.of("a=b", "a=b", "a=b"),
                Arguments.of(" =1", " =1", " =1"),
                Arguments.of("'=1", "'=1", "'=1"),
                Arguments.of("O'Brien", "O'Brien", "O'Brien"),
                Arguments.of("x-1", "x-1", "x-1"),
                Arguments.of("", "", ""),
                Arguments.of("\nx", "\nx", "\"\nx\""));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cells")
    void aCellThatStartsLikeAFormulaGetsALeadingQuote(String value, String cell, String field) {
        assertEquals(cell, FormulaGuard.text(value));
        assertEquals(field + "\n", CsvLine.of(FormulaGuard.text(value)));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cells")
    void guardingTwiceChangesNothingMore(String value, String cell, String field) {
        assertEquals(cell, FormulaGuard.text(FormulaGuard.text(value)));
    }

    @Test
    void nullStaysAnEmptyCellAndNumbersAreNotItsBusiness() {
        assertEquals(null, FormulaGuard.text(null));
        assertEquals("-2.500,'-x\n", CsvLine.of(Millis.format(-2.5), FormulaGuard.text("-x")));
    }
}
