package org.peertel.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A hand-over's writes in one transaction of the store's connection, as the publish of a day runs them. */
final class HandOverTransaction {

    interface Work {
        void run() throws Exception;
    }

    private HandOverTransaction() {
    }

    static void run(Connection connection, Work work) throws Exception {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
