package org.peertel.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.peertel.config.JobSettings;
import picocli.CommandLine;

/** Parses {@code --date}, {@code --from} and {@code --to} into the UTC days to process, oldest first. */
final class DayRange {

    static final int MAX_DAYS = JobSettings.MAX_RUN_DAYS_LIMIT;

    private DayRange() {}

    /**
     * The days of a command's {@code --date}, {@code --from} and {@code --to}, or a usage error of that command (exit
     * 2, its usage printed) saying what is wrong.
     */
    static List<LocalDate> ofOptions(CommandLine.Model.CommandSpec spec, String date, String from, String to) {
        try {
            return of(date, from, to, todayUtc());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** @throws IllegalArgumentException with a message for the user */
    static List<LocalDate> of(String date, String from, String to, LocalDate todayUtc) {
        if (date != null && (from != null || to != null)) {
            throw new IllegalArgumentException("give either --date or --from with --to, not both");
        }
        if (date != null) {
            return List.of(day(date, "--date", todayUtc));
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException(
                    "give --date DAY, or --from DAY and --to DAY " + "(DAY is YYYY-MM-DD, today or yesterday, in UTC)");
        }
        LocalDate first = day(from, "--from", todayUtc);
        LocalDate last = day(to, "--to", todayUtc);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("--to " + last + " is before --from " + first);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (days.size() == MAX_DAYS) {
                throw new IllegalArgumentException("the range holds more than " + MAX_DAYS + " days; split it");
            }
            days.add(d);
        }
        return days;
    }

    /**
     * Refuses a range longer than {@code maxDays} ({@code run.max-days}) unless {@code confirmed} ({@code --yes}):
     * a long range is never started by a slip of the keyboard, and never waits for an answer either.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    static void confirmLength(List<LocalDate> days, int maxDays, boolean confirmed) {
        if (days.size() > maxDays && !confirmed) {
            throw new IllegalArgumentException("the range " + days.get(0) + " to " + days.get(days.size() - 1)
                    + " holds " + days.size() + " days, more than run.max-days (" + maxDays + "); add --yes to "
                    + "process them all (its summary then lists the failed and alerting days and the totals; "
                    + "'peertel history' lists every day), or give a shorter range");
        }
    }

    static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static LocalDate day(String text, String option, LocalDate todayUtc) {
        switch (text) {
            case "today":
                return todayUtc;
            case "yesterday":
                return todayUtc.minusDays(1);
            default:
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            option + " '" + text + "' is not a day: write YYYY-MM-DD, today or yesterday (UTC)");
                }
        }
    }
}
