package org.peertel.golden;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads the H2 job repository that sits beside a test's DuckDB file ({@code <name>-jobs}). */
final class JobHistoryTable {

    private JobHistoryTable() {}

    /** "day attempt n: status, status" per job instance, in day order. */
    static List<String> instances(Path repository) throws Exception {
        return query(repository, """
                SELECT d.PARAMETER_VALUE || ' attempt ' || a.PARAMETER_VALUE || ': '
                       || LISTAGG(e.STATUS, ', ') WITHIN GROUP (ORDER BY e.JOB_EXECUTION_ID)
                FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS d ON d.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                     AND d.PARAMETER_NAME = 'date'
                JOIN BATCH_JOB_EXECUTION_PARAMS a ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                     AND a.PARAMETER_NAME = 'attempt'
                GROUP BY e.JOB_INSTANCE_ID, d.PARAMETER_VALUE, a.PARAMETER_VALUE
                ORDER BY 1""");
    }

    /** {@link #instances}, or none when there is no job repository at all. */
    static List<String> instancesIfAny(Path repository) throws Exception {
        return java.nio.file.Files.exists(Path.of(repository + ".mv.db")) ? instances(repository) : List.of();
    }

    /** The first column of every row of {@code sql}. */
    static List<String> query(Path repository, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + repository);
                ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
