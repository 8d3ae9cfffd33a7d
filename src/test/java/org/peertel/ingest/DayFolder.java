package org.peertel.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes real latency files into a day folder under a temporary directory and reads them back. */
final class DayFolder {

    static final LocalDate DAY = LocalDate.of(2026, 11, 19);
    static final String HEADER = "timestamp,client_ip,country,state,edge_pop,rtt_ms";
    static final String VALID_ROW = "2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,12.5";

    final Path directory;

    DayFolder(Path root) {
        this.directory = root.resolve(DAY.toString());
        try {
            Files.createDirectories(directory);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Writes {@code text} as UTF-8 (gzip-compressed when the name ends with .gz). */
    DayFolder write(String name, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        return writeBytes(name, name.endsWith(".gz") ? gzip(content) : content);
    }

    /** Limits with the default file size and a record limit of {@code maxRecordBytes}. */
    static IngestLimits recordLimit(int maxRecordBytes) {
        return new IngestLimits(IngestLimits.DEFAULT_MAX_FILE_BYTES, maxRecordBytes);
    }

    DayFolder writeBytes(String name, byte[] content) {
        try {
            Files.write(directory.resolve(name), content);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return this;
    }

    /** Every row of the folder for {@link #DAY}. */
    List<LatencyRow> rows() {
        return read().rows();
    }

    /** Every row of the folder and the final file statistics. */
    Result read() {
        return read(IngestLimits.DEFAULTS);
    }

    /** Every row of the folder read with {@code limits} (a bad file throws) and the final file statistics. */
    Result read(IngestLimits limits) {
        LatencyDayRows read = LatencyDayRows.read(directory, DAY, limits, false);
        if (read.failure() != null) {
            throw read.failure();
        }
        return new Result(read.rows(), read.files());
    }

    /** The only row of a file made of the standard header and {@code dataLine}. */
    LatencyRow singleRow(String dataLine) {
        write("single.csv", HEADER + "\n" + dataLine + "\n");
        List<LatencyRow> rows = rows();
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows);
        }
        return rows.get(0);
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }

    /** A compact description of a row for assertions: "line reason raw" or "line measurement". */
    static String describe(LatencyRow row) {
        if (row instanceof RejectedRow reject) {
            return row.file() + ":" + row.line() + " " + reject.reason().code() + " " + reject.raw();
        }
        return row.file() + ":" + row.line() + " measurement";
    }

    record Result(List<LatencyRow> rows, List<InputFile> files) {

        List<String> described() {
            return rows.stream().map(DayFolder::describe).toList();
        }
    }
}
