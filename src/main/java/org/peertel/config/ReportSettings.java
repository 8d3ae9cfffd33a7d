package org.peertel.config;

import java.util.Locale;

/**
 * The reports a run writes beyond each day's files. Key of the job settings file: {@code reports.month-to-date},
 * {@code true} (default) to rewrite, after the days of a run or a schedule pass, the month files of every month whose
 * figures or alerts changed; {@code false} where reading a month's rows after each night is too slow (the months
 * stay marked, and the next run with it on writes them).
 */
public record ReportSettings(boolean monthToDate) {

    public static final String MONTH_TO_DATE_KEY = "reports.month-to-date";

    public static final ReportSettings DEFAULTS = new ReportSettings(true);

    /** The report keys of {@code settings}; a missing key keeps its default. */
    static ReportSettings read(SettingsFile settings) {
        SettingsFile.Entry entry = settings.entries().get(MONTH_TO_DATE_KEY);
        if (entry == null) {
            return DEFAULTS;
        }
        String value = entry.value().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw settings.error(entry, "expected true or false");
        }
        return new ReportSettings(value.equals("true"));
    }
}
