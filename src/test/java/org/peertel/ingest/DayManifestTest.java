package org.peertel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayManifestTest {

    @TempDir
    Path day;

    @Test
    void listsTheInputFilesWithSizeAndSha256() throws IOException {
        Files.writeString(day.resolve("b.csv"), "abc");
        Files.writeString(day.resolve("a.csv.gz"), "");
        Files.writeString(day.resolve("notes.txt"), "ignored");
        DayManifest manifest = DayManifest.of(day);
        assertEquals(
                List.of(
                        new InputFile(
                                "a.csv.gz",
                                InputFile.ROWS_UNKNOWN,
                                0,
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                        new InputFile(
                                "b.csv",
                                InputFile.ROWS_UNKNOWN,
                                3,
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")),
                manifest.files());
    }

    @Test
    void aMissingFolderHasAnEmptyManifest() {
        assertEquals(List.of(), DayManifest.of(day.resolve("nope")).files());
    }

    @Test
    void namesTheFilesAddedReplacedAndRemoved() throws IOException {
        Files.writeString(day.resolve("a.csv"), "1");
        Files.writeString(day.resolve("b.csv"), "2");
        Files.writeString(day.resolve("c.csv"), "3");
        DayManifest then = DayManifest.of(day);
        assertFalse(DayManifest.of(day).changesSince(then).any());

        Files.writeString(day.resolve("b.csv"), "two");
        Files.delete(day.resolve("c.csv"));
        Files.writeString(day.resolve("d.csv.gz"), "4");
        DayManifest.Changes changes = DayManifest.of(day).changesSince(then);

        assertTrue(changes.any());
        assertEquals(new DayManifest.Changes(List.of("d.csv.gz"), List.of("b.csv"), List.of("c.csv")), changes);
        assertEquals("added d.csv.gz; replaced b.csv; removed c.csv", changes.toString());
    }

    @Test
    void rowsAreNotComparedOnlyNameSizeAndSha256() throws IOException {
        Files.writeString(day.resolve("a.csv"), "abc");
        InputFile now = DayManifest.of(day).find("a.csv");
        DayManifest recorded = new DayManifest(List.of(new InputFile("a.csv", 7, now.bytes(), now.sha256())));

        assertEquals(InputFile.ROWS_UNKNOWN, now.rows(), "a folder's manifest counts no rows");
        assertFalse(DayManifest.of(day).changesSince(recorded).any());
        assertTrue(DayManifest.of(day)
                .changesSince(new DayManifest(List.of(new InputFile("a.csv", 7, now.bytes(), "other"))))
                .any());
    }
}
