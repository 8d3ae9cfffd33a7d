package org.peertel.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How DuckDB may use the machine ({@code duckdb.*} keys of the job settings): a memory limit, the folder it spills
 * to when an operation needs more than that and how much it may spill there, and its worker threads. Applied with
 * {@code SET} whenever the store opens, so memory stays bounded however many records a day holds.
 *
 * @param memoryLimit   DuckDB {@code memory_limit}: a size such as {@code 2GB} or {@code 1.5GiB}, or a share of
 *                      the machine's memory such as {@code 50%}
 * @param tempDirectory DuckDB {@code temp_directory}; null for {@code <db file>.tmp} beside the database
 * @param threads       DuckDB {@code threads}; 0 for DuckDB's default (one per core)
 * @param maxTempSize   DuckDB {@code max_temp_directory_size}, a size such as {@code 20GB}; null for DuckDB's
 *                      default (90 % of the free disk): past it the operation fails instead of filling the disk
 */
public record DuckDbSettings(String memoryLimit, Path tempDirectory, int threads, String maxTempSize) {

    public static final String MEMORY_LIMIT_KEY = "duckdb.memory-limit";
    public static final String TEMP_DIRECTORY_KEY = "duckdb.temp-directory";
    public static final String THREADS_KEY = "duckdb.threads";
    public static final String MAX_TEMP_SIZE_KEY = "duckdb.max-temp-size";
    /** Fits the 2-core / 24 GiB machines the job runs on beside other processes, and is plenty for a day. */
    public static final String DEFAULT_MEMORY_LIMIT = "2GB";

    public static final int MAX_THREADS = 256;

    /**
     * Below this a day could not publish, measured while the measurements still went through CSV spool files: each
     * spool file DuckDB read took a 30.5 MiB buffer, and a 10 M-row day failed at 100MB ("could not allocate block
     * of size 30.5 MiB (66.6 MiB/95.3 MiB used)") and passed at 150MB, as did a 100 M-row day. The measurements now
     * arrive as Arrow batches; the unattributed, rejects and dictionary spool files are still read that way.
     */
    private static final long MIN_MEMORY_BYTES = 150_000_000L;

    private static final Pattern SIZE =
            Pattern.compile("([0-9]{1,9}(?:\\.[0-9]{1,6})?) ?(KB|MB|GB|TB|KIB|MIB|GIB|TIB)");
    private static final Pattern PERCENT = Pattern.compile("([0-9]{1,3})%");
    private static final String MEMORY_HINT = "give a size with a unit, e.g. 2GB or 1.5GiB (KB, MB, GB, TB count "
            + "1000s, KiB, MiB, GiB, TiB 1024s), of at least 150MB, or a share of the machine's memory such as 50%";

    public DuckDbSettings {
        String problem = memoryLimitProblem(memoryLimit);
        if (problem != null) {
            throw new IllegalArgumentException(MEMORY_LIMIT_KEY + " '" + memoryLimit + "': " + problem);
        }
        if (maxTempSize != null && maxTempSizeProblem(maxTempSize) != null) {
            throw new IllegalArgumentException(
                    MAX_TEMP_SIZE_KEY + " '" + maxTempSize + "': " + maxTempSizeProblem(maxTempSize));
        }
        if (threads < 0 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(THREADS_KEY + " must be in 0.." + MAX_THREADS + ", was " + threads);
        }
    }

    /** The built-in values: 2GB, beside the database, one thread per core. */
    public static DuckDbSettings defaults() {
        return new DuckDbSettings(DEFAULT_MEMORY_LIMIT, null, 0, null);
    }

    /** The {@code duckdb.*} keys of {@code file}; an absent key keeps its default. */
    static DuckDbSettings read(SettingsFile file) {
        DuckDbSettings defaults = defaults();
        String memoryLimit = defaults.memoryLimit();
        SettingsFile.Entry memory = file.entries().get(MEMORY_LIMIT_KEY);
        if (memory != null) {
            String problem = memoryLimitProblem(memory.value());
            if (problem != null) {
                throw file.error(memory, problem);
            }
            memoryLimit = memory.value();
        }
        Path tempDirectory = null;
        SettingsFile.Entry temp = file.entries().get(TEMP_DIRECTORY_KEY);
        if (temp != null) {
            if (temp.value().isEmpty()) {
                throw file.error(
                        temp,
                        "empty path; give a folder DuckDB may spill to, or remove the line to use "
                                + "<db file>.tmp beside the database");
            }
            tempDirectory = Path.of(temp.value());
            if (Files.exists(tempDirectory) && !Files.isDirectory(tempDirectory)) {
                throw file.error(
                        temp,
                        "this is a file, not a folder; give a folder DuckDB may spill to (it is "
                                + "created when missing), or remove the line to use <db file>.tmp beside the database");
            }
        }
        int threads = 0;
        SettingsFile.Entry threadsEntry = file.entries().get(THREADS_KEY);
        if (threadsEntry != null) {
            if (!threadsEntry.value().matches("[0-9]{1,3}")
                    || Integer.parseInt(threadsEntry.value()) < 1
                    || Integer.parseInt(threadsEntry.value()) > MAX_THREADS) {
                throw file.error(
                        threadsEntry,
                        "expected a whole number of threads from 1 to " + MAX_THREADS
                                + ", or remove the line for one thread per core");
            }
            threads = Integer.parseInt(threadsEntry.value());
        }
        String maxTempSize = null;
        SettingsFile.Entry maxTemp = file.entries().get(MAX_TEMP_SIZE_KEY);
        if (maxTemp != null) {
            String problem = maxTempSizeProblem(maxTemp.value());
            if (problem != null) {
                throw file.error(
                        maxTemp, problem + ", or remove the line to let DuckDB spill up to 90% of the " + "free disk");
            }
            maxTempSize = maxTemp.value();
        }
        return new DuckDbSettings(memoryLimit, tempDirectory, threads, maxTempSize);
    }

    /** Where DuckDB spills for the database file {@code db}. */
    public Path tempDirectoryFor(Path db) {
        return tempDirectory != null ? tempDirectory : Path.of(db.toString() + ".tmp");
    }

    /**
     * DuckDB's settings for a connection of the database file {@code db}: setting name → value, in the order to
     * apply them. The values are never written into SQL: {@link #apply} passes each as a parameter.
     */
    public Map<String, Object> values(Path db) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("memory_limit", memoryLimit);
        values.put("temp_directory", tempDirectoryFor(db).toAbsolutePath().toString());
        if (threads > 0) {
            values.put("threads", (long) threads);
        }
        if (maxTempSize != null) {
            values.put("max_temp_directory_size", maxTempSize);
        }
        return values;
    }

    /**
     * Applies {@link #values} to {@code connection}. SET takes no {@code ?} parameter, so each value goes into a
     * session variable through one and SET reads it back with {@code getvariable}: a path holding quotes or
     * semicolons stays a value.
     */
    public void apply(Connection connection, Path db) throws SQLException {
        try (PreparedStatement variable = connection.prepareStatement("SET VARIABLE peertel_setting = ?");
                Statement set = connection.createStatement()) {
            for (Map.Entry<String, Object> setting : values(db).entrySet()) {
                variable.setObject(1, setting.getValue());
                variable.execute();
                set.execute("SET " + setting.getKey() + " = getvariable('peertel_setting')"); // a constant name
            }
            set.execute("RESET VARIABLE peertel_setting");
        }
    }

    /** Why {@code text} is no memory limit DuckDB takes, or null when it is one. */
    private static String memoryLimitProblem(String text) {
        Matcher percent = PERCENT.matcher(text);
        if (percent.matches()) {
            int share = Integer.parseInt(percent.group(1));
            return share >= 1 && share <= 100 ? null : "a share of memory must be from 1% to 100%";
        }
        Double bytes = bytes(text);
        if (bytes == null) {
            return "not a memory size; " + MEMORY_HINT;
        }
        return bytes >= MIN_MEMORY_BYTES ? null : "below 150MB, too little to publish a day; " + MEMORY_HINT;
    }

    /** Why {@code text} is no spill limit DuckDB takes, or null when it is one. */
    private static String maxTempSizeProblem(String text) {
        return bytes(text) != null
                ? null
                : "not a size; give a size with a unit, e.g. 20GB or 1.5TiB (KB, MB, GB, "
                        + "TB count 1000s, KiB, MiB, GiB, TiB 1024s)";
    }

    /** {@code text} as bytes when it is a size with a unit ({@code 2GB}, {@code 488.2 MiB}); empty otherwise. */
    public static OptionalLong sizeInBytes(String text) {
        Double bytes = bytes(text);
        return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes.longValue());
    }

    /** The bytes {@code text} stands for (a number and a unit, see {@link #SIZE}), or null when it is no size. */
    private static Double bytes(String text) {
        Matcher size = SIZE.matcher(text.toUpperCase(Locale.ROOT));
        if (!size.matches()) {
            return null;
        }
        String unit = size.group(2);
        double base = unit.contains("I") ? 1024 : 1000;
        int power = "KMGT".indexOf(unit.charAt(0)) + 1;
        return Double.parseDouble(size.group(1)) * Math.pow(base, power);
    }
}
