package org.peertel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peertel.ingest.InputFile;
import org.peertel.routing.BgpReject;

/** The tables bgp_days, bgp_files and bgp_rejects: a day's rows replaced as a whole, in the caller's transaction. */
final class StoredBgpDays {

    static final List<String> TABLES = List.of("bgp_days", "bgp_files", "bgp_rejects");

    private StoredBgpDays() {}

    static void replace(Connection connection, LocalDate day, BgpDayRead read) throws SQLException {
        for (String table : TABLES) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE day = ?")) {
                delete.setObject(1, day);
                delete.execute();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bgp_days VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, day);
            insert.setString(2, read.status());
            insert.setInt(3, read.files().size());
            insert.setLong(4, read.records());
            insert.setLong(5, read.multicast());
            insert.setLong(6, read.rejects().size());
            insert.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bgp_files VALUES (?, ?, ?, ?)")) {
            for (InputFile file : read.files()) {
                insert.setObject(1, day);
                insert.setString(2, file.name());
                insert.setLong(3, file.bytes());
                insert.setString(4, file.sha256());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bgp_rejects VALUES (?, ?, ?, ?)")) {
            for (BgpReject reject : read.rejects()) {
                insert.setObject(1, day);
                insert.setString(2, reject.file());
                insert.setLong(3, reject.offset());
                insert.setString(4, reject.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The day as stored, or null when no run with BGP on processed it. */
    static BgpDayRead read(Connection connection, LocalDate day) throws SQLException {
        String status;
        long records;
        long multicast;
        try (PreparedStatement select =
                connection.prepareStatement("SELECT status, records, multicast FROM bgp_days WHERE day = ?")) {
            select.setObject(1, day);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                status = rs.getString(1);
                records = rs.getLong(2);
                multicast = rs.getLong(3);
            }
        }
        List<InputFile> files = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement("SELECT name, bytes, sha256 FROM bgp_files WHERE day = ? ORDER BY name")) {
            select.setObject(1, day);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    files.add(new InputFile(rs.getString(1), InputFile.ROWS_UNKNOWN, rs.getLong(2), rs.getString(3)));
                }
            }
        }
        List<BgpReject> rejects = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT file, byte_offset, reason FROM bgp_rejects WHERE day = ? ORDER BY file, byte_offset")) {
            select.setObject(1, day);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rejects.add(new BgpReject(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
        }
        Map<String, Long> events = new TreeMap<>();
        try (PreparedStatement select =
                connection.prepareStatement("SELECT level, count(*) FROM prefix_events WHERE day = ? GROUP BY level")) {
            select.setObject(1, day);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return new BgpDayRead(status, files, records, multicast, rejects, events);
    }
}
