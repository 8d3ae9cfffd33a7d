package org.peertel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peertel.registry.RegistryCsv.HEADER;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ids become file and folder names ({@code reports/<customer_id>/}), so every id that is not one plain, portable
 * file name is a registry error on its line, with the rule as the fix; both id columns follow the same rule.
 */
class RegistryIdentifierTest {

    static final String RULE =
            "; use 1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit, " + "not ending with '.'";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("../", "contains '/'"),
                Arguments.of("../evil", "contains '/'"),
                Arguments.of("..", "starts with '.' (it names a folder, not a file)"),
                Arguments.of(".", "starts with '.' (it names a folder, not a file)"),
                Arguments.of(".hidden", "starts with '.'"),
                Arguments.of("/etc", "contains '/'"),
                Arguments.of("a/b", "contains '/'"),
                Arguments.of("a\\b", "contains '\\'"),
                Arguments.of("C:\\x", "contains ':'"),
                Arguments.of("\\\\server\\share", "contains '\\'"),
                Arguments.of("-rf", "starts with '-'"),
                Arguments.of("_x", "starts with '_'"),
                Arguments.of("=cmd", "contains '='"),
                Arguments.of("a\u0001b", "contains the invisible character \\u0001"),
                Arguments.of("a\u001b[31m", "contains the invisible character \\u001B"),
                Arguments.of("a\u202eb", "contains the invisible character \\u202E"),
                Arguments.of("a\u00a0b", "contains the invisible character \\u00A0"),
                Arguments.of("acmé", "contains 'é'"),
                Arguments.of("ａｃｍｅ", "contains 'ａ'"),
                Arguments.of("CON", "is a device name reserved on Windows"),
                Arguments.of("con", "is a device name reserved on Windows"),
                Arguments.of("Con.txt", "is a device name reserved on Windows"),
                Arguments.of("nul.tar.gz", "is a device name reserved on Windows"),
                Arguments.of("PRN", "is a device name reserved on Windows"),
                Arguments.of("aux", "is a device name reserved on Windows"),
                Arguments.of("COM0", "is a device name reserved on Windows"),
                Arguments.of("com1", "is a device name reserved on Windows"),
                Arguments.of("COM9.log", "is a device name reserved on Windows"),
                Arguments.of("LPT1", "is a device name reserved on Windows"),
                Arguments.of("lpt9", "is a device name reserved on Windows"),
                Arguments.of("acme.", "ends with '.', which Windows drops from file names"),
                Arguments.of("x".repeat(65), "is 65 characters long"));
    }

    @ParameterizedTest(name = "customer_id \"{0}\"")
    @MethodSource("refused")
    void aCustomerIdThatIsNoPlainFileNameIsAnErrorOnItsLine(String id, String problem, @TempDir Path dir) {
        RegistryLoadResult result = load(dir, "C0,globex,Link,Partner,FR,,203.0.113.0/24\n" + csvRow("C1", id));

        assertThat(result.registry()).isNull();
        assertThat(result.errors()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(3);
            assertThat(issue.message())
                    .startsWith("customer_id '" + FileNameRule.printable(id) + "' " + problem)
                    .endsWith(RULE);
            assertThat(issue.toString()).startsWith(dir.resolve("connections.csv") + ":3: error: customer_id");
        });
    }

    @ParameterizedTest(name = "connection_id \"{0}\"")
    @MethodSource("refused")
    void aConnectionIdThatIsNoPlainFileNameIsAnErrorOnItsLine(String id, String problem, @TempDir Path dir) {
        RegistryLoadResult result = load(dir, csvRow(id, "acme"));

        assertThat(result.errors()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(2);
            assertThat(issue.message())
                    .isEqualTo("connection_id '" + FileNameRule.printable(id) + "' " + problem
                            + (problem.startsWith("is a device")
                                    ? " (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with or without " + "an extension)"
                                    : "")
                            + RULE);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void noRefusedIdHasAPrintedControlCharacter(String id, String problem, @TempDir Path dir) {
        String message = load(dir, csvRow("C1", id)).errors().get(0).toString();

        assertThat(message.codePoints().filter(c -> c < 0x20 || c == 0x7f || c == 0x202e || c == 0xa0))
                .isEmpty();
    }

    static Stream<String> accepted() {
        return Stream.of(
                "acme",
                "a",
                "1",
                "9lives",
                "a.b",
                "acme..x",
                "a_b-c.d",
                "CONSOLE",
                "con-1",
                "con_x",
                "COM10",
                "LPT",
                "nul1",
                "x".repeat(64));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("accepted")
    void plainPortableNamesAreAccepted(String id, @TempDir Path dir) {
        RegistryLoadResult result = load(dir, csvRow(id, id));

        assertThat(result.errors()).isEmpty();
        assertThat(result.registry().customerIds()).containsExactly(id);
        assertThat(result.registry().find(id)).isPresent();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("accepted")
    void fieldsAreTrimmedSoSurroundingSpacesNeverReachAFileName(String id, @TempDir Path dir) {
        RegistryLoadResult result = load(dir, csvRow("C1", "\"  " + id + " \t\""));

        assertThat(result.errors()).isEmpty();
        assertThat(result.registry().customerIds()).containsExactly(id);
    }

    private static String csvRow(String connectionId, String customerId) {
        return String.join(",", quoted(connectionId), quoted(customerId), "Link", "Partner", "DE", "", "192.0.2.0/24")
                + "\n";
    }

    /** RFC 4180 quoting, so that ids with commas, quotes or line breaks reach the checker unchanged. */
    private static String quoted(String field) {
        return field.startsWith("\"") ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }

    private static RegistryLoadResult load(Path dir, String rows) {
        return RegistryLoader.load(RegistryCsv.write(dir, HEADER + rows));
    }
}
