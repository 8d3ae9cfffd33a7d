package org.peertel.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random latency files for property tests: random bytes from an alphabet rich in separators, quotes, CR, LF, NUL
 * and invalid UTF-8 (often behind a valid header), and mutations of a valid file (cut, bytes flipped, quotes,
 * NULs, CRs and line breaks inserted), plain or gzipped, the gzip bytes mutated too. The same seed writes the
 * same files.
 */
public final class RandomLatencyFiles {

    private RandomLatencyFiles() {}

    /** Writes one to three random files named {@code f<i>.csv} or {@code f<i>.csv.gz} into {@code dayFolder}. */
    public static void write(Path dayFolder, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(dayFolder);
        int files = 1 + random.nextInt(3);
        for (int i = 0; i < files; i++) {
            boolean gzip = random.nextInt(3) == 0;
            byte[] text = random.nextBoolean() ? randomBytes(random) : mutatedValidFile(random);
            byte[] content = gzip ? maybeMutate(random, DayFolder.gzip(text)) : text;
            Files.write(dayFolder.resolve("f" + i + (gzip ? ".csv.gz" : ".csv")), content);
        }
    }

    static byte[] randomBytes(Random random) {
        byte[] alphabet = ",,,\"\"\n\n\r 0123456789.:-TZabc\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[random.nextInt(600)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
        }
        if (random.nextBoolean()) { // often behind a valid header, so that rows are parsed too
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((DayFolder.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            return out.toByteArray();
        }
        return bytes;
    }

    static byte[] mutatedValidFile(Random random) {
        StringBuilder text = new StringBuilder(DayFolder.HEADER).append('\n');
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            // mostly valid; now and then a value that one of the field rules refuses
            String day = random.nextInt(10) == 0 ? "2026-11-20" : "2026-11-19";
            String[] location = random.nextInt(5) > 0
                    ? new String[] {"DE", ""}
                    : new String[][] {{"US", "NY"}, {"US", "XX"}, {"ZZ", ""}}[random.nextInt(3)];
            String pop = random.nextInt(10) == 0 ? "" : "\"fra " + i + "\"";
            String rtt = random.nextInt(10) == 0 ? "70000" : Integer.toString(i + 1);
            String ip =
                    new String[] {"192.0.2.", "203.0.113.", "198.51.100.", "192.0.2.1"}[random.nextInt(4)] + (i + 30);
            text.append(day)
                    .append("T10:00:")
                    .append(10 + i)
                    .append("Z,")
                    .append(ip)
                    .append(',')
                    .append(location[0])
                    .append(',')
                    .append(location[1])
                    .append(',')
                    .append(pop)
                    .append(',')
                    .append(rtt)
                    .append(random.nextBoolean() ? "\n" : "\r\n");
        }
        return maybeMutate(random, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Cuts, flips and inserts at random (or leaves the bytes alone). */
    static byte[] maybeMutate(Random random, byte[] bytes) {
        List<Byte> mutated = new ArrayList<>(bytes.length + 16);
        for (byte b : bytes) {
            mutated.add(b);
        }
        byte[] inserts = {'"', 0, '\r', '\n', ',', (byte) 0xC3, (byte) 0xFF};
        int changes = random.nextInt(5);
        for (int i = 0; i < changes && !mutated.isEmpty(); i++) {
            int at = random.nextInt(mutated.size());
            switch (random.nextInt(4)) {
                case 0 -> mutated.subList(at, mutated.size()).clear();
                case 1 -> mutated.set(at, (byte) (mutated.get(at) ^ (1 << random.nextInt(8))));
                default -> mutated.add(at, inserts[random.nextInt(inserts.length)]);
            }
        }
        byte[] result = new byte[mutated.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = mutated.get(i);
        }
        return result;
    }
}
