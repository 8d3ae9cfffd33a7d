package org.peertel.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width text table: each column as wide as its widest cell, columns two spaces apart, numbers right
 * aligned. Rows that are a single free-text cell (notes under a row) are printed as they are, indented to the
 * second column.
 */
final class TextTable {

    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** Column names; a name starting with '>' is right-aligned (the '>' is not printed). */
    TextTable(String... columns) {
        header = new String[columns.length];
        rightAligned = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            rightAligned[i] = columns[i].startsWith(">");
            header[i] = rightAligned[i] ? columns[i].substring(1) : columns[i];
        }
    }

    TextTable row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
        }
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "-" : String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    /** A free-text line under the last row, starting in the second column. */
    TextTable note(String text) {
        rows.add(new String[] {text});
        return this;
    }

    List<String> lines() {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (String[] row : rows) {
            if (row.length == header.length) {
                for (int i = 0; i < row.length; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(format(header, width));
        for (String[] row : rows) {
            lines.add(row.length == header.length ? format(row, width) : " ".repeat(width[0] + 2) + row[0]);
        }
        return lines;
    }

    private String format(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            line.append(rightAligned[i] ? pad + cells[i] : i == cells.length - 1 ? cells[i] : cells[i] + pad);
        }
        return line.toString();
    }
}
