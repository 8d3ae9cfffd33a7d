package org.peertel.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peertel.ingest.IngestLimits;

/**
 * How the latency files are read: the size limits and what a bad file does. Keys of the job settings file:
 * <ul>
 * <li>{@code ingest.max-file-bytes}: the most content one file may have, after decompression for {@code .gz}
 * (default 16GiB); more refuses the file as {@code too_large};</li>
 * <li>{@code ingest.max-record-bytes}: the longest record (default 64KiB); a longer one is a reject;</li>
 * <li>{@code ingest.skip-bad-files}: {@code false} (default) fails the day on a bad file and publishes nothing of
 * it; {@code true} leaves the bad file out, processes the rest and marks the day partial. The command-line option
 * {@code --skip-bad-files} sets it to true.</li>
 * </ul>
 * Sizes are a whole number of bytes, optionally followed by KiB, MiB, GiB or TiB (powers of 1024).
 */
public record IngestSettings(IngestLimits limits, boolean skipBadFiles) {

    public static final String MAX_FILE_BYTES_KEY = "ingest.max-file-bytes";
    public static final String MAX_RECORD_BYTES_KEY = "ingest.max-record-bytes";
    public static final String SKIP_BAD_FILES_KEY = "ingest.skip-bad-files";

    public static final IngestSettings DEFAULTS = new IngestSettings(IngestLimits.DEFAULTS, false);

    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})\\s*(|KiB|MiB|GiB|TiB)");

    /** These settings with bad files skipped (or not). */
    public IngestSettings withSkipBadFiles(boolean skip) {
        return new IngestSettings(limits, skip);
    }

    /** The ingest keys of {@code settings}; each missing key keeps its default. */
    static IngestSettings read(SettingsFile settings) {
        long maxFileBytes = IngestLimits.DEFAULT_MAX_FILE_BYTES;
        SettingsFile.Entry fileEntry = settings.entries().get(MAX_FILE_BYTES_KEY);
        if (fileEntry != null) {
            maxFileBytes = size(settings, fileEntry, 1, Long.MAX_VALUE / 2);
        }
        int maxRecordBytes = IngestLimits.DEFAULT_MAX_RECORD_BYTES;
        SettingsFile.Entry recordEntry = settings.entries().get(MAX_RECORD_BYTES_KEY);
        if (recordEntry != null) {
            maxRecordBytes =
                    (int) size(settings, recordEntry, IngestLimits.MIN_RECORD_BYTES, IngestLimits.MAX_RECORD_BYTES);
        }
        boolean skip = false;
        SettingsFile.Entry skipEntry = settings.entries().get(SKIP_BAD_FILES_KEY);
        if (skipEntry != null) {
            String value = skipEntry.value().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw settings.error(skipEntry, "expected true or false");
            }
            skip = value.equals("true");
        }
        return new IngestSettings(new IngestLimits(maxFileBytes, maxRecordBytes), skip);
    }

    private static long size(SettingsFile settings, SettingsFile.Entry entry, long min, long max) {
        Matcher m = SIZE.matcher(entry.value());
        if (m.matches()) {
            int shift = switch (m.group(2)) {
                case "KiB" -> 10;
                case "MiB" -> 20;
                case "GiB" -> 30;
                case "TiB" -> 40;
                default -> 0;
            };
            try {
                long value = Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (ArithmeticException | NumberFormatException ignored) {
                // reported below
            }
        }
        throw settings.error(
                entry,
                "expected a size from " + min + " to " + max + " bytes: a whole number, "
                        + "optionally followed by KiB, MiB, GiB or TiB, e.g. 64KiB");
    }
}
