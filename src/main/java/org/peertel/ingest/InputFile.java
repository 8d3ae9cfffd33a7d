package org.peertel.ingest;

/**
 * One input file of a day folder: what attributeStep found in it, the spool and the store's {@code input_files}
 * keep, {@code runs/<date>.json} lists and a day's {@link DayManifest} records.
 *
 * @param name   the file's name inside the day folder
 * @param rows   data rows read, including rejected ones; header and blank lines are not counted; 0 for a file
 *               skipped as bad; {@link #ROWS_UNKNOWN} in a manifest read from the folder, which reads no rows
 * @param bytes  the file's size on disk (compressed size for {@code .csv.gz})
 * @param sha256 the lower-case hex SHA-256 of the stored file, "" for a file that could not be read to its end
 */
public record InputFile(String name, long rows, long bytes, String sha256) {

    /** The row count of a file listed without being read ({@link DayManifest#of}). */
    public static final long ROWS_UNKNOWN = -1;

    /**
     * True when {@code other} is the same stored file: the same name, size and SHA-256. Rows are not compared: a
     * manifest read from the folder knows none.
     */
    public boolean sameStoredFile(InputFile other) {
        return name.equals(other.name) && bytes == other.bytes && sha256.equals(other.sha256);
    }
}
