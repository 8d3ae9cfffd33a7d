package org.peertel.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The rows into measurement_rows through DuckDB's Appender (duckdb_jdbc 2.x: {@code createAppender}, then
 * beginRow / typed appends / endRow per row; the driver fills DuckDB's data chunks directly). With several
 * threads, each appends its share through its own connection ({@link DuckDBConnection#duplicate()} of the
 * store's) in its own transaction; all are committed at the end, one after the other.
 */
final class AppenderHandOver {

    private AppenderHandOver() {}

    static void load(Connection store, HandOverRows rows, int threads) throws Exception {
        if (threads == 1) {
            HandOverTransaction.run(store, () -> append(store, rows, 0, rows.size));
            return;
        }
        List<Connection> connections = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Connection connection = ((DuckDBConnection) store).duplicate();
                connections.add(connection);
                connection.setAutoCommit(false);
            }
            HandOverThreads.run(
                    threads,
                    t -> append(
                            connections.get(t),
                            rows,
                            HandOverThreads.from(rows.size, threads, t),
                            HandOverThreads.from(rows.size, threads, t + 1)));
            HandOverTransaction.commit(connections);
        } finally {
            for (Connection connection : connections) {
                connection.close(); // an uncommitted transaction is rolled back
            }
        }
    }

    /** Rows [from, to) through one appender of {@code connection}. */
    private static void append(Connection connection, HandOverRows rows, int from, int to) throws SQLException {
        try (DuckDBAppender appender =
                ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "measurement_rows")) {
            for (int i = from; i < to; i++) {
                appender.beginRow()
                        .appendEpochDays(rows.epochDay)
                        .append(rows.fileNo[i])
                        .append(rows.line[i])
                        .appendEpochMicros(rows.epochMicros[i]);
                if (rows.ipv6[i] == null) {
                    appender.append(rows.ipv4[i]).appendNull(); // UINTEGER takes the int's 32 bits
                } else {
                    appender.appendNull().append(rows.ipv6[i]); // VARCHAR takes UTF-8 bytes
                }
                appender.append(rows.country[i])
                        .append(rows.state[i])
                        .append(rows.edgePopNo[i])
                        .appendDecimal(rows.rttMicros[i]) // DECIMAL(15,6) is stored as its unscaled BIGINT
                        .append(rows.connectionNo[i])
                        .append(rows.prefixNo[i])
                        .endRow();
            }
        }
    }
}
