package org.peertel.ingest;

/**
 * A file left out of the day by {@code --skip-bad-files}: none of its rows count.
 *
 * @param name    the file's name inside the day folder
 * @param reason  why it was refused
 * @param message what is wrong (the {@link BadInputFileException#detail()})
 */
public record SkippedFile(String name, BadFileReason reason, String message) {}
