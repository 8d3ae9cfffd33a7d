package org.peertel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.ingest.DayInput.Status;

/** When a day is ready: its folder, its ready marker, and a data row judged by the reader's own rules. */
class InputReadinessTest {

    static final LocalDate DAY = LocalDate.parse("2026-03-02");
    static final String HEADER = "timestamp,client_ip,country,state,edge_pop,rtt_ms\n";
    static final String ROW = "2026-03-02T10:00:00Z,192.0.2.1,GB,,fra1,12.5\n";

    @TempDir
    Path input;

    /** One case: the folder's files (null: no folder), the ready marker, whether empty days are allowed. */
    record Case(String description, Map<String, byte[]> files, String readyFile, boolean allowEmpty, Status status) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return Stream.of(
                        new Case("no folder", null, "", false, Status.NO_FOLDER),
                        new Case("no folder, empty days allowed", null, "", true, Status.NO_FOLDER),
                        new Case("a folder without a file", files(), "", false, Status.EMPTY),
                        new Case(
                                "only files that are not input",
                                files("notes.txt", ROW, "a.csv.bak", ROW),
                                "",
                                false,
                                Status.EMPTY),
                        new Case(
                                "a 0-byte csv and a 0-byte csv.gz",
                                files("a.csv", "", "b.csv.gz", ""),
                                "",
                                false,
                                Status.EMPTY),
                        new Case("blank lines, LF and CRLF", files("a.csv", "\n\r\n\n"), "", false, Status.EMPTY),
                        new Case("a header only", files("a.csv", HEADER), "", false, Status.EMPTY),
                        new Case(
                                "a header with a BOM, CRLF and a blank line after it",
                                files("a.csv", "\uFEFF" + HEADER.replace("\n", "\r\n") + "\r\n"),
                                "",
                                false,
                                Status.EMPTY),
                        new Case("a gzip holding a header only", gzip("a.csv.gz", HEADER), "", false, Status.EMPTY),
                        new Case(
                                "header-only files, empty days allowed",
                                files("a.csv", HEADER),
                                "",
                                true,
                                Status.READY_EMPTY),
                        new Case("a data row", files("a.csv", HEADER, "b.csv", HEADER + ROW), "", false, Status.READY),
                        new Case("a data row in a gzip", gzip("a.csv.gz", HEADER + ROW), "", false, Status.READY),
                        new Case(
                                "a rejected row is a data row",
                                files("a.csv", HEADER + "not,a,row\n"),
                                "",
                                false,
                                Status.READY),
                        new Case(
                                "a bad header is a bad file, for the job to fail or skip",
                                files("a.csv", "timestamp,client,country\n"),
                                "",
                                false,
                                Status.READY),
                        new Case("not gzip is a bad file", files("a.csv.gz", HEADER), "", false, Status.READY),
                        new Case(
                                "a gzip cut short is a bad file",
                                Map.of(
                                        "a.csv.gz",
                                        java.util.Arrays.copyOf(
                                                gzip("x", HEADER).get("x"), 12)),
                                "",
                                false,
                                Status.READY),
                        new Case(
                                "the ready marker missing",
                                files("a.csv", HEADER + ROW),
                                "_SUCCESS",
                                false,
                                Status.NO_READY_MARKER),
                        new Case(
                                "the ready marker there",
                                files("a.csv", HEADER + ROW, "_SUCCESS", ""),
                                "_SUCCESS",
                                false,
                                Status.READY),
                        new Case(
                                "the ready marker there, no data",
                                files("a.csv", "", "_SUCCESS", ""),
                                "_SUCCESS",
                                false,
                                Status.EMPTY))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDayIsReadyOrSaysWhatItWaitsFor(Case c) throws IOException {
        // given
        Path folder = input.resolve(DAY.toString());
        if (c.files() != null) {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> file : c.files().entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
        }

        // when
        DayInput day = new InputReadiness(input, c.readyFile(), c.allowEmpty(), IngestLimits.DEFAULTS).check(DAY);

        // then
        assertEquals(c.status(), day.status());
        assertEquals(c.status() == Status.READY || c.status() == Status.READY_EMPTY, day.ready());
        assertEquals(day.ready(), day.waitingFor().isEmpty(), day.waitingFor());
    }

    @Test
    void whatADayWaitsForNamesTheFolderTheMarkerOrTheData() {
        Path folder = input.resolve("2026-03-02");
        assertEquals(folder.toString(), new DayInput(DAY, folder, Status.NO_FOLDER, "", 0).waitingFor());
        assertEquals(
                folder.resolve("_SUCCESS") + ", the ready marker (input.ready-file)",
                new DayInput(DAY, folder, Status.NO_READY_MARKER, "_SUCCESS", 0).waitingFor());
        assertEquals(
                "data in " + folder + ": its 2 input files are 0-byte, blank or header-only",
                new DayInput(DAY, folder, Status.EMPTY, "", 2).waitingFor());
        assertEquals(
                "data in " + folder + ": no *.csv or *.csv.gz file",
                new DayInput(DAY, folder, Status.EMPTY, "", 0).waitingFor());
    }

    static Stream<Arguments> readyFileNames() {
        return Stream.of(
                Arguments.of("", null),
                Arguments.of("_SUCCESS", null),
                Arguments.of(".done", null),
                Arguments.of("a/_SUCCESS", "not a path"),
                Arguments.of("..", "not a path"),
                Arguments.of("done.csv", "would be read as latency data"),
                Arguments.of("done.csv.gz", "would be read as latency data"));
    }

    @ParameterizedTest(name = "''{0}''")
    @MethodSource("readyFileNames")
    void aReadyMarkerIsAFileNameThatIsNotInput(String name, String problem) {
        if (problem == null) {
            assertNull(InputReadiness.readyFileProblem(name));
        } else {
            assertTrue(InputReadiness.readyFileProblem(name).contains(problem));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new InputReadiness(input, name, false, IngestLimits.DEFAULTS));
        }
    }

    private static Map<String, byte[]> files(String... nameAndText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static Map<String, byte[]> gzip(String name, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return Map.of(name, bytes.toByteArray());
    }
}
