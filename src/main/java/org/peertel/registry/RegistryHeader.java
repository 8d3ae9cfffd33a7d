package org.peertel.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** Where each registry column sits, read from the header row (names trimmed, matched ignoring case). */
final class RegistryHeader {

    /** The columns, in the order the contract lists them: the required ones, then the optional ones. */
    enum Column {
        CONNECTION_ID,
        CUSTOMER_ID,
        NAME,
        PARTNER,
        COUNTRY,
        STATE,
        PREFIXES,
        /** Optional: the ASNs allowed to originate the connection's prefixes (prefix events). */
        ORIGIN_ASNS(false);

        private final boolean required;

        Column() {
            this(true);
        }

        Column(boolean required) {
            this.required = required;
        }

        String headerName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String EXPECTED_HEADER = "connection_id,customer_id,name,partner,country,state,prefixes";
    static final String OPTIONAL_COLUMNS = "origin_asns";

    private final Map<Column, Integer> indexes;
    private final int fieldCount;

    private RegistryHeader(Map<Column, Integer> indexes, int fieldCount) {
        this.indexes = indexes;
        this.fieldCount = fieldCount;
    }

    /**
     * Maps the header row. Header problems are reported on {@code line}, the header's own (1 unless blank lines
     * come first): a missing or repeated required column is an error (and then null is returned, as no row can be
     * read reliably; missing columns are reported before repeated ones); an unknown or unnamed column is a
     * warning.
     */
    static RegistryHeader read(CSVRecord header, int line, IssueList issues) {
        Map<Column, Integer> indexes = new EnumMap<>(Column.class);
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            Column column = columnNamed(name);
            if (column == null) {
                issues.warning(
                        line,
                        name.isEmpty()
                                ? "column " + (i + 1) + " has no name and is ignored; remove it or name it"
                                : "unknown column '" + name + "' is ignored; the registry columns are "
                                        + EXPECTED_HEADER + ", optionally followed by " + OPTIONAL_COLUMNS);
            } else if (indexes.putIfAbsent(column, i) != null) {
                repeated.add(column.headerName());
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required && !indexes.containsKey(column)) {
                missing.add(column.headerName());
            }
        }
        if (!missing.isEmpty()) {
            issues.error(
                    line,
                    "the header lacks the column" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + "; the first row must name every registry column: "
                            + EXPECTED_HEADER);
            return null;
        }
        if (!repeated.isEmpty()) {
            issues.error(
                    line,
                    "the header names the column" + (repeated.size() > 1 ? "s " : " ") + String.join(", ", repeated)
                            + " more than once; keep one column of each name");
            return null;
        }
        return new RegistryHeader(indexes, header.size());
    }

    /** Number of fields every row must have. */
    int fieldCount() {
        return fieldCount;
    }

    /** The row's value of {@code column}, trimmed of surrounding spaces; empty for an optional column not there. */
    String value(CSVRecord row, Column column) {
        Integer index = indexes.get(column);
        return index == null ? "" : row.get(index).trim();
    }

    private static Column columnNamed(String name) {
        for (Column column : Column.values()) {
            if (column.headerName().equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }
}
