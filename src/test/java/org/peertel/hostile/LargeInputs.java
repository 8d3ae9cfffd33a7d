package org.peertel.hostile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** The inputs of the corpus too large for git, written into a day folder when a case asks for them. */
final class LargeInputs {

    static final String HEADER = "timestamp,client_ip,country,state,edge_pop,rtt_ms\n";

    private LargeInputs() {}

    static void write(String what, Path dayFolder) throws IOException {
        switch (what) {
            case "ten-megabyte-line" -> tenMegabyteLine(dayFolder.resolve("long-line.csv"));
            case "million-rows" -> millionRows(dayFolder.resolve("million.csv"));
            case "decompression-bomb" -> decompressionBomb(dayFolder.resolve("bomb.csv.gz"));
            default -> throw new IllegalArgumentException("no generator for " + what);
        }
    }

    /** A good row, a line of 10 MiB of digits (no comma, no quote), a good row. */
    private static void tenMegabyteLine(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write((HEADER + "2026-11-19T10:00:10Z,192.0.2.10,GB,,lhr1,12.5\n").getBytes(StandardCharsets.UTF_8));
            byte[] sevens = new byte[1 << 20];
            java.util.Arrays.fill(sevens, (byte) '7');
            for (int i = 0; i < 10; i++) {
                out.write(sevens);
            }
            out.write("\n2026-11-19T10:00:11Z,192.0.2.11,GB,,lhr1,12.5\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** 1,000,000 tiny valid rows for lon-1 (192.0.2.1..100), every 1000th with the bad rtt "x". */
    private static void millionRows(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < 1_000_000; i++) {
                line.setLength(0);
                line.append("2026-11-19 10:")
                        .append(i / 60 % 60 / 10)
                        .append(i / 60 % 10)
                        .append(",192.0.2.")
                        .append(i % 100 + 1)
                        .append(",GB,,p,")
                        .append(i % 1000 == 999 ? "x" : i % 97 + 1)
                        .append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** A gzip file that inflates to a header, 10 rows and 1 GiB of zero bytes (about 1 MB compressed). */
    private static void decompressionBomb(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            StringBuilder rows = new StringBuilder(HEADER);
            for (int i = 0; i < 10; i++) {
                rows.append("2026-11-19T10:00:")
                        .append(10 + i)
                        .append("Z,192.0.2.")
                        .append(10 + i)
                        .append(",GB,,lhr1,12.5\n");
            }
            out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                out.write(zeros);
            }
        }
    }
}
