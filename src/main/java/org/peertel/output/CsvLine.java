package org.peertel.output;

import java.util.List;

/**
 * One RFC 4180 record as text: comma separated, a field quoted only when it holds a comma, a quote, CR or LF
 * (quotes doubled), ended by LF. Written by hand because commons-csv's minimal quoting also quotes fields that
 * merely start with some punctuation, which would make our files harder to reproduce with other tools.
 */
public final class CsvLine {

    private CsvLine() {}

    public static String of(List<String> fields) {
        StringBuilder line = new StringBuilder(16 * fields.size());
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, fields.get(i));
        }
        return line.append('\n').toString();
    }

    public static String of(String... fields) {
        return of(List.of(fields));
    }

    static void appendField(StringBuilder line, String field) {
        if (field == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            line.append(field);
            return;
        }
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
    }
}
