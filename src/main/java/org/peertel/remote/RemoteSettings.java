package org.peertel.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.peertel.config.ConfigurationException;
import org.peertel.config.DuckDbSettings;
import org.peertel.config.SettingsFile;

/**
 * What a manager ({@code run --workers remote}) and its workers ({@code peertel worker}) share, from the job
 * settings file:
 *
 * <ul>
 *   <li>{@code broker.url}: the JMS broker (ActiveMQ Artemis) the partition requests go through, e.g.
 *       {@code tcp://broker:61616};
 *   <li>{@code shared.dir}: a folder every machine mounts at the same path, where the day's spool and the buckets'
 *       aggregates are written;
 *   <li>{@code workers.timeout} (default {@code 30m}): how long the manager waits for its partitions without any of
 *       them starting or finishing before it fails the day; a number followed by {@code s}, {@code m} or {@code h};
 *   <li>{@code workers.buckets} (default 64, at most 128): the most buckets of connections the aggregation is split
 *       into, and the most partitions of input files;
 *   <li>{@code workers.bucket-min-bytes} (default {@code 64MiB}): the spooled rows a bucket holds at least (about
 *       50 bytes a row), so that a small day is not cut into buckets that cost more to hand out than to aggregate.
 * </ul>
 *
 * @param where             per key, "file:line" for messages; null when the key is not set
 * @param partitionsAtOnce  for a worker: how many partitions it runs at once ({@code worker --partitions-at-once},
 *                          default one per core); each one reads its files with one thread per file
 */
public record RemoteSettings(
        String brokerUrl,
        Path sharedDir,
        Duration timeout,
        int buckets,
        long bucketMinBytes,
        Where where,
        int partitionsAtOnce) {

    public static final String BROKER_URL_KEY = "broker.url";
    public static final String SHARED_DIR_KEY = "shared.dir";
    public static final String TIMEOUT_KEY = "workers.timeout";
    public static final String BUCKETS_KEY = "workers.buckets";
    public static final String BUCKET_MIN_BYTES_KEY = "workers.bucket-min-bytes";
    public static final long DEFAULT_BUCKET_MIN_BYTES = 64L << 20;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    public static final int DEFAULT_BUCKETS = 64;
    static final int MAX_BUCKETS = 128;

    /** Where each setting was given, "file:line", for messages; null when not given. */
    public record Where(String brokerUrl, String sharedDir) {}

    /**
     * The remote settings of {@code settingsFile}, checked: a manager and a worker need {@code broker.url} and an
     * existing {@code shared.dir}.
     *
     * @throws ConfigurationException naming the file and line of a bad or missing value
     */
    public static RemoteSettings load(Path settingsFile) {
        if (settingsFile == null || !Files.isRegularFile(settingsFile)) {
            throw new ConfigurationException("remote workers need a settings file with " + BROKER_URL_KEY + " and "
                    + SHARED_DIR_KEY + "; "
                    + (settingsFile == null ? "none is in use" : "none was found at " + settingsFile)
                    + " (give --settings FILE)");
        }
        SettingsFile settings = SettingsFile.read(settingsFile);
        SettingsFile.Entry broker = settings.entries().get(BROKER_URL_KEY);
        if (broker == null || broker.value().isEmpty()) {
            throw new ConfigurationException(settingsFile + ": remote workers need " + BROKER_URL_KEY
                    + ", the Artemis broker's URL, e.g. `" + BROKER_URL_KEY + " = tcp://broker:61616`");
        }
        if (!broker.value().startsWith("tcp://")) {
            throw settings.error(broker, "expected an Artemis URL such as tcp://broker:61616");
        }
        SettingsFile.Entry shared = settings.entries().get(SHARED_DIR_KEY);
        if (shared == null || shared.value().isEmpty()) {
            throw new ConfigurationException(settingsFile + ": remote workers need " + SHARED_DIR_KEY
                    + ", a folder every machine mounts at the same path, e.g. `" + SHARED_DIR_KEY
                    + " = /mnt/peertel-shared`");
        }
        if (!Files.isDirectory(Path.of(shared.value()))) {
            throw settings.error(
                    shared,
                    "no such folder; create it (on a file system every machine mounts at this "
                            + "path) or give another");
        }
        return new RemoteSettings(
                broker.value(),
                Path.of(shared.value()).toAbsolutePath(),
                timeout(settings),
                buckets(settings),
                bucketMinBytes(settings),
                new Where(settings.where(broker), settings.where(shared)),
                Runtime.getRuntime().availableProcessors());
    }

    /** These settings for a worker running {@code partitions} partitions at once. */
    public RemoteSettings withPartitionsAtOnce(int partitions) {
        return new RemoteSettings(brokerUrl, sharedDir, timeout, buckets, bucketMinBytes, where, partitions);
    }

    private static Duration timeout(SettingsFile settings) {
        SettingsFile.Entry entry = settings.entries().get(TIMEOUT_KEY);
        if (entry == null) {
            return DEFAULT_TIMEOUT;
        }
        String value = entry.value();
        if (value.matches("[1-9][0-9]{0,5}[smh]")) {
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            switch (value.charAt(value.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                default:
                    return Duration.ofHours(amount);
            }
        }
        throw settings.error(entry, "expected a duration such as 90s, 30m or 2h");
    }

    private static long bucketMinBytes(SettingsFile settings) {
        SettingsFile.Entry entry = settings.entries().get(BUCKET_MIN_BYTES_KEY);
        if (entry == null) {
            return DEFAULT_BUCKET_MIN_BYTES;
        }
        OptionalLong bytes = entry.value().matches("[0-9]+")
                ? OptionalLong.of(Long.parseLong(entry.value()))
                : DuckDbSettings.sizeInBytes(entry.value());
        if (bytes.isPresent() && bytes.getAsLong() >= 1) {
            return bytes.getAsLong();
        }
        throw settings.error(entry, "expected a size such as 64MiB or 1GB, or a number of bytes");
    }

    private static int buckets(SettingsFile settings) {
        SettingsFile.Entry entry = settings.entries().get(BUCKETS_KEY);
        if (entry == null) {
            return DEFAULT_BUCKETS;
        }
        if (entry.value().matches("[0-9]{1,3}")) {
            int buckets = Integer.parseInt(entry.value());
            if (buckets >= 1 && buckets <= MAX_BUCKETS) {
                return buckets;
            }
        }
        throw settings.error(
                entry, "expected a whole number of buckets from 1 to " + MAX_BUCKETS + ", e.g. " + DEFAULT_BUCKETS);
    }
}
