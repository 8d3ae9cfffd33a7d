package org.peertel.bgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.peertel.bgp.MrtBytes.concat;
import static org.peertel.bgp.MrtBytes.segment;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The AS path column: segment types and their brackets, 2- and 4-byte ASNs, malformed paths. */
class BgpAsPathTest {

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("a sequence", 2, segment(AsPath.AS_SEQUENCE, 2, 3356, 1299), "3356 1299"),
                Arguments.of(
                        "an AS_SET at the end",
                        2,
                        concat(segment(AsPath.AS_SEQUENCE, 2, 1, 2), segment(AsPath.AS_SET, 2, 3, 4)),
                        "1 2 {3,4}"),
                Arguments.of(
                        "an AS_SET before a sequence",
                        2,
                        concat(segment(AsPath.AS_SET, 2, 3, 4), segment(AsPath.AS_SEQUENCE, 2, 5)),
                        "{3,4} 5"),
                Arguments.of(
                        "confederation segments",
                        4,
                        concat(
                                segment(AsPath.AS_CONFED_SEQUENCE, 4, 65001, 65002),
                                segment(AsPath.AS_SEQUENCE, 4, 3),
                                segment(AsPath.AS_CONFED_SET, 4, 7, 8)),
                        "(65001 65002) 3 [7,8]"),
                Arguments.of("a 4-byte ASN", 4, segment(AsPath.AS_SEQUENCE, 4, 4200000000L), "4200000000"),
                Arguments.of("an empty path", 4, new byte[0], ""),
                Arguments.of(
                        "an unknown segment type",
                        2,
                        concat(segment(AsPath.AS_SEQUENCE, 2, 1), segment(9, 2, 2)),
                        AsPath.ERROR_TEXT),
                Arguments.of("a segment longer than its bytes", 2, new byte[] {2, 3, 0, 1}, AsPath.ERROR_TEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void writesBgpdumpText(String description, int asnBytes, byte[] attribute, String expected) {
        assertEquals(expected, AsPath.read(new ByteCursor(attribute), asnBytes).text());
    }

    static Stream<Arguments> merges() {
        return Stream.of(
                Arguments.of(
                        "AS4_PATH covers the tail",
                        segment(AsPath.AS_SEQUENCE, 2, 3333, 23456, 23456, 1000),
                        segment(AsPath.AS_SEQUENCE, 4, 196608, 196609, 1000),
                        "3333 196608 196609 1000"),
                Arguments.of(
                        "an AS_SET counts as one hop",
                        concat(segment(AsPath.AS_SEQUENCE, 2, 3333, 23456), segment(AsPath.AS_SET, 2, 1, 2)),
                        concat(segment(AsPath.AS_SEQUENCE, 4, 196608), segment(AsPath.AS_SET, 4, 1, 2)),
                        "3333 196608 {1,2}"),
                Arguments.of(
                        "a longer AS4_PATH is ignored",
                        segment(AsPath.AS_SEQUENCE, 2, 23456),
                        segment(AsPath.AS_SEQUENCE, 4, 196608, 1000),
                        "23456"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void restoresFourByteAsns(String description, byte[] asPath, byte[] as4Path, String expected) {
        AsPath merged = AsPath.read(new ByteCursor(asPath), 2).mergedWith(AsPath.read(new ByteCursor(as4Path), 4));
        assertEquals(expected, merged.text());
    }
}
