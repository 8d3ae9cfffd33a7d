package org.peertel.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;
import org.peertel.config.SettingsFile;
import org.springframework.scheduling.support.CronExpression;

/**
 * When {@code peertel schedule} runs: a cron expression in UTC (Spring's six fields: second minute hour
 * day-of-month month day-of-week; default {@code 0 30 2 * * *}, 02:30 UTC), how many days back a catch-up reaches
 * (default 7) and how often a day that waits for its input is tried again between two ticks (default every 15
 * minutes). Read from the {@code schedule.*} keys of the job settings file.
 */
public record ScheduleSettings(CronExpression cron, String cronText, int horizonDays, int retryMinutes) {

    public static final String DEFAULT_CRON = "0 30 2 * * *";
    public static final int DEFAULT_HORIZON_DAYS = 7;
    public static final int DEFAULT_RETRY_MINUTES = 15;

    public static ScheduleSettings defaults() {
        return new ScheduleSettings(
                CronExpression.parse(DEFAULT_CRON), DEFAULT_CRON, DEFAULT_HORIZON_DAYS, DEFAULT_RETRY_MINUTES);
    }

    /** The schedule keys of {@code settingsFile}, or the defaults when it is null or missing. */
    public static ScheduleSettings load(Path settingsFile) {
        if (settingsFile == null || !Files.isRegularFile(settingsFile)) {
            return defaults();
        }
        SettingsFile settings = SettingsFile.read(settingsFile);
        ScheduleSettings schedule = defaults();
        SettingsFile.Entry cron = settings.entries().get("schedule.cron");
        if (cron != null) {
            schedule = schedule.withCron(cron.value(), message -> settings.error(cron, message));
        }
        SettingsFile.Entry horizon = settings.entries().get("schedule.horizon-days");
        if (horizon != null) {
            schedule = schedule.withHorizon(horizon.value(), message -> settings.error(horizon, message));
        }
        SettingsFile.Entry retry = settings.entries().get("schedule.retry-minutes");
        if (retry != null) {
            schedule = schedule.withRetryMinutes(retry.value(), message -> settings.error(retry, message));
        }
        return schedule;
    }

    /** These settings with another cron expression; {@code error} builds the exception for a bad one. */
    public ScheduleSettings withCron(String text, Function<String, RuntimeException> error) {
        try {
            return new ScheduleSettings(CronExpression.parse(text), text, horizonDays, retryMinutes);
        } catch (IllegalArgumentException e) {
            throw error.apply("not a cron expression (" + e.getMessage() + "); write six fields, second minute "
                    + "hour day-of-month month day-of-week, in UTC, e.g. '" + DEFAULT_CRON + "'");
        }
    }

    /** These settings with another horizon; {@code error} builds the exception for a bad one. */
    public ScheduleSettings withHorizon(String text, Function<String, RuntimeException> error) {
        if (text.matches("[0-9]{1,3}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 366) {
            return new ScheduleSettings(cron, cronText, Integer.parseInt(text), retryMinutes);
        }
        throw error.apply("expected a whole number of days from 1 to 366");
    }

    /** These settings with another retry interval; {@code error} builds the exception for a bad one. */
    public ScheduleSettings withRetryMinutes(String text, Function<String, RuntimeException> error) {
        if (text.matches("[0-9]{1,4}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 1440) {
            return new ScheduleSettings(cron, cronText, horizonDays, Integer.parseInt(text));
        }
        throw error.apply("expected a whole number of minutes from 1 to 1440, e.g. " + DEFAULT_RETRY_MINUTES);
    }

    /**
     * When {@code day} is due: the first tick of the cron expression once the day has ended (at or after midnight
     * UTC of the next day), the pass that processes it as yesterday. {@code status} counts its grace time from there.
     */
    public Instant dueAt(LocalDate day) {
        ZonedDateTime dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC);
        return cron.next(dayEnd.minusNanos(1)).toInstant();
    }

    /** {@code every 15 minutes}, {@code every minute}: how often a waiting day is tried again. */
    public String retryEvery() {
        return retryMinutes == 1 ? "every minute" : "every " + retryMinutes + " minutes";
    }

    /**
     * When the days waiting at {@code now} are tried again: the first instant after {@code now} that is a whole
     * number of {@code retryMinutes} past midnight UTC (every 15 minutes: at :00, :15, :30 and :45), so that the
     * tries fall on predictable times whenever the scheduler started.
     */
    public Instant nextRetry(Instant now) {
        long step = Duration.ofMinutes(retryMinutes).toSeconds();
        long secondOfDay = Math.floorMod(now.getEpochSecond(), 86_400L);
        long midnight = now.getEpochSecond() - secondOfDay;
        long next = (secondOfDay / step + 1) * step;
        return Instant.ofEpochSecond(midnight + Math.min(next, 86_400L));
    }
}
