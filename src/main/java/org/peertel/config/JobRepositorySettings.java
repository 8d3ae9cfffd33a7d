package org.peertel.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where Spring Batch keeps its job repository: a JDBC URL, user and password. An empty URL means the embedded H2
 * file beside the DuckDB file (user and password are then not used). Each value remembers where it came from, so
 * a message can name the one setting to fix; precedence is environment variable > settings file > default.
 * The password never appears in {@link #toString()} or in any message built here.
 */
public record JobRepositorySettings(Value url, Value user, Value password) {

    /** One value and the setting it came from, e.g. "job-repository.url at jobs/telemetry/telemetry.properties:20". */
    public record Value(String text, String source) {

        public boolean isSet() {
            return !text.isEmpty();
        }

        /** Only where it came from: the value may be a password. */
        @Override
        public String toString() {
            return source;
        }
    }

    public static final String URL_KEY = "job-repository.url";
    public static final String USER_KEY = "job-repository.user";
    public static final String PASSWORD_KEY = "job-repository.password";
    public static final String URL_ENV = "PEERTEL_JOB_REPOSITORY_URL";
    public static final String USER_ENV = "PEERTEL_JOB_REPOSITORY_USER";
    public static final String PASSWORD_ENV = "PEERTEL_JOB_REPOSITORY_PASSWORD";

    private static final String MASK = "***";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    /** The default: the H2 file beside the DuckDB file. */
    public static JobRepositorySettings defaults() {
        return ofUrl("");
    }

    /** Only a URL (no user, no password), as if set by default. */
    public static JobRepositorySettings ofUrl(String url) {
        return new JobRepositorySettings(
                new Value(url, URL_KEY + " (default)"),
                new Value("", USER_KEY + " (default)"),
                new Value("", PASSWORD_KEY + " (default)"));
    }

    /** The three settings of a settings file; an unset key keeps its default. */
    static JobRepositorySettings read(SettingsFile file) {
        JobRepositorySettings defaults = defaults();
        SettingsFile.Entry url = file.entries().get(URL_KEY);
        if (url != null && !url.value().isEmpty() && !url.value().startsWith("jdbc:")) {
            throw file.error(
                    url,
                    "expected a JDBC URL such as jdbc:postgresql://db.example.net:5432/peertel, "
                            + "or nothing for the H2 file beside the DuckDB file");
        }
        return new JobRepositorySettings(
                fromFile(file, URL_KEY, defaults.url()),
                fromFile(file, USER_KEY, defaults.user()),
                fromFile(file, PASSWORD_KEY, defaults.password()));
    }

    private static Value fromFile(SettingsFile file, String key, Value fallback) {
        SettingsFile.Entry entry = file.entries().get(key);
        return entry == null ? fallback : new Value(entry.value(), key + " at " + file.where(entry));
    }

    /**
     * These settings with the environment variables applied over them (an empty variable counts as unset), checked:
     * a URL must be a JDBC URL, and a user or password without a URL is refused (it would be silently ignored).
     */
    public JobRepositorySettings withEnvironment(Map<String, String> environment) {
        JobRepositorySettings applied = new JobRepositorySettings(
                fromEnvironment(environment, URL_ENV, url),
                fromEnvironment(environment, USER_ENV, user),
                fromEnvironment(environment, PASSWORD_ENV, password));
        if (applied.url().isSet() && !applied.url().text().startsWith("jdbc:")) {
            throw new ConfigurationException(
                    applied.url().source() + ": '" + applied.mask(applied.url().text())
                            + "' is not a JDBC URL; expected e.g. jdbc:postgresql://db.example.net:5432/peertel");
        }
        if (!applied.url().isSet()
                && (applied.user().isSet() || applied.password().isSet())) {
            Value stray = applied.user().isSet() ? applied.user() : applied.password();
            throw new ConfigurationException(stray.source() + " is set but the job repository URL is not, so the "
                    + "H2 file beside the DuckDB file would be used; set " + URL_KEY + " (or " + URL_ENV
                    + ") or remove it");
        }
        return applied;
    }

    private static Value fromEnvironment(Map<String, String> environment, String variable, Value fallback) {
        String value = environment.get(variable);
        return value == null || value.isEmpty() ? fallback : new Value(value, "environment variable " + variable);
    }

    /** True for the embedded H2 file beside the DuckDB file. */
    public boolean isDefault() {
        return !url.isSet();
    }

    /** {@code text} with the password and any password inside a URL replaced by "***", for messages. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1" + MASK);
        masked = USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
        if (password.text().length() >= 3) {
            masked = masked.replace(password.text(), MASK);
        }
        return masked;
    }

    /** "jdbc:postgresql://host/db as user 'peertel'", password masked. */
    public String describe() {
        return mask(url.text()) + (user.isSet() ? " as user '" + user.text() + "'" : "");
    }

    @Override
    public String toString() {
        return "JobRepositorySettings[url=" + mask(url.text()) + ", user=" + user.text() + ", password="
                + (password.isSet() ? MASK : "") + "]";
    }
}
