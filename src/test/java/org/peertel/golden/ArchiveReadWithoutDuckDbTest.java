package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.store.ArchivedTable;
import org.peertel.store.DuckDbFile;

/**
 * The Parquet archive is readable without DuckDB: the files that retentionStep wrote for the golden week, those of
 * the per-row tables (measurements, unattributed, rejects: the text, timestamp and decimal columns analysts read) and
 * those of the aggregate tables ({@code retention.aggregate-days}: statistics with exact decimal sums, hours, doubles,
 * alerts, owners and manifests), are read with Apache Parquet's own Java reader (parquet-java:
 * {@code ParquetFileReader} on a {@code LocalInputFile}, the example {@code Group} records), and their schema and
 * every value are compared with what a database that kept every day (retention at 0) holds for those days.
 *
 * <p>Why that reader: parquet-java is the Apache Parquet project's own implementation of the format, the reference
 * implementation that Spark, Hive, Trino and most of the Java ecosystem read and write Parquet with, and a code base
 * independent of DuckDB's writer. A file it reads with the right types and values is a file other tools read.
 *
 * <p>Hadoop: the reader reads a local file ({@code LocalInputFile}, {@code PlainParquetConfiguration}: no Hadoop file
 * system or configuration files), yet parquet-hadoop 1.18.2 cannot run without some Hadoop classes on the class path:
 * its read options build a Hadoop codec factory and look up a Hadoop input-format filter. So the tests also get
 * hadoop-common and hadoop-mapreduce-client-core without their dependencies, plus the four libraries those classes
 * load (Hadoop's shaded Guava, Woodstox, StAX2, Commons Collections), all in test scope only.
 */
class ArchiveReadWithoutDuckDbTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    /** With {@code retention.measurement-days = 2}, the days before the two newest (03-06, 03-07) are archived. */
    static final List<LocalDate> ARCHIVED_DAYS = List.of(
            LocalDate.parse("2026-03-02"),
            LocalDate.parse("2026-03-03"),
            LocalDate.parse("2026-03-04"),
            LocalDate.parse("2026-03-05"));

    @TempDir
    Path work;

    @Test
    void parquetJavaReadsTheArchiveWithTheDatabasesTypesAndValues() throws Exception {
        // given: the golden week once with every day kept in DuckDB (a), once with the older days archived (b)
        Path archive = work.resolve("archive");
        Path dbA = runWeek("a", settings("a", "retention.measurement-days = 0\n"));

        // when
        Path dbB = runWeek("b", settings("b", "retention.measurement-days = 2\narchive.dir = " + archive + "\n"));

        // then: the archived days' rows are no longer in b, only in the files
        assertThat(DuckDbFile.rows(dbB, "SELECT count(*) FROM measurement_rows WHERE day < DATE '2026-03-06'"))
                .containsExactly("0");

        long[] rowsRead = new long[ArchivedTable.values().length];
        boolean sawNullPrefix = false;
        for (ArchivedTable table : ArchivedTable.of(ArchivedTable.Window.MEASUREMENTS)) {
            assertThat(dayFolders(archive.resolve(table.folder())))
                    .as(table.folder())
                    .containsExactlyElementsOf(
                            ARCHIVED_DAYS.stream().map(d -> "day=" + d).toList());
            for (LocalDate day : ARCHIVED_DAYS) {
                List<List<Object>> rows = assertFileHoldsTheDatabasesRows(archive, table, day, dbA);
                rowsRead[table.ordinal()] += rows.size();
                if (table == ArchivedTable.UNATTRIBUTED) {
                    sawNullPrefix |= rows.stream().anyMatch(row -> row.get(9) == null);
                }
            }
        }

        // the comparison covered real rows of each table, NULLs included
        assertThat(rowsRead[ArchivedTable.MEASUREMENTS.ordinal()]).isGreaterThan(800);
        assertThat(rowsRead[ArchivedTable.UNATTRIBUTED.ordinal()]).isPositive();
        assertThat(rowsRead[ArchivedTable.REJECTS.ordinal()]).isPositive();
        assertThat(sawNullPrefix)
                .as("an unattributed row without prefix (no_prefix)")
                .isTrue();
    }

    @Test
    void parquetJavaReadsTheArchivedAggregatesWithTheDatabasesTypesAndValues() throws Exception {
        // given: the settings of AggregateRetentionTest (REGRESSION over 2 days, a 2-day catch-up horizon, so that a
        // 3-day aggregate window is allowed), once keeping every day (a), once archiving (b)
        Path dbA = runWeek("a", AggregateRetentionTest.settings(Files.createDirectories(work.resolve("a")), 0, 0));
        Path retained = Files.createDirectories(work.resolve("b"));

        // when
        Path dbB = runWeek("b", AggregateRetentionTest.settings(retained, 2, 3));

        // then: the incidents keep 03-03 on in DuckDB, so 03-02 is the one day whose aggregates left it
        Path archive = retained.resolve("archive");
        LocalDate day = LocalDate.parse("2026-03-02");
        assertThat(DuckDbFile.rows(dbB, "SELECT day FROM evaluated_days ORDER BY day LIMIT 1"))
                .containsExactly("2026-03-03");

        Map<ArchivedTable, List<List<Object>>> read = new EnumMap<>(ArchivedTable.class);
        for (ArchivedTable table : ArchivedTable.of(ArchivedTable.Window.AGGREGATES)) {
            assertThat(dayFolders(archive.resolve(table.folder())))
                    .as(table.folder())
                    .containsExactly("day=" + day);
            read.put(table, assertFileHoldsTheDatabasesRows(archive, table, day, dbA));
        }

        // the comparison covered real rows of each table that has some that day
        for (ArchivedTable table : List.of(
                ArchivedTable.CONNECTION_DAILY,
                ArchivedTable.CONNECTION_HOURLY,
                ArchivedTable.PREFIX_DAILY,
                ArchivedTable.ALERT_JUDGEMENTS,
                ArchivedTable.DAY_CONNECTIONS,
                ArchivedTable.INPUT_FILES,
                ArchivedTable.PREFIX_EVENTS,
                ArchivedTable.BGP_DAYS,
                ArchivedTable.BGP_FILES)) {
            assertThat(read.get(table)).as(table.folder()).isNotEmpty();
        }
        // no alert fired on the week's first day (REGRESSION has no earlier day to compare with): the file is empty,
        // with the alerts' columns, and so is the day in the database
        assertThat(read.get(ArchivedTable.ALERTS)).as("alerts on " + day).isEmpty();
        assertThat(DuckDbFile.rows(dbA, "SELECT count(*) FROM alerts WHERE day = DATE '" + day + "'"))
                .containsExactly("0");
        assertThat(read.get(ArchivedTable.SKIPPED_FILES))
                .as("no file was skipped in the week")
                .isEmpty();
    }

    /**
     * The archive's file of the table and day, read by parquet-java alone, has the archive's columns with the types
     * of their database columns, and every row and value, in the archive's order, that database {@code db} has for
     * the day. Returns the rows read.
     */
    private static List<List<Object>> assertFileHoldsTheDatabasesRows(
            Path archive, ArchivedTable table, LocalDate day, Path db) throws IOException, SQLException {
        Path file = archive.resolve(table.folder()).resolve("day=" + day).resolve("data.parquet");
        ParquetRows read = ParquetRows.read(file);

        // the file's schema: the archive's columns, in order, with their types
        assertEquals(table.columns(), read.columnNames(), file.toString());
        for (PrimitiveType column : read.columns()) {
            assertColumnType(table, column);
        }
        // every row and value, in the file's order, as the database has them
        String what = table.folder() + " " + day;
        List<List<Object>> expected = databaseRows(db, table, day);
        assertEquals(expected.size(), read.rowCountInFooter(), what + ": rows in the footer");
        assertEquals(expected.size(), read.rows().size(), what + ": rows read");
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r), read.rows().get(r), what + ", row " + (r + 1));
        }
        return read.rows();
    }

    /** The database type of an archived column, by name: what its Parquet type and its Java value follow. */
    private static String databaseType(String column) {
        return switch (column) {
            case "line",
                    "samples",
                    "rows",
                    "bytes",
                    "announcements",
                    "records",
                    "multicast",
                    "rejected",
                    "byte_offset" -> "BIGINT";
            case "peers_max", "files" -> "INTEGER";
            case "hour" -> "TINYINT";
            case "ts", "start_time", "quorum_time", "end_time" -> "TIMESTAMP";
            case "rtt_ms", "min_ms", "max_ms" -> "DECIMAL(15,6)";
            case "sum_ms" -> "DECIMAL(38,6)";
            case "mean_ms", "median_ms", "p95_ms", "p99_ms", "observed_ms", "threshold_ms", "baseline_ms" -> "DOUBLE";
            default -> "VARCHAR";
        };
    }

    /**
     * Per database type: VARCHAR is BINARY/STRING, BIGINT an INT64, TINYINT an INT32 annotated INT(8, signed), DOUBLE
     * a DOUBLE, TIMESTAMP an INT64 TIMESTAMP without time zone, DECIMAL(15,6) a DECIMAL(15,6) in an INT64 and
     * DECIMAL(38,6) a DECIMAL(38,6) in a 16-byte FIXED_LEN_BYTE_ARRAY (the physical types DuckDB writes them in).
     */
    private static void assertColumnType(ArchivedTable table, PrimitiveType column) {
        String name = table.folder() + "." + column.getName();
        String type = databaseType(column.getName());
        LogicalTypeAnnotation logical = column.getLogicalTypeAnnotation();
        switch (type) {
            case "DECIMAL(15,6)" -> assertDecimal(name, column, PrimitiveTypeName.INT64, 15, 6);
            case "DECIMAL(38,6)" -> {
                assertDecimal(name, column, PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, 38, 6);
                assertEquals(16, column.getTypeLength(), name + " bytes");
            }
            case "BIGINT" -> {
                assertEquals(PrimitiveTypeName.INT64, column.getPrimitiveTypeName(), name);
                assertThat(logical).as(name).isIn(null, LogicalTypeAnnotation.intType(64, true));
            }
            case "TINYINT" -> {
                assertEquals(PrimitiveTypeName.INT32, column.getPrimitiveTypeName(), name);
                assertEquals(LogicalTypeAnnotation.intType(8, true), logical, name);
            }
            case "INTEGER" -> {
                assertEquals(PrimitiveTypeName.INT32, column.getPrimitiveTypeName(), name);
                assertThat(logical).as(name).isIn(null, LogicalTypeAnnotation.intType(32, true));
            }
            case "DOUBLE" -> {
                assertEquals(PrimitiveTypeName.DOUBLE, column.getPrimitiveTypeName(), name);
                assertThat(logical).as(name).isNull();
            }
            case "TIMESTAMP" -> {
                assertEquals(PrimitiveTypeName.INT64, column.getPrimitiveTypeName(), name);
                assertThat(logical).as(name).isInstanceOf(TimestampLogicalTypeAnnotation.class);
                assertThat(((TimestampLogicalTypeAnnotation) logical).isAdjustedToUTC())
                        .as(name + " is a local time (TIMESTAMP, not TIMESTAMPTZ)")
                        .isFalse();
            }
            default -> {
                assertEquals(PrimitiveTypeName.BINARY, column.getPrimitiveTypeName(), name);
                assertEquals(LogicalTypeAnnotation.stringType(), logical, name);
            }
        }
    }

    private static void assertDecimal(
            String name, PrimitiveType column, PrimitiveTypeName physical, int precision, int scale) {
        assertEquals(physical, column.getPrimitiveTypeName(), name);
        assertThat(column.getLogicalTypeAnnotation()).as(name).isInstanceOf(DecimalLogicalTypeAnnotation.class);
        DecimalLogicalTypeAnnotation decimal = (DecimalLogicalTypeAnnotation) column.getLogicalTypeAnnotation();
        assertEquals(precision, decimal.getPrecision(), name + " precision");
        assertEquals(scale, decimal.getScale(), name + " scale");
    }

    /**
     * The table's rows of the day in the database, as Java values (NULL as null), in the archive file's order; each
     * column of the database type {@link #databaseType} gives it.
     */
    private static List<List<Object>> databaseRows(Path db, ArchivedTable table, LocalDate day) throws SQLException {
        String sql = "SELECT " + String.join(", ", table.columns()) + " FROM " + table.folder() + " WHERE day = DATE '"
                + day + "' ORDER BY " + table.orderBy();
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            for (int c = 1; c <= table.columns().size(); c++) {
                String name = table.columns().get(c - 1);
                assertEquals(databaseType(name), rs.getMetaData().getColumnTypeName(c), table.folder() + "." + name);
            }
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= table.columns().size(); c++) {
                    String type = databaseType(table.columns().get(c - 1));
                    row.add(
                            rs.getObject(c) == null
                                    ? null
                                    : switch (type) {
                                        case "BIGINT" -> rs.getLong(c);
                                        case "TINYINT", "INTEGER" -> rs.getInt(c);
                                        case "DOUBLE" -> rs.getDouble(c);
                                        case "TIMESTAMP" -> rs.getObject(c, LocalDateTime.class);
                                        case "VARCHAR" -> rs.getString(c);
                                        default ->
                                            rs.getBigDecimal(c)
                                                    .setScale(rs.getMetaData().getScale(c));
                                    });
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The golden week, 2026-03-02 .. 03-07, into {@code out-<name>} and the database {@code <name>.duckdb}. */
    private Path runWeek(String name, Path settings) {
        Path db = work.resolve(name + ".duckdb");
        GoldenJobTest.run(
                CASE,
                work.resolve("out-" + name),
                db,
                "--from",
                "2026-03-02",
                "--to",
                "2026-03-07",
                "--settings",
                settings.toString());
        return db;
    }

    private static List<String> dayFolders(Path tableFolder) throws IOException {
        try (Stream<Path> list = Files.list(tableFolder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path settings(String name, String retention) throws IOException {
        return Files.writeString(
                work.resolve(name + ".properties"),
                "alerts = " + Files.writeString(work.resolve(name + "-alerts.properties"), "") + "\n" + retention);
    }

    /** One Parquet file read by parquet-java alone: its flat columns, row count from the footer, and rows. */
    record ParquetRows(List<PrimitiveType> columns, long rowCountInFooter, List<List<Object>> rows) {

        static ParquetRows read(Path file) throws IOException {
            ParquetReadOptions options =
                    ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                List<PrimitiveType> columns = new ArrayList<>();
                for (Type field : schema.getFields()) {
                    assertThat(field.isPrimitive())
                            .as(field.getName() + " is a flat column")
                            .isTrue();
                    columns.add(field.asPrimitiveType());
                }
                List<List<Object>> rows = new ArrayList<>();
                PageReadStore rowGroup;
                while ((rowGroup = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = new ColumnIOFactory()
                            .getColumnIO(schema)
                            .getRecordReader(rowGroup, new GroupRecordConverter(schema));
                    for (long r = 0; r < rowGroup.getRowCount(); r++) {
                        Group group = records.read();
                        List<Object> row = new ArrayList<>();
                        for (int c = 0; c < columns.size(); c++) {
                            row.add(group.getFieldRepetitionCount(c) == 0 ? null : value(group, c, columns.get(c)));
                        }
                        rows.add(row);
                    }
                }
                return new ParquetRows(columns, reader.getRecordCount(), rows);
            }
        }

        List<String> columnNames() {
            return columns.stream().map(Type::getName).toList();
        }

        /**
         * The column's value as Java sees it in the database: String, long, int, double, LocalDateTime or BigDecimal.
         */
        private static Object value(Group group, int c, PrimitiveType type) {
            LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
            if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                // the unscaled value: an INT32 or INT64, or a big-endian two's complement in a byte array
                BigInteger unscaled = switch (type.getPrimitiveTypeName()) {
                    case INT32 -> BigInteger.valueOf(group.getInteger(c, 0));
                    case INT64 -> BigInteger.valueOf(group.getLong(c, 0));
                    case FIXED_LEN_BYTE_ARRAY, BINARY ->
                        new BigInteger(group.getBinary(c, 0).getBytes());
                    default -> throw new AssertionError("a decimal of unexpected type: " + type);
                };
                return new BigDecimal(unscaled, decimal.getScale());
            }
            if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
                long value = group.getLong(c, 0);
                long perSecond = switch (timestamp.getUnit()) {
                    case MILLIS -> 1_000L;
                    case MICROS -> 1_000_000L;
                    case NANOS -> 1_000_000_000L;
                };
                long nanosPerUnit = 1_000_000_000L / perSecond;
                return LocalDateTime.ofEpochSecond(
                        Math.floorDiv(value, perSecond),
                        (int) (Math.floorMod(value, perSecond) * nanosPerUnit),
                        ZoneOffset.UTC);
            }
            if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT64) {
                return group.getLong(c, 0);
            }
            if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT32) {
                return group.getInteger(c, 0);
            }
            if (type.getPrimitiveTypeName() == PrimitiveTypeName.DOUBLE) {
                return group.getDouble(c, 0);
            }
            if (LogicalTypeAnnotation.stringType().equals(logical)) {
                return group.getString(c, 0);
            }
            throw new AssertionError("a column of unexpected type: " + type);
        }
    }
}
