package org.peertel.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBDriver;
import org.peertel.alert.Alert;
import org.peertel.alert.JudgedDay;
import org.peertel.config.DuckDbSettings;
import org.peertel.testhook.CrashPoint;

/**
 * The DuckDB file that holds measurements and aggregates. One instance is one JDBC connection; open it, use it
 * from one thread, close it. Every write is scoped to one UTC day so that re-running a day replaces it.
 */
public final class TelemetryStore implements AutoCloseable {

    /** The macro spool_csv: the spool's CSV files as DuckDB reads them, made once per connection. */
    private static final SqlScript SPOOL_CSV = SqlScript.load("spool-csv.sql");

    private static final SqlScript SPOOL_DICTIONARY = SqlScript.load("spool-dictionary.sql");
    private static final SqlScript PUBLISH_DAY = SqlScript.load("publish-day.sql");
    private static final SqlScript AGGREGATE_BATCH = SqlScript.load("aggregate-batch.sql");
    /** A spool's measurements in the CSV files of a peertel from before the binary records (DaySpool). */
    private static final SqlScript PUBLISH_CSV_MEASUREMENTS = SqlScript.load("publish-csv-measurements.sql");

    private static final SqlScript PUBLISH_DAY_CONNECTIONS = SqlScript.load("publish-day-connections.sql");

    private final Connection connection;
    private final Path file;
    /** The most rows one batch of the day's aggregates takes (aggregate-batch.sql), from DuckDB's memory limit. */
    private long aggregateBatchRows;

    /**
     * On a remote worker's scratch database: which spool dictionary its table spool_dictionary holds (see
     * {@link DaySpool#dictionaryVersion}), kept for the day's next partition: a registry of 100 k prefixes took longer
     * to read than a small bucket to aggregate.
     */
    private String scratchDictionary;

    private TelemetryStore(Path file, Connection connection, long aggregateBatchRows) {
        this.file = file;
        this.connection = connection;
        this.aggregateBatchRows = aggregateBatchRows;
    }

    /**
     * Opens (creating if needed) the database file and brings its tables up to date ({@link SchemaMigrations}), with
     * the built-in DuckDB limits.
     */
    public static TelemetryStore open(Path file) {
        return open(file, DuckDbSettings.defaults());
    }

    /**
     * Opens (creating if needed) the database file and brings its tables up to date ({@link SchemaMigrations}), with
     * DuckDB's memory limit, spill folder and threads set from {@code settings} before anything else runs on the
     * connection. A database written by a newer peertel is refused.
     */
    public static TelemetryStore open(Path file, DuckDbSettings settings) {
        if (file.toAbsolutePath().toString().contains(";")) {
            // DuckDB reads ";key=value" in its JDBC URL as settings (session_init_sql_file runs SQL from a file)
            throw new StoreException(
                    "refusing the DuckDB path " + file + ": ';' would start driver options in " + "the JDBC URL", null);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // DuckDB creates the spill folder itself when it first spills, but not the folders above it
            Path spillParent = settings.tempDirectoryFor(file).toAbsolutePath().getParent();
            if (spillParent != null) {
                Files.createDirectories(spillParent);
            }
            DuckDbLibrary.awaitLoaded(); // a session may have started loading it
            Connection connection =
                    DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), streamingResults());
            try {
                settings.apply(connection, file);
                try (Statement statement = connection.createStatement()) {
                    // Row order inside a table means nothing here (every query says ORDER BY); without this promise
                    // DuckDB keeps the order of a parallel read_csv, which costs memory and time on large inserts.
                    statement.execute("SET preserve_insertion_order = false");
                }
                SchemaMigrations.apply(connection, file);
                SPOOL_CSV.run(connection);
                return new TelemetryStore(file, connection, AggregateBatches.maxRows(memoryLimitBytes(connection)));
            } catch (SQLException | RuntimeException e) {
                connection.close(); // else it keeps the database file locked
                throw e;
            }
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("unable to open the DuckDB database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Results arrive chunk by chunk as they are read instead of whole: by default DuckDB's JDBC driver materialises
     * a result outside DuckDB's memory limit, so the rejects file of a 100 M-row day (1 M rows) cost some 90 MB more
     * than that of a 10 M-row day. Every query here reads its result to the end before the next one runs.
     */
    private static Properties streamingResults() {
        Properties properties = new Properties();
        properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        return properties;
    }

    /**
     * DuckDB's memory limit in bytes, as DuckDB resolved the setting (a share of the machine's memory included);
     * it reports it rounded, e.g. "488.2 MiB".
     */
    private static long memoryLimitBytes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            rs.next();
            String limit = rs.getString(1);
            return DuckDbSettings.sizeInBytes(limit)
                    .orElseThrow(
                            () -> new SQLException("DuckDB reported a memory limit peertel cannot read: " + limit));
        }
    }

    public Path file() {
        return file;
    }

    /**
     * The JDBC connection itself, for HandOverBenchmark (src/jmh, this package), which loads rows into the real
     * schema through DuckDB's other entry points (Appender, Arrow) to compare them with the spool's. Not for main.
     */
    Connection connection() {
        return connection;
    }

    /**
     * Replaces the day's rows with those of its complete spool and recomputes its aggregates, in one transaction.
     * Returns false, changing nothing, when the spool is not complete: the publish of it already committed and
     * removed it (the process died before the job repository heard of it), so the stored day is the right one.
     * The caller removes the spool after this returns.
     */
    public boolean publishDay(LocalDate day, DaySpool spool) {
        if (!spool.isComplete()) {
            return false;
        }
        List<String> csvMeasurements = spool.csvMeasurementPaths();
        String connections = spool.connectionsPathIfAny();
        try {
            setVariable("day", day);
            setVariable("spool_dictionary", List.of(spool.dictionaryPath()));
            setVariable("spool_input_files", List.of(spool.inputFilesPath()));
            setVariable("spool_skipped_files", List.of(spool.skippedFilesPath()));
            setVariable("spool_unattributed", spool.paths(DaySpool.Kind.UNATTRIBUTED));
            setVariable("spool_rejects", spool.paths(DaySpool.Kind.REJECTS));
            setVariable("spool_edge_pops", spool.paths(DaySpool.Kind.EDGE_POPS));
            if (!csvMeasurements.isEmpty()) {
                setVariable("spool_measurements", csvMeasurements);
            }
            if (connections != null) {
                setVariable("spool_connections", List.of(connections));
            }
        } catch (SQLException e) {
            throw new StoreException("unable to publish " + day + " in " + file + ": " + e.getMessage(), e);
        }
        List<Path> measurements = spool.measurementFiles();
        List<Path> unchunkedMeasurements = spool.unchunkedMeasurementFiles();
        int aggregatePartitions = spool.aggregatePartitions();
        return inTransaction("publish " + day, () -> {
            SPOOL_DICTIONARY.run(connection);
            PUBLISH_DAY.run(connection);
            if (connections != null) {
                PUBLISH_DAY_CONNECTIONS.run(connection);
            }
            if (!csvMeasurements.isEmpty()) {
                PUBLISH_CSV_MEASUREMENTS.run(connection);
            }
            ArrowMeasurementLoad.insert(connection, day, unchunkedMeasurements, measurements);
            if (aggregatePartitions > 0) {
                AggregatePartitions.load(connection, spool, aggregatePartitions);
            } else {
                aggregateInBatches(day);
            }
            try (Statement drop = connection.createStatement()) {
                drop.execute("DROP TABLE spool_dictionary");
            }
            CrashPoint.PUBLISH_BEFORE_COMMIT.reach();
        });
    }

    /**
     * On a remote worker's scratch database (whatever it holds is removed first): computes the aggregates of partition {@code partition} of
     * {@code partitions} of the day's connections from the complete spool, with the publish's SQL, and writes them
     * into the spool as that partition's Parquet files (see {@link AggregatePartitions}).
     */
    public void aggregatePartition(LocalDate day, DaySpool spool, int partition, int partitions) {
        try {
            setVariable("day", day);
            setVariable("spool_dictionary", List.of(spool.dictionaryPath()));
            setVariable("spool_edge_pops", spool.paths(DaySpool.Kind.EDGE_POPS));
        } catch (SQLException e) {
            throw new StoreException("unable to aggregate " + day + " in " + file + ": " + e.getMessage(), e);
        }
        inTransaction("aggregate partition " + partition + " of " + day, () -> {
            try (Statement clear = connection.createStatement()) {
                clear.execute("DELETE FROM measurement_rows");
                for (String table : AggregatePartitions.TABLES) {
                    clear.execute("DELETE FROM " + table); // an earlier partition's rows, the store being reused
                }
            }
            String dictionary = spool.dictionaryVersion();
            if (!dictionary.equals(scratchDictionary)) {
                scratchDictionary = null;
                SPOOL_DICTIONARY.run(connection);
            }
            int buckets = MeasurementSpoolChunks.buckets(dictionaryConnections());
            ArrowMeasurementLoad.insert(
                    connection,
                    day,
                    List.of(),
                    spool.measurementFiles(),
                    bucket -> MeasurementSpoolChunks.partition(bucket, buckets, partitions) == partition);
            aggregateInBatches(day);
            AggregatePartitions.write(connection, day, spool, partition);
            scratchDictionary = dictionary;
        });
    }

    /** The number of connections in the spool dictionary just read. */
    private int dictionaryConnections() throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT len(connections) FROM spool_dictionary")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** For tests: the most rows a batch of the day's aggregates takes. */
    long aggregateBatchRows() {
        return aggregateBatchRows;
    }

    /** Inserts the day's aggregates, one batch of connections at a time (see {@link AggregateBatches}). */
    private void aggregateInBatches(LocalDate day) throws SQLException {
        List<long[]> counts = new java.util.ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT connection_no, count(*) "
                + "FROM measurement_rows WHERE day = ? GROUP BY connection_no ORDER BY connection_no")) {
            query.setObject(1, day);
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    counts.add(new long[] {rs.getInt(1), rs.getLong(2)});
                }
            }
        }
        int[] numbers = counts.stream().mapToInt(count -> (int) count[0]).toArray();
        long[] rows = counts.stream().mapToLong(count -> count[1]).toArray();
        for (AggregateBatches.Batch batch : AggregateBatches.of(numbers, rows, aggregateBatchRows)) {
            setVariable("first_connection", batch.first());
            setVariable("last_connection", batch.last());
            AGGREGATE_BATCH.run(connection);
        }
    }

    /** For tests: batches of at most {@code rows} rows instead of the memory limit's share. */
    TelemetryStore withAggregateBatchRows(long rows) {
        this.aggregateBatchRows = rows;
        return this;
    }

    private void setVariable(String name, int value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SET VARIABLE " + name + " = ?")) {
            set.setInt(1, value);
            set.execute();
        }
    }

    private void setVariable(String name, LocalDate value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SET VARIABLE " + name + " = ?")) {
            set.setObject(1, value); // a DATE
            set.execute();
        }
    }

    /** A DuckDB session variable holding a list of paths: read_csv(getvariable(name)) takes them as parameters. */
    private void setVariable(String name, List<String> paths) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SET VARIABLE " + name + " = ?")) {
            set.setArray(1, connection.createArrayOf("VARCHAR", paths.toArray()));
            set.execute();
        }
    }

    /**
     * A customer's figures over the days {@code from} to {@code to}; close it when done.
     *
     * @param registry the owners to take for the days (given) published before owners were kept; asked for only
     *                 when the range has such days
     */
    public RangeQueries range(
            LocalDate from, LocalDate to, java.util.function.Function<List<LocalDate>, List<DayConnection>> registry) {
        return new RangeQueries(connection, from, to, registry);
    }

    /** Read access for alerts, reports, run summaries and the scheduler's late-data check. */
    public StoreQueries queries() {
        return new StoreQueries(connection);
    }

    /** Replaces the day's alerts and records the day as evaluated, without judgements (for tests of the alerts). */
    public void replaceAlerts(LocalDate day, List<Alert> alerts) {
        replaceJudgedDays(List.of(JudgedDay.withoutJudgements(day, alerts)), Set.of(day), day, List.of());
    }

    /**
     * Replaces the alerts and judgements of {@code days}, records them as evaluated and records the incident changes
     * of the days from {@code from} on in the outbox, in one transaction; the months of the days in {@code
     * alertsChanged} are behind from now on.
     */
    public void replaceJudgedDays(
            List<JudgedDay> days, Set<LocalDate> alertsChanged, LocalDate from, List<OutboxChange> changes) {
        inTransaction(
                "store the alerts of "
                        + days.stream().map(d -> d.day().toString()).toList(),
                () -> {
                    for (JudgedDay day : days) {
                        StoredAlerts.replace(connection, day);
                    }
                    for (LocalDate day : alertsChanged) {
                        markStale(day.withDayOfMonth(1));
                    }
                    StoredOutbox.record(connection, from, changes, java.time.Instant.now());
                });
    }

    /**
     * Makes {@code receiver} known, the first time only, from the outbox's current end on: it is sent the changes
     * recorded from now on, not the whole history from before it was set.
     */
    public void registerReceiver(String receiver) {
        inTransaction("register the alert receiver " + receiver, () -> StoredOutbox.register(connection, receiver));
    }

    /**
     * The changes of the outbox {@code receiver} is to be sent, oldest day first; none before it is registered.
     *
     * @param resolvedOnly only the resolved changes
     */
    public List<PendingChange> pendingChanges(String receiver, boolean resolvedOnly) {
        try {
            return StoredOutbox.pending(connection, receiver, resolvedOnly);
        } catch (SQLException e) {
            throw new StoreException("unable to read the alert outbox of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records that {@code receiver} acknowledged {@code changes} (delivered) or refused them with {@code answer}. */
    public void acknowledge(String receiver, List<OutboxChange> changes, boolean delivered, String answer) {
        inTransaction(
                "record the delivery to " + receiver,
                () -> StoredOutbox.acknowledge(connection, receiver, changes, delivered, answer));
    }

    /** How many changes {@code receiver} refused in their current content. */
    public long refusedChanges(String receiver) {
        try {
            return StoredOutbox.failed(connection, receiver);
        } catch (SQLException e) {
            throw new StoreException("unable to read the alert outbox of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces how the day's BGP folder was read and the day's prefix events, and records the day's event incident
     * changes in the outbox, in one transaction: a day computed again never keeps rows of an earlier run, and its
     * changes are recorded as {@link #replaceJudgedDays} records the latency ones (a key with the same content is
     * kept as it is).
     */
    public void replaceBgpDay(
            LocalDate day, BgpDayRead read, List<org.peertel.routing.PrefixEvent> events, List<OutboxChange> changes) {
        inTransaction("store the BGP day and prefix events of " + day, () -> {
            StoredBgpDays.replace(connection, day, read);
            StoredPrefixEvents.replace(connection, day, events);
            StoredOutbox.record(connection, day, changes, java.time.Instant.now());
        });
    }

    /** The Critical and Warning events of the days before {@code day} still so at their day's end, by day. */
    public List<OpenPrefixEvent> openPrefixEventsBefore(LocalDate day) {
        try {
            return StoredPrefixEvents.openBefore(connection, day);
        } catch (SQLException e) {
            throw new StoreException("unable to read the prefix events of " + file + ": " + e.getMessage(), e);
        }
    }

    /** The event incidents open now: those still so at the end of the newest day whose BGP folder was read. */
    public List<OpenPrefixEvent> openPrefixEvents() {
        try {
            return StoredPrefixEvents.openOfNewestDay(connection);
        } catch (SQLException e) {
            throw new StoreException("unable to read the prefix events of " + file + ": " + e.getMessage(), e);
        }
    }

    /** The outbox's changes of {@code day}, in the order they were recorded. */
    public List<OutboxChange> outboxChanges(LocalDate day) {
        try {
            return StoredOutbox.ofDay(connection, day);
        } catch (SQLException e) {
            throw new StoreException("unable to read the alert outbox of " + file + ": " + e.getMessage(), e);
        }
    }

    /** How the day's BGP folder was read, with its event counts; null when no run with BGP on processed it. */
    public BgpDayRead bgpDay(LocalDate day) {
        try {
            return StoredBgpDays.read(connection, day);
        } catch (SQLException e) {
            throw new StoreException("unable to read the BGP day " + day + " of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every evaluated day with its alerts and judgements, in date order: what the incident lifecycle is made of. */
    public List<JudgedDay> judgedDays() {
        try {
            return StoredAlerts.readAll(connection);
        } catch (SQLException e) {
            throw new StoreException("unable to read the alerts of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves the day's tables of {@code window} ({@link ArchivedTable}) into the Parquet archive under {@code archive}:
     * writes and verifies each file first, and only then deletes the day's rows of all of them, in one transaction.
     * A day whose aggregates leave is no longer an evaluated day of DuckDB's: it leaves {@code evaluated_days} with
     * them ({@link #restoreAggregates} brings both back). A failure at any point leaves the rows in DuckDB (and at
     * worst a verified file beside them, which the next attempt replaces). Returns the rows archived per table.
     *
     * @throws StoreException naming the folder or file, with nothing deleted
     */
    public java.util.Map<ArchivedTable, Long> archiveDay(LocalDate day, Path archive, ArchivedTable.Window window) {
        List<ArchivedTable> tables = ArchivedTable.of(window);
        java.util.Map<ArchivedTable, Long> rows = new java.util.EnumMap<>(ArchivedTable.class);
        for (ArchivedTable table : tables) {
            rows.put(table, DayArchive.write(connection, archive, table, day));
        }
        CrashPoint.RETENTION_ARCHIVED.reach();
        inTransaction("delete the archived rows of " + day, () -> {
            for (ArchivedTable table : tables) {
                try (PreparedStatement forget =
                        connection.prepareStatement("DELETE FROM archived_days WHERE day = ? AND table_name = ?")) {
                    forget.setObject(1, day);
                    forget.setString(2, table.folder());
                    forget.execute();
                }
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table.deleteFrom() + " WHERE day = ?")) {
                    delete.setObject(1, day);
                    delete.execute();
                }
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO archived_days VALUES (?, ?, ?, ?, now()::TIMESTAMP)")) {
                    record.setObject(1, day);
                    record.setString(2, table.folder());
                    record.setString(
                            3,
                            DayArchive.file(archive, table, day)
                                    .toAbsolutePath()
                                    .toString());
                    record.setLong(4, rows.get(table));
                    record.execute();
                }
            }
            if (window == ArchivedTable.Window.AGGREGATES) {
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM evaluated_days WHERE day = ?")) {
                    delete.setObject(1, day);
                    delete.execute();
                }
            }
            CrashPoint.RETENTION_DELETE_BEFORE_COMMIT.reach();
        });
        return rows;
    }

    /** The per-row tables of the day into the archive ({@link #archiveDay(LocalDate, Path, ArchivedTable.Window)}). */
    public java.util.Map<ArchivedTable, Long> archiveDay(LocalDate day, Path archive) {
        return archiveDay(day, archive, ArchivedTable.Window.MEASUREMENTS);
    }

    /**
     * Brings every day whose aggregates were archived back into DuckDB from its files, and makes those days evaluated
     * days again, in one transaction: a day processed again that is older than {@code retention.aggregate-days} needs
     * the days before it (its REGRESSION baseline) and after it (judged again, their incidents recomputed). The files
     * stay; the retention step at the end of the run archives the days again, replacing them. Returns how many days
     * came back.
     *
     * @throws StoreException naming a file that does not hold the rows recorded for it, with nothing changed
     */
    public int restoreAggregates() {
        List<String[]> archived = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT day::VARCHAR, table_name, file, rows FROM archived_days "
                        + "WHERE table_name IN (" + quotedFolders(ArchivedTable.Window.AGGREGATES) + ") "
                        + "ORDER BY day, table_name")) {
            while (rs.next()) {
                archived.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        } catch (SQLException e) {
            throw new StoreException("unable to read the archived days of " + file + ": " + e.getMessage(), e);
        }
        if (archived.isEmpty()) {
            return 0;
        }
        inTransaction("bring the archived aggregates back into DuckDB", () -> {
            for (String[] row : archived) {
                ArchivedTable table = ArchivedTable.named(row[1]).orElseThrow();
                String columns = String.join(", ", table.columns());
                String source = "read_parquet('" + row[2].replace("'", "''") + "', hive_partitioning = false)";
                try (Statement statement = connection.createStatement()) {
                    int inserted = statement.executeUpdate("INSERT INTO " + table.deleteFrom() + " (day, " + columns
                            + ") SELECT DATE '" + row[0] + "', " + columns + " FROM " + source);
                    if (inserted != Long.parseLong(row[3])) {
                        throw new SQLException("the archive file " + row[2] + " holds " + inserted + " rows, not the "
                                + row[3] + " archived; nothing was brought back");
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT OR IGNORE INTO evaluated_days "
                        + "SELECT DISTINCT day FROM archived_days WHERE table_name = 'alerts'");
                statement.execute("DELETE FROM archived_days WHERE table_name IN ("
                        + quotedFolders(ArchivedTable.Window.AGGREGATES) + ")");
            }
        });
        return (int) archived.stream().map(row -> row[0]).distinct().count();
    }

    private static String quotedFolders(ArchivedTable.Window window) {
        return String.join(
                ", ",
                ArchivedTable.of(window).stream()
                        .map(t -> "'" + t.folder() + "'")
                        .toList());
    }

    /**
     * Writes what is in DuckDB's write-ahead log into the database file, so that the blocks of deleted rows become
     * free blocks the next days reuse instead of growing the file.
     */
    public void checkpoint() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new StoreException("unable to checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the table's rows of a published day under {@code dest} in the archive's layout, from the archive or from
     * DuckDB ({@code peertel export}).
     *
     * @throws StoreException naming the file that could not be written or copied
     */
    public DayExport exportDay(ArchivedTable table, LocalDate day, Path dest) {
        try {
            return DayExport.write(connection, table, day, dest);
        } catch (SQLException e) {
            throw new StoreException("unable to export " + table.folder() + " of " + day + ": " + e.getMessage(), e);
        }
    }

    /** True when the archive under {@code archive} holds the day's rows of {@code table} exactly (a verified file). */
    public boolean archiveHolds(Path archive, ArchivedTable table, LocalDate day) {
        return DayArchive.holds(connection, archive, table, day);
    }

    /** What the database file and the archive hold ({@code peertel storage}). */
    public StorageFigures storage() {
        try {
            return StorageFigures.read(connection, file);
        } catch (SQLException e) {
            throw new StoreException("unable to read what " + file + " holds: " + e.getMessage(), e);
        }
    }

    /** The months whose month files are behind (a day published or its alerts changed since), oldest first. */
    public List<LocalDate> staleMonths() {
        List<LocalDate> months = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT month FROM stale_months ORDER BY month")) {
            while (rs.next()) {
                months.add(rs.getObject(1, LocalDate.class));
            }
            return months;
        } catch (SQLException e) {
            throw new StoreException("unable to read the stale months of " + file + ": " + e.getMessage(), e);
        }
    }

    /** The month's files are written: it is no longer behind (until its next change). */
    public void monthWritten(LocalDate month) {
        inTransaction("record the files of " + month + " as written", () -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM stale_months WHERE month = ?")) {
                delete.setObject(1, month);
                delete.execute();
            }
        });
    }

    private void markStale(LocalDate month) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement("INSERT OR IGNORE INTO stale_months VALUES (?)")) {
            mark.setObject(1, month);
            mark.execute();
        }
    }

    /** Work inside a transaction. */
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction; true when it committed. */
    private boolean inTransaction(String what, SqlWork work) {
        try {
            connection.setAutoCommit(false);
            work.run();
            connection.commit();
            return true;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException("unable to " + what + " in " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(); // else autoCommit() below would commit the work done so far
            throw e;
        } finally {
            autoCommit();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is unusable; the next call reports it
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("unable to close " + file + ": " + e.getMessage(), e);
        }
    }
}
