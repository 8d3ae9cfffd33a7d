package org.peertel.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A hand-over's writes in one transaction of the store's connection, as the publish of a day runs them. */
final class HandOverTransaction {

    interface Work {
        void run() throws Exception;
    }

    private HandOverTransaction() {}

    static void run(Connection connection, Work work) throws Exception {
        connection.setAutoCommit(false);
        try {
            work.run();
            commit(List.of(connection));
        } catch (Exception e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Commits the connections' transactions one after the other and says how long that took. */
    static void commit(List<Connection> connections) throws SQLException {
        long start = System.nanoTime();
        for (Connection connection : connections) {
            connection.commit();
        }
        System.out.printf("%ncommit: %.2f s%n", (System.nanoTime() - start) / 1e9);
    }
}
