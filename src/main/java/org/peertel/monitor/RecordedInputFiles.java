package org.peertel.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peertel.ingest.DayManifest;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyDay;

/**
 * Late data as {@code status} sees it, without hashing: a day folder's input files, names and sizes, against the
 * {@code files} of the day's {@code runs/<date>.json}, what its last completed run read. The DuckDB file, where
 * {@code schedule} compares checksums, may be held by a working run; a file replaced by one of the same size is seen
 * only by the schedule's tick.
 */
final class RecordedInputFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedInputFiles() {}

    /**
     * What changed in {@code dayFolder} since the run recorded in {@code runSummary}, e.g. {@code added b.csv};
     * empty when nothing did, or when there is no run summary to compare with.
     *
     * @throws IOException when the summary or the folder cannot be read
     */
    static Optional<String> changes(Path runSummary, Path dayFolder) throws IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(runSummary);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        List<InputFile> recorded = new ArrayList<>();
        for (JsonNode file : JSON.readTree(json).path("files")) {
            recorded.add(sized(file.path("name").asText(), file.path("bytes").asLong()));
        }
        List<InputFile> now = new ArrayList<>();
        for (Path file : LatencyDay.inputFiles(dayFolder)) {
            now.add(sized(file.getFileName().toString(), Files.size(file)));
        }
        DayManifest.Changes changes = new DayManifest(now).changesSince(new DayManifest(recorded));
        return changes.any() ? Optional.of(changes.toString()) : Optional.empty();
    }

    private static InputFile sized(String name, long bytes) {
        return new InputFile(name, InputFile.ROWS_UNKNOWN, bytes, "");
    }
}
