package org.peertel.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.peertel.store.DayConnection;
import org.peertel.store.RangeQueries;
import org.peertel.store.StoreQueries;
import org.peertel.store.TelemetryStore;

/**
 * The month-to-date files, {@code reports/<customer_id>/month-<YYYY-MM>.csv}, {@code -prefixes.csv} and {@code .html}: a
 * range report
 * ({@link RangeReports}) over the month's processed days, from its first to its last, with one more column,
 * {@code days_not_processed}, the days of that span that were never processed (not the same as days without data).
 * Written after the days of a run or a schedule pass for every month the store marks as behind, each month once.
 */
public final class MonthReports {

    private MonthReports() {}

    /**
     * Writes the files of every month that is behind, oldest first, and records each as written once its files are
     * in place (a crash in between writes it again next time). A stop request ends it between two customers' files:
     * the month stays behind, and the next run writes it whole.
     *
     * @param registry      the owners for days published before owners were kept (asked only when there are such
     *                      days)
     * @param stopRequested asked before each customer's files
     * @return the months written
     */
    public static List<YearMonth> writeBehind(
            TelemetryStore store,
            OutputLayout layout,
            Function<List<LocalDate>, List<DayConnection>> registry,
            BooleanSupplier stopRequested) {
        List<YearMonth> written = new ArrayList<>();
        for (LocalDate month : store.staleMonths()) {
            YearMonth yearMonth = YearMonth.from(month);
            StoreQueries queries = store.queries();
            List<LocalDate> processed = queries.publishedDays(yearMonth.atDay(1), yearMonth.atEndOfMonth());
            if (!processed.isEmpty()) {
                if (!write(store, layout, registry, yearMonth, processed, stopRequested)) {
                    break;
                }
                written.add(yearMonth);
            }
            store.monthWritten(month);
        }
        return written;
    }

    /** Writes every customer's files of the month; false when a stop request cut it short. */
    private static boolean write(
            TelemetryStore store,
            OutputLayout layout,
            Function<List<LocalDate>, List<DayConnection>> registry,
            YearMonth month,
            List<LocalDate> processed,
            BooleanSupplier stopRequested) {
        LocalDate first = processed.get(0);
        LocalDate last = processed.get(processed.size() - 1);
        Set<LocalDate> notProcessed =
                new TreeSet<>(first.datesUntil(last.plusDays(1)).toList());
        processed.forEach(notProcessed::remove);
        List<Coverage> coverages = new ArrayList<>();
        for (LocalDate day : processed) {
            coverages.add(Coverage.of(store.queries().counts(day)));
        }
        Coverage coverage = Coverage.ofRange(coverages);
        try (RangeQueries range = store.range(first, last, registry)) {
            String title = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear()
                    + " to date";
            for (String customerId : range.customers()) {
                if (stopRequested.getAsBoolean()) {
                    return false;
                }
                RangeReports.write(
                        range,
                        customerId,
                        layout.monthFiles(customerId, month),
                        title,
                        first,
                        last,
                        coverage,
                        notProcessed);
            }
        }
        return true;
    }
}
