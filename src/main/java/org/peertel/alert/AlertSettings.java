package org.peertel.alert;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peertel.config.SettingsFile;

/**
 * Reads {@code alerts.properties}: default rule settings as {@code <setting> = value}, and per-connection
 * overrides as {@code connection.<connection_id>.<setting> = value}. Every value is checked when the file is
 * loaded, so a bad threshold stops the run before anything is written.
 */
public final class AlertSettings {

    static final List<String> SETTINGS = List.of(
            "min_samples",
            "high_median.enabled",
            "high_median.warning_ms",
            "high_median.critical_ms",
            "high_p95.enabled",
            "high_p95.warning_ms",
            "regression.enabled",
            "regression.factor",
            "regression.baseline_days",
            "regression.min_baseline_days",
            "no_data.enabled");

    private static final String CONNECTION = "connection.";

    private final Path file;
    private final AlertRules defaults;
    private final Map<String, AlertRules> overrides;
    private final Map<String, Integer> overrideLines;

    private AlertSettings(
            Path file, AlertRules defaults, Map<String, AlertRules> overrides, Map<String, Integer> overrideLines) {
        this.file = file;
        this.defaults = defaults;
        this.overrides = overrides;
        this.overrideLines = overrideLines;
    }

    /** Reads {@code file}; null gives the built-in rules ({@link AlertRules#defaults()}) without overrides. */
    public static AlertSettings load(Path file) {
        if (file == null) {
            return new AlertSettings(null, AlertRules.defaults(), Map.of(), Map.of());
        }
        SettingsFile settings = SettingsFile.read(file);
        Map<String, SettingsFile.Entry> defaultEntries = new LinkedHashMap<>();
        Map<String, Map<String, SettingsFile.Entry>> perConnection = new TreeMap<>();
        Map<String, Integer> firstLines = new HashMap<>();
        for (SettingsFile.Entry entry : settings.entries().values()) {
            String key = entry.key();
            if (key.startsWith(CONNECTION)) {
                String rest = key.substring(CONNECTION.length());
                String setting = SETTINGS.stream()
                        .filter(s -> rest.endsWith("." + s))
                        .findFirst()
                        .orElseThrow(() -> settings.error(
                                entry,
                                "unknown setting; write connection.<connection_id>." + "<setting> with a setting among "
                                        + SETTINGS));
                String connectionId = rest.substring(0, rest.length() - setting.length() - 1);
                perConnection
                        .computeIfAbsent(connectionId, id -> new LinkedHashMap<>())
                        .put(setting, entry);
                firstLines.merge(connectionId, entry.line(), Math::min);
            } else if (SETTINGS.contains(key)) {
                defaultEntries.put(key, entry);
            } else {
                throw settings.error(
                        entry,
                        "unknown setting; known settings are " + SETTINGS
                                + ", or connection.<connection_id>.<setting> for one connection");
            }
        }
        AlertRules defaults = rules(settings, AlertRules.defaults(), defaultEntries);
        Map<String, AlertRules> overrides = new HashMap<>();
        perConnection.forEach((id, entries) -> overrides.put(id, rules(settings, defaults, entries)));
        return new AlertSettings(file, defaults, overrides, firstLines);
    }

    /** The rules of one connection: its overrides on top of the defaults. */
    public AlertRules rulesFor(String connectionId) {
        return overrides.getOrDefault(connectionId, defaults);
    }

    public AlertRules defaults() {
        return defaults;
    }

    /**
     * Connection ids that have overrides, with the first line naming them, so that the command line can refuse an
     * override of an unregistered connection before anything is written.
     */
    public Map<String, Integer> overriddenConnections() {
        return Map.copyOf(overrideLines);
    }

    public Path file() {
        return file;
    }

    private static AlertRules rules(SettingsFile settings, AlertRules base, Map<String, SettingsFile.Entry> set) {
        Values values = new Values(settings, set);
        return new AlertRules(
                values.count("min_samples", base.minSamples(), 1_000_000),
                values.flag("high_median.enabled", base.highMedianEnabled()),
                values.millis("high_median.warning_ms", base.highMedianWarningMs()),
                values.millis("high_median.critical_ms", base.highMedianCriticalMs()),
                values.flag("high_p95.enabled", base.highP95Enabled()),
                values.millis("high_p95.warning_ms", base.highP95WarningMs()),
                values.flag("regression.enabled", base.regressionEnabled()),
                values.millis("regression.factor", base.regressionFactor()),
                values.count("regression.baseline_days", base.regressionBaselineDays(), 366),
                values.count("regression.min_baseline_days", base.regressionMinBaselineDays(), 366),
                values.flag("no_data.enabled", base.noDataEnabled()));
    }

    /** Typed access to the entries given for one scope, falling back to the base value. */
    private record Values(SettingsFile settings, Map<String, SettingsFile.Entry> entries) {

        boolean flag(String key, boolean fallback) {
            SettingsFile.Entry entry = entries.get(key);
            if (entry == null) {
                return fallback;
            }
            return switch (entry.value()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw settings.error(entry, "expected true or false");
            };
        }

        BigDecimal millis(String key, BigDecimal fallback) {
            SettingsFile.Entry entry = entries.get(key);
            if (entry == null) {
                return fallback;
            }
            if (entry.value().matches("[0-9]{1,9}(\\.[0-9]{1,6})?") && new BigDecimal(entry.value()).signum() > 0) {
                return new BigDecimal(entry.value());
            }
            throw settings.error(entry, "expected a positive decimal number such as 150 or 1.5");
        }

        int count(String key, int fallback, int max) {
            SettingsFile.Entry entry = entries.get(key);
            if (entry == null) {
                return fallback;
            }
            if (entry.value().matches("[0-9]{1,9}")) {
                int value = Integer.parseInt(entry.value());
                if (value >= 1 && value <= max) {
                    return value;
                }
            }
            throw settings.error(entry, "expected a whole number from 1 to " + max);
        }
    }
}
