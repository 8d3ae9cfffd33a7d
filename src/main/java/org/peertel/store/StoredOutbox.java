package org.peertel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox of incident changes and what each receiver acknowledged (migration 007), in the caller's transaction.
 * Keys are unique by the code here, not by a constraint: DuckDB checks a unique index eagerly, so a key deleted and
 * inserted again in one transaction would be refused.
 */
final class StoredOutbox {

    private StoredOutbox() {}

    /**
     * Records the changes of the days from {@code from} on: a key new or with other content gets the next sequence
     * number and the time {@code now}; a key with the same content keeps both (a re-run changes nothing for its
     * receivers). Keys of those days that the changes no longer hold stay (they were what receivers were told).
     */
    static void record(Connection connection, LocalDate from, List<OutboxChange> changes, Instant now)
            throws SQLException {
        Map<String, String> known = new HashMap<>();
        long seq;
        try (PreparedStatement query =
                connection.prepareStatement("SELECT key, content FROM alert_outbox WHERE day >= ?")) {
            query.setObject(1, from);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(max(seq), 0) FROM alert_outbox");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        List<OutboxChange> fresh = new ArrayList<>();
        for (OutboxChange change : changes) {
            if (!change.content().equals(known.get(change.key()))) {
                fresh.add(change);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Object[] keys = fresh.stream().map(OutboxChange::key).toArray();
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM alert_outbox WHERE key IN (SELECT unnest(?::VARCHAR[]))")) {
            delete.setArray(1, connection.createArrayOf("VARCHAR", keys));
            delete.executeUpdate();
        }
        Object[] seqs = new Object[fresh.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = seq + i + 1;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_outbox SELECT "
                + "unnest(?::VARCHAR[]), unnest(?::DATE[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), ?, "
                + "unnest(?::BIGINT[])")) {
            insert.setArray(1, connection.createArrayOf("VARCHAR", keys));
            insert.setArray(
                    2,
                    connection.createArrayOf(
                            "VARCHAR",
                            fresh.stream().map(c -> c.day().toString()).toArray()));
            insert.setArray(
                    3,
                    connection.createArrayOf(
                            "VARCHAR", fresh.stream().map(OutboxChange::change).toArray()));
            insert.setArray(
                    4,
                    connection.createArrayOf(
                            "VARCHAR", fresh.stream().map(OutboxChange::content).toArray()));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setArray(6, connection.createArrayOf("BIGINT", seqs));
            insert.executeUpdate();
        }
    }

    /** The changes recorded for {@code day}, in the order they were recorded. */
    static List<OutboxChange> ofDay(Connection connection, LocalDate day) throws SQLException {
        List<OutboxChange> changes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT key, day, change, content FROM alert_outbox WHERE day = ? ORDER BY seq")) {
            query.setObject(1, day);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    changes.add(new OutboxChange(
                            rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return changes;
    }

    /** Makes {@code receiver} known, from the outbox's current end on, the first time it is seen. */
    static void register(Connection connection, String receiver) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_receivers SELECT ?, "
                + "(SELECT coalesce(max(seq), 0) FROM alert_outbox) "
                + "WHERE NOT EXISTS (SELECT 1 FROM alert_receivers WHERE receiver = ?)")) {
            insert.setString(1, receiver);
            insert.setString(2, receiver);
            insert.executeUpdate();
        }
    }

    /**
     * The receiver's changes not acknowledged in their current content, refused ones left out, oldest day first.
     *
     * @param resolvedOnly only the resolved changes (Alertmanager is sent the open incidents as a whole instead)
     */
    static List<PendingChange> pending(Connection connection, String receiver, boolean resolvedOnly)
            throws SQLException {
        List<PendingChange> pending = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT o.key, o.day, o.change, o.content, o.recorded_at FROM alert_outbox o JOIN alert_receivers r "
                        + "ON r.receiver = ? AND o.seq > r.first_seq WHERE (NOT ? OR o.change = 'resolved') "
                        + "AND NOT EXISTS (SELECT 1 FROM alert_deliveries d WHERE d.receiver = r.receiver "
                        + "AND d.key = o.key AND d.content = o.content) ORDER BY o.day, o.seq")) {
            query.setString(1, receiver);
            query.setBoolean(2, resolvedOnly);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    pending.add(new PendingChange(
                            new OutboxChange(
                                    rs.getString(1),
                                    rs.getObject(2, LocalDate.class),
                                    rs.getString(3),
                                    rs.getString(4)),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return pending;
    }

    /** Records the receiver's answer to {@code changes}: delivered, or failed with {@code answer}. */
    static void acknowledge(
            Connection connection, String receiver, List<OutboxChange> changes, boolean delivered, String answer)
            throws SQLException {
        Object[] keys = changes.stream().map(OutboxChange::key).toArray();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM alert_deliveries WHERE receiver = ? AND key IN (SELECT unnest(?::VARCHAR[]))")) {
            delete.setString(1, receiver);
            delete.setArray(2, connection.createArrayOf("VARCHAR", keys));
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO alert_deliveries SELECT ?, unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), ?, ?")) {
            insert.setString(1, receiver);
            insert.setArray(2, connection.createArrayOf("VARCHAR", keys));
            insert.setArray(
                    3,
                    connection.createArrayOf(
                            "VARCHAR",
                            changes.stream().map(OutboxChange::content).toArray()));
            insert.setString(4, delivered ? "delivered" : "failed");
            insert.setString(5, answer);
            insert.executeUpdate();
        }
    }

    /** How many of the receiver's changes a receiver refused (4xx) in their current content. */
    static long failed(Connection connection, String receiver) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM alert_deliveries d "
                + "JOIN alert_outbox o ON o.key = d.key AND o.content = d.content "
                + "WHERE d.receiver = ? AND d.state = 'failed'")) {
            query.setString(1, receiver);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
