package org.peertel.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small registry files for the tests. */
final class RegistryCsv {

    static final String HEADER = "connection_id,customer_id,name,partner,country,state,prefixes\n";

    private RegistryCsv() {}

    /** A well-formed row in header order, ending with LF. */
    static String row(String connectionId, String customerId, String country, String state, String prefixes) {
        return String.join(",", connectionId, customerId, "Link " + connectionId, "Partner", country, state, prefixes)
                + "\n";
    }

    /** A valid German row of customer {@code acme} with {@code prefixes}. */
    static String row(String connectionId, String prefixes) {
        return row(connectionId, "acme", "DE", "", prefixes);
    }

    static Path write(Path dir, String content) {
        return write(dir, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, byte[] content) {
        try {
            return Files.write(dir.resolve("connections.csv"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
