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
 *
 * <p>Two lanes read the file, line by line, from one buffer ({@link ByteLines}). The reference chain
 * ({@link Utf8Reader}, {@link CsvRecordReader}, {@link LatencyRowParser}) defines every result and reads the
 * header and every line the fast lane does not take. The fast lane ({@link FastLineParser}) takes the lines it can
 * prove the reference would accept, with the same values, straight from the bytes and without objects
 * ({@link MeasurementBatch}); it only runs while the reference holds no text of its own (lines it put back after a
 * quote left open), so lines are always read in order and numbered as the reference numbers them.
 *
 * <p>Reading also computes the SHA-256 of the stored file bytes ({@link #sha256()}), what {@link DayManifest}
 * records for the file.
 */
public final class LatencyFileReader implements Closeable {

    /** What {@link #advance()} found. */
    public enum Found {
        /** One or more valid rows taken by the fast lane from consecutive lines: {@link #measurementBatch()}. */
        MEASUREMENT_BATCH,
        /** A row of the reference chain, measurement or reject: {@link #row()}. */
        ROW,
        /** The end of the file. */
        END
    }

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path path;
    private final String name;
    private final LocalDate day;
    private final IngestLimits limits;
    private final boolean fastLane;
    private FileDigestStream file;
    private ByteLines bytes;
    private Utf8Reader text;
    private CsvRecordReader records;
    private LatencyRowParser parser;
    private FastLineParser fast;
    private final MeasurementBatch fastRows = new MeasurementBatch();
    private LatencyRow row;
    private long line;
    private boolean finished;
    private long rows;
    private String sha256 = "";

    /**
     * @param fastLane false to read every line with the reference chain alone (for tests that compare the lanes)
     */
    public LatencyFileReader(Path path, LocalDate day, IngestLimits limits, boolean fastLane) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.day = day;
        this.limits = limits;
        this.fastLane = fastLane;
    }

    /**
     * Moves to the next row or rows of the file: a stretch of valid rows the fast lane took, as numbers
     * ({@link #measurementBatch()}), or one row of the reference chain, measurement or reject ({@link #row()}).
     *
     * @throws BadInputFileException when the file must be refused as a whole
     */
    public Found advance() {
        fastRows.size = 0;
        if (finished) {
            return Found.END;
        }
        try {
            if (records == null && !openAndReadHeader()) {
                return finish();
            }
            if (fast != null && !records.holdsUnreadText() && !text.holdsUnreadInput() && fastLines()) {
                rows += fastRows.size;
                return Found.MEASUREMENT_BATCH;
            }
            records.setLineNumber(line);
            CsvRecord record = records.next();
            line = records.lineNumber();
            if (record == null) {
                return finish();
            }
            rows++;
            row = parser.parse(record);
            return Found.ROW;
        } catch (InputFileProblem problem) {
            finish();
            throw new BadInputFileException(path, problem.reason(), problem.getMessage());
        } catch (IOException | UncheckedIOException failure) {
            finish();
            throw new BadInputFileException(path, BadFileReason.UNREADABLE, "cannot be read: " + failure);
        }
    }

    /** The rows the fast lane took; valid until the next call of {@link #advance()}. */
    public MeasurementBatch measurementBatch() {
        return fastRows;
    }

    /** The row of the reference chain. */
    public LatencyRow row() {
        return row;
    }

    /** Data rows returned so far, rejects included. */
    public long rows() {
        return rows;
    }

    /**
     * The lower-case hex SHA-256 of the stored file, once the reader reached its end or refused the file: the
     * checksum {@link DayManifest} records, "" for a file that could not be read to its end.
     */
    public String sha256() {
        return sha256;
    }

    /**
     * Takes blank lines and the rows of the fast lane, up to the next line for the reference chain, the end of
     * what the buffer holds (it is not refilled under rows that point into it) or {@link MeasurementBatch#CAPACITY}
     * rows; false when the next line is for the reference chain.
     */
    private boolean fastLines() {
        byte[] buffer = bytes.buffer();
        while (fastRows.size < MeasurementBatch.CAPACITY) {
            int lineFeed = bytes.nextLineFeed(fastRows.size == 0);
            if (lineFeed < 0) {
                break;
            }
            int verdict = fast.parse(buffer, bytes.position(), lineFeed, fastRows);
            if (verdict == FastLineParser.REFERENCE) {
                break;
            }
            bytes.consume(lineFeed);
            line++;
            if (verdict == FastLineParser.ACCEPTED) {
                fastRows.line[fastRows.size++] = line;
            }
        }
        return fastRows.size > 0;
    }

    /** Opens the file and reads its header; false when the file has no non-blank line. */
    private boolean openAndReadHeader() throws IOException {
        records = open();
        CsvRecord header = records.next();
        line = records.lineNumber();
        if (header == null) {
            return false;
        }
        LatencyHeader layout = LatencyHeader.of(header, limits.maxRecordBytes());
        parser = new LatencyRowParser(name, layout, day);
        if (bytes != null) {
            fast = new FastLineParser(layout, day.toEpochDay(), limits.maxRecordBytes());
        }
        return true;
    }

    private Found finish() {
        finished = true;
        sha256 = file == null ? "" : file.finish();
        close();
        return Found.END;
    }

    /** The reading stack: file (hashed), gzip (by name), size limit, the line buffer, UTF-8, lines and records. */
    private CsvRecordReader open() throws IOException {
        file = new FileDigestStream(Files.newInputStream(path));
        InputStream in = file;
        if (name.endsWith(".gz")) {
            in = new StrictGzipInputStream(in);
        }
        in = new SizeLimitedInputStream(in, limits.maxFileBytes());
        if (fastLane) {
            bytes = new ByteLines(in, BUFFER_BYTES);
            in = bytes.referenceStream();
        }
        text = new Utf8Reader(in, BUFFER_BYTES);
        return new CsvRecordReader(text, limits.maxRecordBytes());
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
