package org.peertel.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * One table's rows of one published day written for analysts ({@code peertel export}) in the archive's layout,
 * {@code <dest>/<table>/day=<YYYY-MM-DD>/data.parquet}, from wherever the day is: the archive's verified file is
 * copied, DuckDB's rows are written like an archive file (read back and verified before the rename). Either way the
 * file is the one the archive holds or would hold.
 *
 * @param rows        the rows in the file
 * @param fromArchive whether it was copied from the archive rather than written from DuckDB
 */
public record DayExport(long rows, boolean fromArchive) {

    static DayExport write(Connection connection, ArchivedTable table, LocalDate day, Path dest) throws SQLException {
        String file = null;
        long rows = 0;
        try (PreparedStatement query =
                connection.prepareStatement("SELECT file, rows FROM archived_days WHERE day = ? AND table_name = ?")) {
            query.setObject(1, day);
            query.setString(2, table.folder());
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    file = rs.getString(1);
                    rows = rs.getLong(2);
                }
            }
        }
        return file != null
                ? new DayExport(DayArchive.copy(connection, Path.of(file), rows, dest, table, day), true)
                : new DayExport(DayArchive.export(connection, dest, table, day), false);
    }
}
