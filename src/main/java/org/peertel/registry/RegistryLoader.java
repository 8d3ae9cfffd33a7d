package org.peertel.registry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.peertel.registry.ConnectionRowChecker.CheckedRow;

/**
 * Loads and validates the connections registry ({@code connections.csv}): RFC 4180 CSV in UTF-8 (BOM allowed),
 * LF or CRLF, a header naming the columns in any order, blank lines ignored. Every problem of the file is
 * reported with its line, not only the first one.
 */
public final class RegistryLoader {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private RegistryLoader() {}

    /**
     * Reads and checks the registry file. Never throws for bad content: a missing or unreadable file, a file that
     * is not UTF-8, an empty file or a header lacking a column gives a single error instead.
     *
     * @param file the registry CSV
     * @return the registry (null when there is any error) with every error and warning, each sorted by line
     */
    public static RegistryLoadResult load(Path file) {
        IssueList issues = new IssueList(file);
        List<CheckedRow> rows = readRows(file, issues);
        List<CheckedRow> unique = IdentifierCheck.uniqueRows(rows, issues);
        List<Connection> connections = new ArrayList<>(unique.size());
        unique.forEach(row -> connections.add(row.connection()));
        PrefixConflictCheck.check(connections, issues);
        if (!issues.hasErrors() && connections.isEmpty()) {
            issues.warning(1, "the registry has no connections; add one row per connection below the header");
        }
        ConnectionRegistry registry = issues.hasErrors() ? null : ConnectionRegistry.of(connections);
        return new RegistryLoadResult(registry, issues.sortedErrors(), issues.sortedWarnings());
    }

    /** The checked data rows in file order; empty when the file or its header cannot be read. */
    private static List<CheckedRow> readRows(Path file, IssueList issues) {
        RegistryText text;
        try {
            text = RegistryText.read(file);
        } catch (RegistryText.UnreadableException e) {
            issues.error(e.line(), e.getMessage());
            return List.of();
        }
        List<CheckedRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.text()), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            RegistryHeader header = null;
            while (true) {
                long endOfPreviousRecord = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // Not CSV from here on (e.g. an unterminated quote): report it and stop, as nothing after it
                    // can be split into fields reliably.
                    issues.error(
                            (int) endOfPreviousRecord + 1,
                            "malformed CSV: " + rootMessage(e) + "; check the "
                                    + "quoting (a field with a comma, quote or line break must be in double quotes, with "
                                    + "quotes inside doubled)");
                    break;
                }
                if (isBlank(record)) {
                    continue;
                }
                int line = text.recordLine(record.getCharacterPosition());
                if (header == null) {
                    header = RegistryHeader.read(record, line, issues);
                    if (header == null) {
                        return List.of();
                    }
                } else if (record.size() != header.fieldCount()) {
                    issues.error(
                            line,
                            "the row has " + record.size() + " fields but the header has "
                                    + header.fieldCount()
                                    + (record.size() > header.fieldCount()
                                            ? "; put a field that contains a comma in double quotes"
                                            : "; give every column a field, empty ones included"));
                } else {
                    rows.add(ConnectionRowChecker.check(new RowValues(header, record, line), issues));
                }
            }
            if (header == null) {
                issues.error(
                        1,
                        "the registry file is empty; its first row must be the header "
                                + RegistryHeader.EXPECTED_HEADER);
            }
        } catch (IOException e) {
            issues.error(0, "cannot parse the registry file: " + e.getMessage());
        }
        return rows;
    }

    /** A line of nothing but spaces counts as blank, like a truly empty one. */
    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
