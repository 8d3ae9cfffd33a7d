package org.peertel.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import org.peertel.config.SettingsFile;
import org.springframework.scheduling.support.CronExpression;

/**
 * When {@code peertel schedule} runs: a cron expression in UTC (Spring's six fields: second minute hour
 * day-of-month month day-of-week; default {@code 0 30 2 * * *}, 02:30 UTC) and how many days back a catch-up
 * reaches (default 7). Read from the {@code schedule.*} keys of the job settings file.
 */
public record ScheduleSettings(CronExpression cron, String cronText, int horizonDays) {

    public static final String DEFAULT_CRON = "0 30 2 * * *";
    public static final int DEFAULT_HORIZON_DAYS = 7;

    public static ScheduleSettings defaults() {
        return new ScheduleSettings(CronExpression.parse(DEFAULT_CRON), DEFAULT_CRON, DEFAULT_HORIZON_DAYS);
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
        return schedule;
    }

    /** These settings with another cron expression; {@code error} builds the exception for a bad one. */
    public ScheduleSettings withCron(String text, java.util.function.Function<String, RuntimeException> error) {
        try {
            return new ScheduleSettings(CronExpression.parse(text), text, horizonDays);
        } catch (IllegalArgumentException e) {
            throw error.apply("not a cron expression (" + e.getMessage() + "); write six fields, second minute "
                    + "hour day-of-month month day-of-week, in UTC, e.g. '" + DEFAULT_CRON + "'");
        }
    }

    /** These settings with another horizon; {@code error} builds the exception for a bad one. */
    public ScheduleSettings withHorizon(String text, java.util.function.Function<String, RuntimeException> error) {
        if (text.matches("[0-9]{1,3}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 366) {
            return new ScheduleSettings(cron, cronText, Integer.parseInt(text));
        }
        throw error.apply("expected a whole number of days from 1 to 366");
    }
}
