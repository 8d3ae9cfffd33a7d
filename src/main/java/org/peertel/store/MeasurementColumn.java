package org.peertel.store;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of {@code measurement_rows}, in table order: the one declaration of the row. The Arrow schema the spool
 * is handed over in, the publish's INSERT and the typed vectors of a batch are derived from it;
 * MeasurementColumnTest compares it with the table a fresh database gets from the migrations (which are frozen
 * text: a change of the row is a new migration and a change here). Each column but the day (one value for the whole
 * insert) has the Arrow type DuckDB maps to its SQL type without a cast.
 */
enum MeasurementColumn {

    /** The UTC day the row belongs to: one value for a whole publish, so not in the spool. */
    DAY("DATE", null),
    /** day_names.files[file_no + 1] */
    FILE_NO("INTEGER", new ArrowType.Int(32, true)),
    LINE("BIGINT", new ArrowType.Int(64, true)),
    /** UTC */
    TS("TIMESTAMP", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
    /** An IPv4 client as its 32-bit value, else NULL. */
    CLIENT_IPV4("UINTEGER", new ArrowType.Int(32, false), true),
    /** An IPv6 client in its canonical text (RFC 5952), else NULL. */
    CLIENT_IPV6("VARCHAR", ArrowType.Utf8.INSTANCE, true),
    /** (first letter - 'A') * 26 + (second letter - 'A') */
    COUNTRY_CODE("SMALLINT", new ArrowType.Int(16, true)),
    /** The same for a US state; -1 for none. */
    STATE_CODE("SMALLINT", new ArrowType.Int(16, true)),
    /** day_names.edge_pops[file_no + 1][edge_pop_no + 1] */
    EDGE_POP_NO("INTEGER", new ArrowType.Int(32, true)),
    /** Exact: sums and means do not depend on summation order. */
    RTT_MS("DECIMAL(15,6)", new ArrowType.Decimal(15, 6, 128)),
    /** registry_names.connections[connection_no + 1] */
    CONNECTION_NO("INTEGER", new ArrowType.Int(32, true)),
    /** registry_names.prefixes[prefix_no + 1]: the longest prefix that matched. */
    PREFIX_NO("INTEGER", new ArrowType.Int(32, true));

    static final String TABLE = "measurement_rows";

    /** The columns a spool batch carries, in table order: all but the day. */
    static final List<MeasurementColumn> SPOOLED =
            Arrays.stream(values()).filter(c -> c.arrowType != null).toList();

    /** The Arrow schema of a spool batch: the {@link #SPOOLED} columns. */
    static final Schema ARROW_SCHEMA =
            new Schema(SPOOLED.stream().map(MeasurementColumn::arrowField).toList());

    private final String sqlType;
    private final ArrowType arrowType;
    private final boolean nullable;

    MeasurementColumn(String sqlType, ArrowType arrowType) {
        this(sqlType, arrowType, false);
    }

    MeasurementColumn(String sqlType, ArrowType arrowType, boolean nullable) {
        this.sqlType = sqlType;
        this.arrowType = arrowType;
        this.nullable = nullable;
    }

    /** The column's name in measurement_rows and in the Arrow schema, e.g. {@code file_no}. */
    String columnName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type as DuckDB names it in information_schema.columns, e.g. {@code DECIMAL(15,6)}. */
    String sqlType() {
        return sqlType;
    }

    boolean nullable() {
        return nullable;
    }

    /** The vector of this column in a batch of {@link #ARROW_SCHEMA}, as the vector class of its Arrow type. */
    <V extends FieldVector> V vector(VectorSchemaRoot root, Class<V> type) {
        return type.cast(root.getVector(columnName()));
    }

    private Field arrowField() {
        return new Field(columnName(), new FieldType(nullable, arrowType, null), null);
    }

    /**
     * {@code INSERT INTO measurement_rows (day, file_no, ...) SELECT <day>, file_no, ... FROM <source>}: the day
     * given as the SQL expression {@code day}, the other columns by their names in {@code source}.
     */
    static String insertFrom(String source, String day) {
        String spooled = SPOOLED.stream().map(MeasurementColumn::columnName).collect(Collectors.joining(", "));
        return "INSERT INTO " + TABLE + " (" + DAY.columnName() + ", " + spooled + ") SELECT " + day + ", " + spooled
                + " FROM " + source;
    }
}
