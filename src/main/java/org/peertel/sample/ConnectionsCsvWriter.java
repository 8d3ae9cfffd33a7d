package org.peertel.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a connections registry ({@code connections.csv}): RFC 4180, UTF-8 without BOM, LF line endings. The optional
 * last column {@code origin_asns} is written only when a connection has allowed origins, so registries without any
 * keep the older seven columns.
 */
final class ConnectionsCsvWriter {

    static final String HEADER = "connection_id,customer_id,name,partner,country,state,prefixes";
    static final String ORIGIN_ASNS_COLUMN = "origin_asns";

    private ConnectionsCsvWriter() {}

    /**
     * Writes {@code connections} in the given order.
     *
     * @param prefixSeparator text between two prefixes of one connection, e.g. {@code " "} or {@code ";"}
     */
    static void write(Path file, List<SampleConnection> connections, String prefixSeparator) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean origins = connections.stream().anyMatch(c -> !c.originAsns().isEmpty());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(origins ? HEADER + ',' + ORIGIN_ASNS_COLUMN : HEADER);
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
                if (origins) {
                    out.write(',');
                    out.write(c.originAsns().stream().map(String::valueOf).collect(Collectors.joining(" ")));
                }
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
