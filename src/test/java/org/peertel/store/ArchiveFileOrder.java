package org.peertel.store;

/** The row order of an archive file ({@link ArchivedTable}'s, package-private), for the tests that read the files. */
public final class ArchiveFileOrder {

    private ArchiveFileOrder() {}

    /** The file's {@code ORDER BY} over its columns: a key unique within a day. */
    public static String of(ArchivedTable table) {
        return table.orderBy();
    }
}
