package org.peertel.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Reads the data rows of one latency file ({@code .csv} or {@code .csv.gz}). Row problems become
 * {@link RejectedRow}s; a problem of the whole file (see {@link BadFileReason}) ends the file with a
 * {@link BadInputFileException}, possibly after rows were returned (a gzip stream may break at its end), so the
 * caller decides what becomes of those. Nothing else escapes.
 */
public final class LatencyFileReader implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path path;
    private final String name;
    private final LocalDate day;
    private final IngestLimits limits;
    private CsvRecordReader records;
    private LatencyRowParser parser;
    private boolean finished;
    private long rows;

    public LatencyFileReader(Path path, LocalDate day, IngestLimits limits) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.day = day;
        this.limits = limits;
    }

    /**
     * The next row of the file, or null when the file is done.
     *
     * @throws BadInputFileException when the file must be refused as a whole
     */
    public LatencyRow next() {
        if (finished) {
            return null;
        }
        try {
            if (records == null) {
                records = open();
                CsvRecord header = records.next();
                if (header == null) {
                    return finish(); // no non-blank line: a file without rows
                }
                parser = new LatencyRowParser(name, LatencyHeader.of(header, limits.maxRecordBytes()), day);
            }
            CsvRecord record = records.next();
            if (record == null) {
                return finish();
            }
            rows++;
            return parser.parse(record);
        } catch (InputFileProblem problem) {
            finish();
            throw new BadInputFileException(path, problem.reason(), problem.getMessage());
        } catch (IOException | UncheckedIOException failure) {
            finish();
            throw new BadInputFileException(path, BadFileReason.UNREADABLE, "cannot be read: " + failure);
        }
    }

    /** Data rows returned so far, rejects included. */
    public long rows() {
        return rows;
    }

    private LatencyRow finish() {
        finished = true;
        close();
        return null;
    }

    /** The reading stack: file, gzip (by name), size limit, UTF-8, lines and records. */
    private CsvRecordReader open() throws IOException {
        InputStream in = Files.newInputStream(path);
        if (name.endsWith(".gz")) {
            in = new StrictGzipInputStream(in);
        }
        in = new SizeLimitedInputStream(in, limits.maxFileBytes());
        return new CsvRecordReader(new Utf8Reader(in, BUFFER_BYTES), limits.maxRecordBytes());
    }

    @Override
    public void close() {
        if (records != null) {
            try {
                records.close();
            } catch (IOException ignored) {
                // nothing useful to do: the rows are already out
            }
            records = null;
        }
    }
}
