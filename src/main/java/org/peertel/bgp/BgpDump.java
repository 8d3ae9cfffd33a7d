package org.peertel.bgp;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;

/** Reads one MRT stream and writes it in bgpdump's one-line form ({@link BgpdumpFormat}). */
public final class BgpDump {

    private BgpDump() {}

    /**
     * Writes every record of {@code in} to {@code out}, streaming; returns what was read and skipped. A truncated
     * or malformed record does not stop it with an exception: the lines before it are written and the report says
     * what was left out.
     */
    public static MrtReadReport dump(InputStream in, Writer out) throws IOException {
        MrtReadReport report = new MrtReadReport();
        MrtReader reader = new MrtReader(in, report);
        MrtDecoder decoder = new MrtDecoder(report);
        StringBuilder lines = new StringBuilder(1 << 12);
        MrtRecord record;
        while ((record = reader.next()) != null) {
            MrtEntry entry = decoder.decode(record);
            if (entry != null) {
                lines.setLength(0);
                BgpdumpFormat.write(entry, lines);
                out.append(lines);
            }
        }
        return report;
    }
}
