package org.peertel.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a day has published: every output file that names the day, byte for byte, and every DuckDB row of the day.
 * Two snapshots are equal when a run left the day untouched.
 */
record DaySnapshot(Map<String, String> files, Map<String, List<String>> rows) {

    private static final List<String> TABLES = List.of(
            "measurements",
            "unattributed",
            "rejects",
            "input_files",
            "skipped_files",
            "connection_daily",
            "connection_hourly",
            "prefix_daily",
            "alerts");

    static DaySnapshot of(Path out, Path db, String day) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(file).toString().replace('\\', '/');
                if (name.contains(day)) {
                    files.put(name, HexFormat.of().formatHex(Files.readAllBytes(file)));
                }
            }
        }
        Map<String, List<String>> rows = new TreeMap<>();
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
            for (String table : TABLES) {
                List<String> tableRows = new ArrayList<>();
                try (PreparedStatement query =
                        connection.prepareStatement("SELECT * FROM " + table + " WHERE day = ? ORDER BY ALL")) {
                    query.setObject(1, LocalDate.parse(day));
                    try (ResultSet rs = query.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int c = 1; c <= columns; c++) {
                                row.append(rs.getString(c)).append('|');
                            }
                            tableRows.add(row.toString());
                        }
                    }
                }
                rows.put(table, tableRows);
            }
        }
        return new DaySnapshot(files, rows);
    }

    /** The number of published measurements, to show that the snapshot is not of an empty day. */
    int measurements() {
        return rows.get("measurements").size();
    }
}
