package org.peertel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.peertel.config.DuckDbSettings;
import org.peertel.config.JobSettings;

/**
 * The two baselines of the end-to-end benchmark ({@code src/test/bench/end-to-end.sh}), timed in this JVM through
 * DuckDB's JDBC driver with the job's own DuckDB settings (memory limit, spill folder, threads from the settings
 * file), so a fresh machine needs nothing beyond the build:
 * <ul>
 *   <li>{@code scan}: DuckDB's bare {@code SELECT count(*) FROM read_csv(<the day's files>)} with its defaults, the
 *       floor for just reading the input;</li>
 *   <li>{@code sql}: the whole job written as DuckDB SQL, IPv4 only (the "pure-SQL plan"): the registry's
 *       IPv4 prefixes as integer ranges, the day's files loaded into a table of a file database (rows failing the
 *       main checks dropped: day, IPv4 dotted quad, rtt), a range join of every IPv4 client to the prefixes
 *       containing it, the longest match kept, the connection chosen by location among those that registered it,
 *       and the statistics per connection and day (count, min, max, sum,
 *       quantile_cont 0.5 / 0.95 / 0.99) written to a table.</li>
 * </ul>
 * The time printed starts once the connection is open (JVM start and DuckDB's native library load excluded).
 * Usage: {@code DuckDbBaselines scan|sql DAY_FOLDER YYYY-MM-DD CONNECTIONS_CSV DB_FILE [SETTINGS_FILE]}. Prints one
 * {@code key=value} line; the database file is replaced.
 */
public final class DuckDbBaselines {

    private DuckDbBaselines() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || !List.of("scan", "sql").contains(args[0])) {
            System.err.println("usage: DuckDbBaselines scan|sql DAY_FOLDER YYYY-MM-DD CONNECTIONS_CSV DB_FILE "
                    + "[SETTINGS_FILE]");
            System.exit(2);
        }
        Path dayFolder = Path.of(args[1]);
        String day = args[2];
        Path registry = Path.of(args[3]);
        Path db = Path.of(args[4]);
        Path settingsFile = args.length > 5 ? Path.of(args[5]) : JobSettings.DEFAULT_FILE;
        DuckDbSettings settings = Files.isRegularFile(settingsFile)
                ? JobSettings.load(settingsFile).duckDb()
                : DuckDbSettings.defaults();
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + ".wal"));
        String files = fileList(dayFolder);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            settings.apply(connection, db);
            // timed from here: the JVM's start and DuckDB's native library load are not the baseline's work
            long start = System.nanoTime();
            if (args[0].equals("scan")) {
                long rows = single(statement, "SELECT count(*) FROM read_csv(" + files + ")");
                System.out.printf("baseline=scan rows=%d seconds=%.3f%n", rows, seconds(start));
            } else {
                pureSql(statement, files, day, registry, start);
            }
        }
    }

    private static void pureSql(Statement statement, String files, String day, Path registry, long start)
            throws SQLException {
        statement.execute("CREATE TABLE prefixes AS "
                + "WITH registered AS (SELECT connection_id, upper(country) AS country, upper(coalesce(state, '')) "
                + "    AS state, unnest(regexp_split_to_array(trim(prefixes), '[ ;]+')) AS prefix "
                + "  FROM read_csv('" + quote(registry) + "', header = true, all_varchar = true)), "
                + "ipv4 AS (SELECT *, CAST(split_part(prefix, '/', 2) AS INTEGER) AS length, "
                + ipv4Number("split_part(prefix, '/', 1)") + " AS network FROM registered "
                + "  WHERE prefix NOT LIKE '%:%') "
                + "SELECT connection_id, country, state, length, network AS low, "
                + "  network + (1::UBIGINT << (32 - length)) - 1 AS high FROM ipv4");
        long loadStart = System.nanoTime();
        statement.execute("CREATE TABLE measurements AS "
                + "SELECT upper(country) AS country, upper(coalesce(state, '')) AS state, "
                + "  CAST(rtt_ms AS DECIMAL(15,6)) AS rtt, " + ipv4Number("client_ip") + " AS ip "
                + "FROM " + readCsv(files) + " "
                + "WHERE left(timestamp, 10) = '" + day + "' AND regexp_full_match(client_ip, "
                + "  '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}') "
                + "  AND regexp_full_match(rtt_ms, '[0-9]+(\\.[0-9]+)?') AND TRY_CAST(rtt_ms AS DOUBLE) > 0 "
                + "  AND TRY_CAST(rtt_ms AS DOUBLE) <= 60000 AND coalesce(edge_pop, '') <> ''");
        double load = seconds(loadStart);
        long measurements = single(statement, "SELECT count(*) FROM measurements");
        long joinStart = System.nanoTime();
        // Each candidate scores length * 2 + (1 when its location is the row's): the best score per row is the
        // longest prefix, and odd when one of its connections is at the row's location (else location_mismatch).
        // One hash aggregate; the same with window functions (max(length) OVER, then row_number() to pick one)
        // measured 31 s without a memory limit and 51 s with 2GB, against 18 s for this, at 10 M rows.
        statement.execute("CREATE TABLE connection_daily AS "
                + "WITH candidates AS (SELECT m.rowid AS id, m.rtt, p.connection_id, p.length * 2 + CASE WHEN "
                + "    p.country = m.country AND (m.country <> 'US' OR p.state = m.state) THEN 1 ELSE 0 END AS score "
                + "  FROM measurements m JOIN prefixes p ON m.ip BETWEEN p.low AND p.high), "
                + "best AS (SELECT id, any_value(rtt) AS rtt, arg_max(connection_id, score) AS connection_id, "
                + "    max(score) AS score FROM candidates GROUP BY id) "
                + "SELECT DATE '" + day + "' AS day, connection_id, count(*) AS samples, min(rtt) AS min_ms, "
                + "  max(rtt) AS max_ms, sum(rtt) AS sum_ms, "
                + "  quantile_cont(rtt::DOUBLE, [0.5, 0.95, 0.99]) AS median_p95_p99_ms "
                + "FROM best WHERE score % 2 = 1 GROUP BY connection_id");
        double join = seconds(joinStart);
        long attributed = single(statement, "SELECT coalesce(sum(samples), 0) FROM connection_daily");
        long prefixes = single(statement, "SELECT count(*) FROM prefixes");
        System.out.printf(
                "baseline=sql prefixes=%d ipv4_measurements=%d attributed=%d load_seconds=%.3f "
                        + "join_aggregate_seconds=%.3f seconds=%.3f%n",
                prefixes, measurements, attributed, load, join, seconds(start));
    }

    /** read_csv over the files, every column text, short rows padded (the checks below drop them). */
    private static String readCsv(String files) {
        return "read_csv(" + files + ", header = true, all_varchar = true, null_padding = true)";
    }

    /** The IPv4 dotted quad in {@code column} as a UBIGINT (null when it is not one). */
    private static String ipv4Number(String column) {
        return "(TRY_CAST(split_part(" + column + ", '.', 1) AS UBIGINT) << 24) + (TRY_CAST(split_part(" + column
                + ", '.', 2) AS UBIGINT) << 16) + (TRY_CAST(split_part(" + column + ", '.', 3) AS UBIGINT) << 8) + "
                + "TRY_CAST(split_part(" + column + ", '.', 4) AS UBIGINT)";
    }

    /** The day's latency files, as the job reads them ({@code *.csv}, {@code *.csv.gz}), as a DuckDB list. */
    private static String fileList(Path dayFolder) throws IOException {
        try (Stream<Path> files = Files.list(dayFolder)) {
            List<String> names = files.map(Path::toString)
                    .filter(name -> name.endsWith(".csv") || name.endsWith(".csv.gz"))
                    .sorted()
                    .toList();
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no *.csv or *.csv.gz files in " + dayFolder);
            }
            return names.stream()
                    .map(name -> "'" + name.replace("'", "''") + "'")
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    private static String quote(Path path) {
        return path.toAbsolutePath().toString().replace("'", "''");
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
