package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.List;
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
 * The Parquet archive is readable without DuckDB: the per-row tables' files (measurements, unattributed, rejects:
 * the text, timestamp and decimal columns analysts read) that retentionStep wrote for the golden week are read
 * with Apache Parquet's own Java reader (parquet-java: {@code ParquetFileReader} on a {@code LocalInputFile}, the
 * example {@code Group} records), and their schema and every value are compared with what a database that kept
 * every day (retention at 0) holds for those days.
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
        Path dbA = work.resolve("a.duckdb");
        Path dbB = work.resolve("b.duckdb");
        Path archive = work.resolve("archive");
        GoldenJobTest.run(
                CASE,
                work.resolve("out-a"),
                dbA,
                "--from",
                "2026-03-02",
                "--to",
                "2026-03-07",
                "--settings",
                settings("a", "retention.measurement-days = 0\n").toString());

        // when
        GoldenJobTest.run(
                CASE,
                work.resolve("out-b"),
                dbB,
                "--from",
                "2026-03-02",
                "--to",
                "2026-03-07",
                "--settings",
                settings("b", "retention.measurement-days = 2\narchive.dir = " + archive + "\n")
                        .toString());

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
                Path file =
                        archive.resolve(table.folder()).resolve("day=" + day).resolve("data.parquet");
                ParquetRows read = ParquetRows.read(file);

                // the file's schema: the archive's columns, in order, with their types
                assertEquals(table.columns(), read.columnNames(), file.toString());
                for (PrimitiveType column : read.columns()) {
                    assertColumnType(table, column);
                }
                // every row and value, in the file's order (file, line) as the database has them
                String what = table.folder() + " " + day;
                List<List<Object>> expected = databaseRows(dbA, table, day);
                assertEquals(expected.size(), read.rowCountInFooter(), what + ": rows in the footer");
                assertEquals(expected.size(), read.rows().size(), what + ": rows read");
                for (int r = 0; r < expected.size(); r++) {
                    assertEquals(expected.get(r), read.rows().get(r), what + ", row " + (r + 1));
                }
                rowsRead[table.ordinal()] += read.rows().size();
                if (table == ArchivedTable.UNATTRIBUTED) {
                    sawNullPrefix |= read.rows().stream().anyMatch(row -> row.get(9) == null);
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

    /** Strings are BINARY/STRING, line INT64, ts a TIMESTAMP without time zone, rtt_ms DECIMAL(15,6) in an INT64. */
    private static void assertColumnType(ArchivedTable table, PrimitiveType column) {
        String name = table.folder() + "." + column.getName();
        LogicalTypeAnnotation logical = column.getLogicalTypeAnnotation();
        switch (column.getName()) {
            case "line" -> {
                assertEquals(PrimitiveTypeName.INT64, column.getPrimitiveTypeName(), name);
                assertThat(logical).as(name).isIn(null, LogicalTypeAnnotation.intType(64, true));
            }
            case "ts" -> {
                assertEquals(PrimitiveTypeName.INT64, column.getPrimitiveTypeName(), name);
                assertThat(logical).as(name).isInstanceOf(TimestampLogicalTypeAnnotation.class);
                assertThat(((TimestampLogicalTypeAnnotation) logical).isAdjustedToUTC())
                        .as(name + " is a local time (TIMESTAMP, not TIMESTAMPTZ)")
                        .isFalse();
            }
            case "rtt_ms" -> {
                assertEquals(PrimitiveTypeName.INT64, column.getPrimitiveTypeName(), name);
                assertThat(logical).as(name).isInstanceOf(DecimalLogicalTypeAnnotation.class);
                DecimalLogicalTypeAnnotation decimal = (DecimalLogicalTypeAnnotation) logical;
                assertEquals(15, decimal.getPrecision(), name + " precision");
                assertEquals(6, decimal.getScale(), name + " scale");
            }
            default -> {
                assertEquals(PrimitiveTypeName.BINARY, column.getPrimitiveTypeName(), name);
                assertEquals(LogicalTypeAnnotation.stringType(), logical, name);
            }
        }
    }

    /** The table's rows of the day in database a, as Java values, in the archive's order (file, line). */
    private static List<List<Object>> databaseRows(Path db, ArchivedTable table, LocalDate day) throws SQLException {
        String sql = "SELECT " + String.join(", ", table.columns()) + " FROM " + table.folder() + " WHERE day = DATE '"
                + day + "' ORDER BY file, line";
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= table.columns().size(); c++) {
                    row.add(
                            switch (table.columns().get(c - 1)) {
                                case "line" -> rs.getLong(c);
                                case "ts" -> rs.getObject(c, LocalDateTime.class);
                                case "rtt_ms" -> rs.getBigDecimal(c).setScale(6);
                                default -> rs.getString(c);
                            });
                }
                rows.add(row);
            }
        }
        return rows;
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

        /** The column's value as Java sees it in the database: String, long, LocalDateTime or BigDecimal. */
        private static Object value(Group group, int c, PrimitiveType type) {
            LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
            if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                // the unscaled value, as INT64 (checked by assertColumnType)
                return BigDecimal.valueOf(group.getLong(c, 0), decimal.getScale());
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
            if (LogicalTypeAnnotation.stringType().equals(logical)) {
                return group.getString(c, 0);
            }
            throw new AssertionError("a column of unexpected type: " + type);
        }
    }
}
