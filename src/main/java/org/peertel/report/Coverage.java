package org.peertel.report;

import java.util.Collection;
import org.peertel.store.StoreQueries;

/**
 * The last column of every report row, {@code coverage}: how much of the day's input the row stands for. Derived
 * from what the store recorded for the day (its input files, rows and skipped files), so that writing a day's
 * reports again gives the same value without knowing how the day was run.
 */
public enum Coverage {
    /** Every input file of the day was read and at least one held a data row. */
    COMPLETE("complete"),
    /** Bad files of the day were left out ({@code --skip-bad-files}): the rows do not cover all of its data. */
    PARTIAL("partial"),
    /**
     * No input file of the day held a data row and none was left out: an empty day processed with
     * {@code --allow-empty-day}. Its zero samples say that there was no data, not that there was no traffic.
     */
    NONE("none");

    private final String text;

    Coverage(String text) {
        this.text = text;
    }

    /** The day's coverage from its published counts. */
    public static Coverage of(StoreQueries.DayCounts counts) {
        if (counts.partial()) {
            return PARTIAL;
        }
        return counts.empty() ? NONE : COMPLETE;
    }

    /**
     * The coverage of a range from those of its days: partial when any day was, none when every day was (no data
     * at all), else complete.
     */
    public static Coverage ofRange(Collection<Coverage> days) {
        if (days.contains(PARTIAL)) {
            return PARTIAL;
        }
        return !days.isEmpty() && days.stream().allMatch(day -> day == NONE) ? NONE : COMPLETE;
    }

    /** The cell's text: {@code complete}, {@code partial} or {@code none}. */
    public String text() {
        return text;
    }
}
