package org.peertel.registry;

import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.peertel.registry.RegistryHeader.Column;

/** The trimmed values of the columns of one data row (empty for an optional column not in the file), and its line. */
final class RowValues {

    private final Map<Column, String> values = new EnumMap<>(Column.class);
    private final int line;

    RowValues(RegistryHeader header, CSVRecord row, int line) {
        for (Column column : Column.values()) {
            values.put(column, header.value(row, column));
        }
        this.line = line;
    }

    String get(Column column) {
        return values.get(column);
    }

    int line() {
        return line;
    }
}
