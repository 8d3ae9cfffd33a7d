package org.peertel.store;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.peertel.ingest.BadFileReason;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyDay;
import org.peertel.ingest.SkippedFile;

/**
 * Every row of one day (attributed and unattributed measurements, rejects) on its way into DuckDB: files in
 * {@code <db>.spool/<day>/}, written by attributeStep (one set of files per input file, so that several threads write
 * at once) and read by the publish transaction. The attributed measurements, nearly all the rows, are binary records
 * ({@link MeasurementSpoolOut}) handed to DuckDB as Arrow batches ({@link MeasurementSpoolReader}); the rest is CSV
 * read with DuckDB's CSV reader ({@code read_csv}). Both are many times faster than appending row by row. Text that
 * repeats on every row (file names, connection ids, prefixes) is written once, in {@code dictionary.csv}, and rows
 * carry its numbers.
 *
 * <p>The {@code complete} marker is written last, after every other file is synced: a day is published only from
 * a complete spool, and the spool is deleted only after the publish committed. A spool without the marker is
 * what an interrupted attributeStep left; the step's restart clears it.
 */
public final class DaySpool {

    /** The kinds of spool files, each with its file-name suffix: binary records for measurements, else CSV. */
    enum Kind {
        MEASUREMENTS("measurement-chunks", "bin"),
        UNATTRIBUTED("unattributed", "csv"),
        REJECTS("rejects", "csv"),
        EDGE_POPS("edge-pops", "csv");

        final String suffix;
        private final String extension;

        Kind(String suffix, String extension) {
            this.suffix = suffix;
            this.extension = extension;
        }

        /** How a spool file of this kind's name ends, e.g. {@code rejects.csv}. */
        String fileSuffix() {
            return suffix + "." + extension;
        }
    }

    /** How the CSV measurement files of spools written before the binary records ended. */
    private static final String OLD_MEASUREMENTS = "-measurements.csv";

    /** How the binary measurement files of spools written before the chunks by connection ended. */
    private static final String UNCHUNKED_MEASUREMENTS = "-measurements.bin";

    private static final String COMPLETE = "complete";
    private static final String DICTIONARY = "dictionary.csv";
    private static final String INPUT_FILES = "input-files.csv";
    private static final String SKIPPED_FILES = "skipped-files.csv";
    private static final String CONNECTIONS = "connections.csv";

    /** Where a remote worker writes one partition's files before {@link #adopt} moves them into the spool. */
    private static final String STAGING = "staging";

    /** The aggregates remote workers computed, one file per table and partition of connections. */
    private static final String AGGREGATES = "aggregates";

    /** In {@link #AGGREGATES}: how many partitions of connections the day's aggregates come in. */
    private static final String AGGREGATE_PARTITIONS = "partitions";

    private static final String RESULT = "-result.properties";

    private final Path folder;

    private DaySpool(Path folder) {
        this.folder = folder;
    }

    /** The spool of {@code day} for the database {@code db}: {@code <db>.spool/<day>/} beside it. */
    public static DaySpool of(Path db, LocalDate day) {
        Path absolute = db.toAbsolutePath();
        return new DaySpool(
                absolute.resolveSibling(absolute.getFileName() + ".spool").resolve(day.toString()));
    }

    public Path folder() {
        return folder;
    }

    /** Removes the spool, complete or not, and creates it empty. */
    public void clear() {
        delete();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("unable to create the spool folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * The writer of the rows of input file number {@code fileNo}, matched with a registry of {@code connectionCount}
     * connections; close it when the file is done.
     */
    public SpoolFileWriter fileWriter(int fileNo, int connectionCount) {
        return new SpoolFileWriter(this, fileNo, connectionCount);
    }

    /**
     * Forgets every row spooled for input file number {@code fileNo} (its writer closed): the file was left out as
     * bad, and none of its rows may count, not even those read before the problem showed.
     */
    public void discardFile(int fileNo) {
        for (Kind kind : Kind.values()) {
            Path file = folder.resolve(SpoolFileWriter.spoolFileName(fileNo, kind));
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new StoreException("unable to remove " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Writes the dictionary (numbers → text), the registry's connections, the day's input files and the files left
     * out as bad (every spool file is synced as it is closed) and then writes the {@code complete} marker: from now
     * on the spool can be published.
     *
     * @param dictionary   per kind ("file", "connection", "prefix"), the text of each number
     * @param connections  every connection of the registry the day was attributed with: owner, name, location
     * @param inputFiles   per input file: name, rows, bytes, sha256 (the day's manifest, skipped files included)
     * @param skippedFiles the files left out by --skip-bad-files, with why
     */
    public void complete(
            Map<String, List<String>> dictionary,
            List<DayConnection> connections,
            List<InputFile> inputFiles,
            List<SkippedFile> skippedFiles) {
        try {
            try (SpoolCsvOut out = open(DICTIONARY)) {
                for (var kind : dictionary.entrySet()) {
                    List<String> texts = kind.getValue();
                    for (int no = 0; no < texts.size(); no++) {
                        out.plain(kind.getKey())
                                .number(no)
                                .quoted(texts.get(no))
                                .endRow();
                    }
                }
            }
            try (SpoolCsvOut out = open(CONNECTIONS)) {
                for (DayConnection connection : connections) {
                    out.quoted(connection.connectionId())
                            .quoted(connection.customerId())
                            .quoted(connection.name())
                            .quoted(connection.partner())
                            .quoted(connection.country())
                            .quoted(connection.state())
                            .endRow();
                }
            }
            try (SpoolCsvOut out = open(INPUT_FILES)) {
                for (InputFile file : inputFiles) {
                    out.quoted(file.name())
                            .number(file.rows())
                            .number(file.bytes())
                            .plain(file.sha256())
                            .endRow();
                }
            }
            try (SpoolCsvOut out = open(SKIPPED_FILES)) {
                for (SkippedFile file : skippedFiles) {
                    out.quoted(file.name())
                            .plain(file.reason().code())
                            .quoted(file.message())
                            .endRow();
                }
            }
            // every spool file was synced when it was closed (open): only the marker and the folder remain
            Files.write(folder.resolve(COMPLETE), new byte[0]);
            sync(folder.resolve(COMPLETE));
            sync(folder);
        } catch (IOException e) {
            throw new StoreException("unable to complete the spool " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * A spool of its own inside this one, where a remote worker writes the files of one partition ({@code name})
     * until {@link #adopt} moves them in: a partition run twice (its first worker killed) never leaves half a file
     * in the spool. Created empty: whatever an earlier run of the partition left there is removed.
     */
    public DaySpool staging(String name) {
        // not clear(): its delete() would remove the staging folder when empty, under another worker's feet
        Path own = folder.resolve(STAGING).resolve(name);
        deleteTree(own);
        try {
            Files.createDirectories(own);
        } catch (IOException e) {
            throw new StoreException("unable to create the staging folder " + own + ": " + e.getMessage(), e);
        }
        return new DaySpool(own);
    }

    /**
     * Records what attributeStep made of input file number {@code fileNo}, in this (staging) spool: the file's manifest
     * entry and, when it was left out as bad, why ({@link #fileResult}).
     */
    public void writeFileResult(int fileNo, LatencyDay.FileResult result) {
        Properties values = new Properties();
        values.setProperty("name", result.file().name());
        values.setProperty("rows", Long.toString(result.file().rows()));
        values.setProperty("bytes", Long.toString(result.file().bytes()));
        values.setProperty("sha256", result.file().sha256());
        if (result.skipped() != null) {
            values.setProperty("skipped.reason", result.skipped().reason().name());
            values.setProperty("skipped.message", result.skipped().message());
        }
        Path file = folder.resolve(String.format("%06d", fileNo) + RESULT);
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            values.store(out, null);
            out.getFD().sync();
        } catch (IOException e) {
            throw new StoreException("unable to write " + file + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #writeFileResult} recorded of input file number {@code fileNo}, if a partition adopted it here. */
    public Optional<LatencyDay.FileResult> fileResult(int fileNo) {
        Path file = folder.resolve(String.format("%06d", fileNo) + RESULT);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            values.load(in);
        } catch (IOException e) {
            throw new StoreException("unable to read " + file + ": " + e.getMessage(), e);
        }
        InputFile input = new InputFile(
                values.getProperty("name"),
                Long.parseLong(values.getProperty("rows")),
                Long.parseLong(values.getProperty("bytes")),
                values.getProperty("sha256"));
        String reason = values.getProperty("skipped.reason");
        return Optional.of(new LatencyDay.FileResult(
                input,
                reason == null
                        ? null
                        : new SkippedFile(
                                input.name(), BadFileReason.valueOf(reason), values.getProperty("skipped.message"))));
    }

    /**
     * Moves every file of {@code staging} into this spool, replacing same-named files, the file results last (so a
     * result found here means its rows are here too), and removes {@code staging}. Each move is one rename.
     */
    public void adopt(DaySpool staging) {
        List<Path> files = new ArrayList<>(staging.list());
        files.sort(Comparator.comparing(
                (Path file) -> file.getFileName().toString().endsWith(RESULT)));
        try {
            for (Path file : files) {
                Files.move(
                        file,
                        folder.resolve(file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            sync(folder);
        } catch (IOException e) {
            throw new StoreException("unable to move " + staging.folder + " into " + folder + ": " + e.getMessage(), e);
        }
        deleteTree(staging.folder);
    }

    /**
     * Records that the day's aggregates come from remote workers in {@code partitions} partitions of connections
     * ({@link #aggregateFile}); the publish then loads them instead of computing them.
     */
    public void expectAggregatePartitions(int partitions) {
        Path file = folder.resolve(AGGREGATES).resolve(AGGREGATE_PARTITIONS);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(AGGREGATE_PARTITIONS + ".tmp");
            Files.writeString(temporary, Integer.toString(partitions));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("unable to write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many partitions of connections remote workers aggregate a day in, for a registry of {@code connectionCount}
     * connections when {@code wanted} are asked for: at most one per bucket of the spool's measurement chunks
     * ({@link MeasurementSpoolChunks}), whose runs of connections the partitions are made of.
     */
    public static int aggregatePartitionsFor(int connectionCount, int wanted) {
        return Math.max(1, Math.min(wanted, MeasurementSpoolChunks.buckets(connectionCount)));
    }

    /** The partitions of {@link #expectAggregatePartitions}, or 0: the publish computes the aggregates itself. */
    public int aggregatePartitions() {
        Path file = folder.resolve(AGGREGATES).resolve(AGGREGATE_PARTITIONS);
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            throw new StoreException("unable to read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The Parquet file of one aggregate table's rows for partition {@code partition} of the day's connections. */
    Path aggregateFile(String table, int partition) {
        return folder.resolve(AGGREGATES).resolve(String.format("%s-%03d.parquet", table, partition));
    }

    /** True when attributeStep finished the spool and no publish has removed it yet. */
    public boolean isComplete() {
        return Files.exists(folder.resolve(COMPLETE));
    }

    /** Removes the spool folder; nothing happens when there is none. */
    public void delete() {
        if (!Files.exists(folder)) {
            return;
        }
        deleteTree(folder);
        Path parent = folder.getParent();
        try (Stream<Path> siblings = Files.list(parent)) {
            if (siblings.findAny().isEmpty()) {
                Files.deleteIfExists(parent);
            }
        } catch (NoSuchFileException | DirectoryNotEmptyException changed) {
            // removed, or a day's spool started, in the meantime: either is fine
        } catch (IOException e) {
            throw new StoreException("unable to remove the spool " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Removes {@code top} and everything in it; nothing happens when it is gone. */
    private static void deleteTree(Path top) {
        try (Stream<Path> files = Files.walk(top)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException gone) {
            // removed in the meantime: that is what we wanted
        } catch (IOException e) {
            throw new StoreException("unable to remove " + top + ": " + e.getMessage(), e);
        }
    }

    /** The CSV spool files of one kind, in name order; at least one (an empty file) so that read_csv has input. */
    List<String> paths(Kind kind) {
        List<String> paths = new ArrayList<>();
        for (Path file : files(kind)) {
            paths.add(file.toString());
        }
        if (paths.isEmpty()) {
            Path empty = folder.resolve("none-" + kind.fileSuffix());
            try {
                Files.write(empty, new byte[0]);
            } catch (IOException e) {
                throw new StoreException("unable to write " + empty + ": " + e.getMessage(), e);
            }
            paths.add(empty.toString());
        }
        return paths;
    }

    /** The bytes of the binary measurement files: how much a day's attributed rows weigh in the spool. */
    public long measurementBytes() {
        long bytes = 0;
        for (Path file : measurementFiles()) {
            try {
                bytes += Files.size(file);
            } catch (IOException e) {
                throw new StoreException("unable to read the size of " + file + ": " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    /** The binary measurement files ({@link MeasurementSpoolOut}), in name order, perhaps none. */
    List<Path> measurementFiles() {
        return files(Kind.MEASUREMENTS);
    }

    /**
     * The binary measurement files of a spool written by a peertel from before the chunks by connection (records
     * only, {@link MeasurementSpoolChunks}), in name order, usually none: left when that version stopped between
     * attributeStep and publishStep and was then upgraded (as {@link #csvMeasurementPaths}).
     */
    List<Path> unchunkedMeasurementFiles() {
        return filesEndingWith(UNCHUNKED_MEASUREMENTS);
    }

    /**
     * The CSV measurement files of a spool written by a peertel from before the binary records, in name order,
     * usually none: such a spool is left when that version stopped between attributeStep and publishStep and was
     * then upgraded. The restart publishes it as it is (the day resumes at publishStep, so the spool cannot be
     * written again), hence these are still read (publish-csv-measurements.sql says until when).
     */
    List<String> csvMeasurementPaths() {
        return filesEndingWith(OLD_MEASUREMENTS).stream().map(Path::toString).toList();
    }

    private List<Path> files(Kind kind) {
        return filesEndingWith("-" + kind.fileSuffix());
    }

    /** The spool's files whose names end with {@code suffix}, in name order. */
    private List<Path> filesEndingWith(String suffix) {
        return list().stream()
                .filter(file -> file.getFileName().toString().endsWith(suffix))
                .toList();
    }

    String dictionaryPath() {
        return folder.resolve(DICTIONARY).toString();
    }

    /**
     * The dictionary file as one text that changes when the file does: its path, size and modification time (a day run
     * again writes a new one at the same path).
     */
    String dictionaryVersion() {
        Path file = folder.resolve(DICTIONARY);
        try {
            return file + " " + Files.size(file) + " "
                    + Files.getLastModifiedTime(file).toMillis() + " "
                    + Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                            .fileKey();
        } catch (IOException e) {
            throw new StoreException("unable to read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The registry's connections, or null for a spool written by a release from before they were spooled. */
    String connectionsPathIfAny() {
        Path file = folder.resolve(CONNECTIONS);
        return Files.exists(file) ? file.toString() : null;
    }

    String inputFilesPath() {
        return folder.resolve(INPUT_FILES).toString();
    }

    String skippedFilesPath() {
        return folder.resolve(SKIPPED_FILES).toString();
    }

    /**
     * A new spool file, synced to disk when it is closed, by the thread that wrote it: the syncs of a day's first
     * files then overlap the reading of its last ones instead of all waiting for {@link #complete}.
     */
    SpoolCsvOut open(String name) throws IOException {
        FileOutputStream file = new FileOutputStream(folder.resolve(name).toFile());
        OutputStream out = new FilterOutputStream(file) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                file.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                try (file) {
                    file.getFD().sync();
                }
            }
        };
        return new SpoolCsvOut(out);
    }

    /** A new binary measurement file, synced to disk when it is closed (as {@link #open}). */
    MeasurementSpoolOut openMeasurements(String name, int connectionCount) throws IOException {
        return new MeasurementSpoolOut(folder.resolve(name), connectionCount);
    }

    private List<Path> list() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("unable to list the spool " + folder, e);
        }
    }

    private static void sync(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
