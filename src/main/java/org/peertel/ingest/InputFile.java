package org.peertel.ingest;

/**
 * Statistics of one input file of a day folder.
 *
 * @param name  the file's name inside the day folder
 * @param rows  data rows read, including rejected ones; header and blank lines are not counted; 0 for a file
 *              skipped as bad
 * @param bytes the file's size on disk (compressed size for {@code .csv.gz})
 */
public record InputFile(String name, long rows, long bytes) {
}
