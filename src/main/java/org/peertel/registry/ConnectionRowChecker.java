package org.peertel.registry;

import java.util.List;
import java.util.Locale;
import org.peertel.geo.Locations;
import org.peertel.prefix.Prefix;
import org.peertel.registry.RegistryHeader.Column;

/** Checks the fields of one registry row on their own; the checks that span rows live elsewhere. */
final class ConnectionRowChecker {

    /**
     * A checked row.
     *
     * @param connection the row's values (trimmed) with its valid prefixes, also when some field is wrong, so
     *                   that the checks across rows still see it
     * @param valid      true when no field of the row had an error
     * @param idValid    true when the connection id is well formed (the cross-row checks name rows by it)
     */
    record CheckedRow(Connection connection, boolean valid, boolean idValid) {}

    private ConnectionRowChecker() {}

    /** Checks every field of {@code values} (already trimmed) and reports each problem found. */
    static CheckedRow check(RowValues values, IssueList issues) {
        int line = values.line();
        int errorsBefore = issues.errorCount();
        boolean idValid = checkId("connection_id", values.get(Column.CONNECTION_ID), line, issues);
        checkId("customer_id", values.get(Column.CUSTOMER_ID), line, issues);
        checkNotEmpty("name", values.get(Column.NAME), "give the connection a descriptive name", line, issues);
        checkNotEmpty("partner", values.get(Column.PARTNER), "name the peering partner", line, issues);
        String country = values.get(Column.COUNTRY);
        String state = values.get(Column.STATE);
        checkCountry(country, line, issues);
        checkState(country, state, line, issues);
        List<Prefix> prefixes = PrefixListParser.parse(values.get(Column.PREFIXES), line, issues);
        List<Long> originAsns = OriginAsnParser.parse(values.get(Column.ORIGIN_ASNS), line, issues);
        Connection connection = new Connection(
                values.get(Column.CONNECTION_ID),
                values.get(Column.CUSTOMER_ID),
                values.get(Column.NAME),
                values.get(Column.PARTNER),
                country,
                state,
                prefixes,
                originAsns,
                line);
        return new CheckedRow(connection, issues.errorCount() == errorsBefore, idValid);
    }

    private static boolean checkId(String column, String id, int line, IssueList issues) {
        // Ids become file and folder names (reports/<customer_id>/): see FileNameRule.
        String problem = FileNameRule.problem(id);
        if (problem == null) {
            return true;
        }
        issues.error(
                line, column + (id.isEmpty() ? " " : " '" + id + "' ") + problem + "; use " + FileNameRule.DESCRIPTION);
        return false;
    }

    private static void checkNotEmpty(String column, String value, String fix, int line, IssueList issues) {
        if (value.isEmpty()) {
            issues.error(line, column + " is empty; " + fix);
        }
    }

    private static void checkCountry(String country, int line, IssueList issues) {
        String upper = country.toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            issues.error(
                    line,
                    "country is empty; use the ISO 3166-1 alpha-2 code of the connection's country, "
                            + "e.g. US or DE");
        } else if (!Locations.isCountry(upper)) {
            issues.error(
                    line,
                    "country '" + country + "' is not an ISO 3166-1 alpha-2 code; use a two-letter "
                            + "country code such as US, DE or GB");
        } else if (!upper.equals(country)) {
            issues.error(line, "country '" + country + "' must be upper case; use '" + upper + "'");
        }
    }

    private static void checkState(String country, String state, int line, IssueList issues) {
        if (!Locations.isCountry(country.toUpperCase(Locale.ROOT))) {
            return; // the country error says it all; whether a state belongs here cannot be told
        }
        boolean unitedStates = country.equalsIgnoreCase(Locations.UNITED_STATES);
        String upper = state.toUpperCase(Locale.ROOT);
        if (!unitedStates) {
            if (!state.isEmpty()) {
                // Only US locations carry a state; a value here would silently never match any client.
                issues.error(
                        line,
                        "state '" + state + "' is given for country '" + country + "'; leave state "
                                + "empty outside the US");
            }
        } else if (state.isEmpty()) {
            issues.error(
                    line,
                    "state is empty; US connections need the two-letter USPS code of their state, "
                            + "DC or territory, e.g. VA");
        } else if (!Locations.isUsState(upper)) {
            issues.error(
                    line,
                    "state '" + state + "' is not a USPS code of a US state, DC or territory; use a "
                            + "two-letter code such as VA, CA or DC");
        } else if (!upper.equals(state)) {
            issues.error(line, "state '" + state + "' must be upper case; use '" + upper + "'");
        }
    }
}
