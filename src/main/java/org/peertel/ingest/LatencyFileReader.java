package org.peertel.ingest;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the data rows of one latency file ({@code .csv} or {@code .csv.gz}). Never throws: a read failure ends the
 * file with one {@link RejectReason#UNREADABLE_FILE} reject at the line where reading failed.
 */
public final class LatencyFileReader implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path path;
    private final String name;
    private final LocalDate day;
    private CsvRecordReader records;
    private LatencyRowParser parser;
    private boolean finished;
    private long rows;

    public LatencyFileReader(Path path, LocalDate day) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.day = day;
    }

    /** The next row of the file, or null when the file is done. */
    public LatencyRow next() {
        if (finished) {
            return null;
        }
        try {
            if (records == null) {
                records = open(path, name);
                CsvRecord header = records.next();
                if (header == null) {
                    return finish();
                }
                parser = new LatencyRowParser(name, LatencyHeader.of(header), day);
            }
            CsvRecord record = records.next();
            if (record == null) {
                return finish();
            }
            rows++;
            return parser.parse(record);
        } catch (IOException | UncheckedIOException failure) {
            long line = failure instanceof CsvFormatException format ? format.line()
                    : records == null ? 1 : records.currentLine();
            finish();
            rows++;
            return new RejectedRow(name, line, RejectReason.UNREADABLE_FILE, describe(failure));
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

    private static CsvRecordReader open(Path path, String name) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            if (name.endsWith(".gz")) {
                in = new GZIPInputStream(in, BUFFER_BYTES);
            }
        } catch (IOException failure) {
            in.close();
            throw failure;
        }
        return new CsvRecordReader(new PhysicalLineReader(new Utf8Reader(in, BUFFER_BYTES)));
    }

    /** A message for the reject's raw field that says what went wrong without a stack trace. */
    static String describe(Exception failure) {
        Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof CsvFormatException) {
            return message;
        }
        if (cause instanceof Utf8Reader.InvalidUtf8Exception) {
            return message;
        }
        if (cause instanceof EOFException) {
            return "truncated data (" + message + ")";
        }
        if (cause instanceof ZipException) {
            return "corrupt gzip data (" + message + ")";
        }
        return cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    @Override
    public void close() {
        if (records != null) {
            try {
                records.close();
            } catch (IOException ignored) {
                // nothing useful to do: the rows are already out
            }
        }
    }
}
