package org.peertel.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.peertel.registry.ConnectionRowChecker.CheckedRow;

/** Checks across rows on the ids: unique connection ids, and ids that differ only in letter case. */
final class IdentifierCheck {

    private IdentifierCheck() {}

    /**
     * Reports duplicate connection ids (on the later row) and returns the rows whose connection id is well formed
     * and first used there, in file order; the prefix checks name rows by that id.
     */
    static List<CheckedRow> uniqueRows(List<CheckedRow> rowsInFileOrder, IssueList issues) {
        Map<String, Connection> byId = new HashMap<>();
        List<CheckedRow> unique = new ArrayList<>();
        for (CheckedRow row : rowsInFileOrder) {
            if (!row.idValid()) {
                continue;
            }
            Connection connection = row.connection();
            Connection first = byId.putIfAbsent(connection.connectionId(), connection);
            if (first != null) {
                issues.error(
                        connection.line(),
                        "connection_id '" + connection.connectionId() + "' is already used on line " + first.line()
                                + "; give every connection its own id");
            } else {
                unique.add(row);
            }
        }
        warnOnCaseOnlyDifferences(unique, issues);
        return unique;
    }

    /**
     * Ids become file names, and "Acme" and "ACME" are the same file on case-insensitive file systems (macOS,
     * Windows): warn once for each spelling that clashes with an earlier one.
     */
    private static void warnOnCaseOnlyDifferences(List<CheckedRow> rows, IssueList issues) {
        Map<String, Connection> connectionSpelling = new HashMap<>();
        Map<String, Connection> customerSpelling = new HashMap<>();
        Set<String> customerSpellingsSeen = new HashSet<>();
        for (CheckedRow row : rows) {
            Connection connection = row.connection();
            String connectionId = connection.connectionId();
            Connection clash = connectionSpelling.putIfAbsent(connectionId.toLowerCase(Locale.ROOT), connection);
            if (clash != null) {
                issues.warning(
                        connection.line(),
                        "connection_id '" + connectionId + "' differs from '"
                                + clash.connectionId() + "' (line " + clash.line()
                                + ") only in letter case; their files "
                                + "collide on case-insensitive file systems, so choose ids that differ in more than case");
            }
            String customerId = connection.customerId();
            if (FileNameRule.problem(customerId) != null || !customerSpellingsSeen.add(customerId)) {
                continue;
            }
            Connection first = customerSpelling.putIfAbsent(customerId.toLowerCase(Locale.ROOT), connection);
            if (first != null) {
                issues.warning(
                        connection.line(),
                        "customer_id '" + customerId + "' differs from '"
                                + first.customerId() + "' (line " + first.line()
                                + ") only in letter case; their report "
                                + "folders collide on case-insensitive file systems; if it is the same customer, spell it '"
                                + first.customerId() + "'");
            }
        }
    }
}
