package org.peertel.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Latency files made of lines on the border of what the fast lane takes: each field drawn from valid values, from
 * values one step outside a rule (day and range limits, leading zeros, case, spaces, tabs, quotes, non-ASCII), and
 * whole-line oddities (CR, blank lines, a field too many or too few, a quote left open), under a header whose
 * columns come in a random order, with an extra column now and then. The same seed gives the same bytes.
 */
public final class NearValidLines {

    static final String[] TIMESTAMPS = {
        "2026-11-19T10:00:00Z",
        "2026-11-19T10:00:00.123Z",
        "2026-11-19T10:00:00.123456789Z",
        "2026-11-19T10:00:00.1234567890Z",
        "2026-11-19t10:00:00z",
        "2026-11-19 10:00:00",
        "2026-11-19T10:00",
        "2026-11-19T10:00Z",
        "2026-11-19T00:00:00Z",
        "2026-11-19T23:59:59.999999999Z",
        "2026-11-20T00:00:00Z",
        "2026-11-18T23:59:59.999999999Z",
        "2026-11-20T00:30:00+01:00",
        "2026-11-19T00:30:00+01:00",
        "2026-11-18T23:30:00-01:00",
        "2026-11-19T10:00:00+18:00",
        "2026-11-19T10:00:00+18:01",
        "2026-11-19T10:00:00-0130",
        "2026-11-19T10:00:00+05",
        "2026-11-19T23:59:60Z",
        "2026-11-31T10:00:00Z",
        "2026-11-19T24:00:00Z",
        "2026-11-19T10:00:00.Z",
        "2026-11-19T10:00:00+5:00",
        " 2026-11-19T10:00:00Z ",
        "2026-11-19T10:00:00Z\t",
        "",
        "x",
        "2026-11-19T10:00:00.000001Z",
        "2026-11-19T10:00:00.0000009Z",
        "2026-11-19T10:00:00.999999Z"
    };
    static final String[] IPS = {
        "192.0.2.1",
        "198.51.100.7",
        "0.0.0.0",
        "255.255.255.255",
        "256.1.1.1",
        "01.2.3.4",
        "1.2.3.04",
        "1.2.3.0",
        "1.2.3",
        "1.2.3.4.5",
        " 198.51.100.8 ",
        "::ffff:192.0.2.1",
        "2001:db8::1",
        "1..2.3",
        "",
        "1.2.3.4x",
        "+1.2.3.4",
        "203.0.113.255",
        "10.0.0.1",
        "1.2.3.4 5",
        "\t192.0.2.9",
        "0.0.0.00",
        "00.0.0.0",
        "199.999.1.1",
        "2001:db8:200::7",
        "2001:DB8:200::7",
        "2001:db8:200:0:0:0:0:7",
        "::",
        "::1",
        "2001:db8::1:0:0:1",
        "2001::1:0:0:0:1",
        "fe80::1%eth0",
        "[2001:db8::1]",
        "64:ff9b::192.0.2.1",
        "::ffff:c000:201",
        "2001:db8:::1",
        "12345::1",
        " 2001:db8:200::8 "
    };
    static final String[] COUNTRIES = {
        "GB", "de", "Us", "US", "gb", "DE", "us", "XX", "D", "DEU", " fr ", "", "ZZ", "gB"
    };
    static final String[] STATES = {"NY", "ny", "Ca", "XX", "", " tx ", "AA", "N", "PR", "\"NY\""};
    static final String[] EDGE_POPS = {
        "fra1", "", "   ", " ams 1 ", "a,b", "x\"y", "\"quoted\"", "k\u00f6ln", "\t", "iad1"
    };
    static final String[] RTTS = {
        "12.5",
        "0",
        "0.0",
        "0.000001",
        "0.0000001",
        "0.0000005",
        "60000",
        "60000.000001",
        "60000.0",
        "060000",
        "59999.9999999",
        "1e3",
        "-1",
        "+1",
        ".5",
        "5.",
        "12.3456789",
        "123456789012345678",
        "1234567890123456789",
        "0000000000000000001.5",
        " 7 ",
        "7.000000",
        "00.000100",
        "1.5 ",
        "1,5",
        "12.345",
        "60000.0000004",
        "60000.0000005"
    };
    static final String[] COLUMNS = {"timestamp", "client_ip", "country", "state", "edge_pop", "rtt_ms"};

    private NearValidLines() {}

    /** A whole file: a header and {@code lines} lines. */
    public static byte[] file(long seed, int lines) {
        Random random = new Random(seed);
        List<String> columns = new ArrayList<>(List.of(COLUMNS));
        if (random.nextInt(3) == 0) {
            columns.add("note");
        }
        Collections.shuffle(columns, random);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String header = String.join(",", columns);
        out.writeBytes((random.nextInt(4) == 0 ? header.toUpperCase() : header).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        for (int i = 0; i < lines; i++) {
            out.writeBytes(line(random, columns).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** One line with its terminator. */
    private static String line(Random random, List<String> columns) {
        boolean valid = random.nextInt(3) == 0; // a third of the lines keep the first (valid) values
        List<String> fields = new ArrayList<>();
        for (String column : columns) {
            fields.add(
                    switch (column) {
                        case "timestamp" -> pick(random, TIMESTAMPS, valid, 3);
                        case "client_ip" -> pick(random, IPS, valid, 3);
                        case "country" -> pick(random, COUNTRIES, valid, 5);
                        case "state" -> pick(random, STATES, valid, 3);
                        case "edge_pop" -> pick(random, EDGE_POPS, valid, 1);
                        case "rtt_ms" -> pick(random, RTTS, valid, 1);
                        default -> random.nextBoolean() ? "" : "any, text";
                    });
        }
        String line = String.join(",", fields);
        switch (random.nextInt(30)) {
            case 0 -> line = "";
            case 1 -> line = "\r";
            case 2 -> line += ",";
            case 3 -> line = line.substring(0, line.lastIndexOf(','));
            case 4 -> line = "\"" + line;
            case 5 -> line = line + "\r\r";
            case 6 -> line = "\"a\nb\"," + line;
            default -> {}
        }
        return line + (random.nextInt(4) == 0 ? "\r\n" : "\n");
    }

    /** A valid value (one of the first {@code validCount}) for a valid line, else any value. */
    private static String pick(Random random, String[] values, boolean valid, int validCount) {
        return values[random.nextInt(valid ? validCount : values.length)];
    }
}
