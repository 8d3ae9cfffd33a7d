package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MeasurementColumn}, the one declaration of measurement_rows, against what DuckDB makes of the migrations
 * and of the Arrow schema derived from it.
 */
class MeasurementColumnTest {

    @TempDir
    Path folder;

    /** Each column as "name type NOT NULL|NULL", in table order. */
    private static List<String> declared(List<MeasurementColumn> columns) {
        return columns.stream()
                .map(c -> c.columnName() + " " + c.sqlType() + (c.nullable() ? " NULL" : " NOT NULL"))
                .toList();
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void theDeclarationIsTheTableAFreshDatabaseGets() throws Exception {
        // given: a database made by the migrations alone
        try (TelemetryStore store = TelemetryStore.open(folder.resolve("fresh.duckdb"))) {
            // when
            List<String> table = rows(
                    store.connection(),
                    "SELECT column_name || ' ' || data_type || "
                            + "CASE is_nullable WHEN 'YES' THEN ' NULL' ELSE ' NOT NULL' END FROM information_schema.columns "
                            + "WHERE table_catalog = current_database() AND table_schema = 'main' "
                            + "AND table_name = 'measurement_rows' ORDER BY ordinal_position");

            // then: name, order, type and nullability
            assertThat(table).containsExactlyElementsOf(declared(Arrays.asList(MeasurementColumn.values())));
        }
    }

    @Test
    void theArrowSchemaIsEveryColumnButTheDayInTableOrder() {
        List<MeasurementColumn> spooled = Arrays.stream(MeasurementColumn.values())
                .filter(c -> c != MeasurementColumn.DAY)
                .toList();

        assertThat(MeasurementColumn.SPOOLED).containsExactlyElementsOf(spooled);
        assertThat(MeasurementColumn.ARROW_SCHEMA.getFields())
                .extracting(Field::getName)
                .containsExactlyElementsOf(
                        spooled.stream().map(MeasurementColumn::columnName).toList());
        assertThat(MeasurementColumn.ARROW_SCHEMA.getFields())
                .extracting(Field::isNullable)
                .containsExactlyElementsOf(
                        spooled.stream().map(MeasurementColumn::nullable).toList());
    }

    @Test
    void duckDbTakesEachArrowTypeAsTheColumnsSqlTypeWithoutACast() throws Exception {
        // given: a spool batch stream (no files: the schema alone) registered as a view
        try (TelemetryStore store = TelemetryStore.open(folder.resolve("t.duckdb"));
                BufferAllocator allocator = new RootAllocator();
                ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            Connection connection = store.connection();
            Data.exportArrayStream(allocator, new MeasurementSpoolReader(allocator, List.of(), List.of()), stream);
            connection.unwrap(DuckDBConnection.class).registerArrowStream("spooled_columns", stream);

            // when
            List<String> types = new ArrayList<>();
            try (PreparedStatement describe = connection.prepareStatement("DESCRIBE SELECT * FROM spooled_columns");
                    ResultSet rs = describe.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString("column_name") + " " + rs.getString("column_type"));
                }
            }
            try (Statement drop = connection.createStatement()) {
                drop.execute("DROP VIEW spooled_columns");
            }

            // then
            assertThat(types)
                    .containsExactlyElementsOf(MeasurementColumn.SPOOLED.stream()
                            .map(c -> c.columnName() + " " + c.sqlType())
                            .toList());
        }
    }

    @Test
    void theInsertNamesTheDayAndEverySpooledColumn() {
        assertThat(MeasurementColumn.insertFrom("v", "DATE '2026-03-02'"))
                .isEqualTo("INSERT INTO measurement_rows "
                        + "(day, file_no, line, ts, client_ipv4, client_ipv6, country_code, state_code, edge_pop_no, rtt_ms, "
                        + "connection_no, prefix_no) SELECT DATE '2026-03-02', file_no, line, ts, client_ipv4, client_ipv6, "
                        + "country_code, state_code, edge_pop_no, rtt_ms, connection_no, prefix_no FROM v");
    }
}
