package org.peertel.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a connections registry ({@code connections.csv}): RFC 4180, UTF-8 without BOM, LF line endings. */
final class ConnectionsCsvWriter {

    static final String HEADER = "connection_id,customer_id,name,partner,country,state,prefixes";

    private ConnectionsCsvWriter() {}

    /**
     * Writes {@code connections} in the given order.
     *
     * @param prefixSeparator text between two prefixes of one connection, e.g. {@code " "} or {@code ";"}
     */
    static void write(Path file, List<SampleConnection> connections, String prefixSeparator) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (SampleConnection c : connections) {
                out.write(field(c.connectionId())
                        + ','
                        + field(c.customerId())
                        + ','
                        + field(c.name())
                        + ','
                        + field(c.partner())
                        + ','
                        + field(c.country())
                        + ','
                        + field(c.state())
                        + ','
                        + field(String.join(prefixSeparator, c.prefixes())));
                out.write('\n');
            }
        }
    }

    /** The value quoted only when it holds a comma, a quote, CR or LF (quotes doubled). */
    static String field(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
