package org.peertel.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.peertel.geo.Locations;
import org.peertel.prefix.IpAddress;

/**
 * One day of attributed rows as the attribution step holds them just before the hand-over to DuckDB: numbers in
 * primitive arrays, column by column as in {@code measurement_rows}, an IPv6 client as its canonical text in ASCII
 * bytes. Shaped like a day of {@code peertel generate scale} (ScaleScenario) with 100 k prefixes: 4 files, lines
 * and times rising within a file, 30 % IPv6 clients, the file's own edge PoP, a registration drawn uniformly, the
 * connection's location, a log-normal-ish rtt in thousandths of a millisecond. A fixed seed: every run and every
 * case loads the same rows. {@link #check} compares what a case stored with sums computed here.
 */
final class HandOverRows {

    static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    static final int FILES = 4;
    static final int CONNECTIONS = 10_000;
    static final int PREFIXES = 100_000;
    static final double IPV6_SHARE = 0.3;
    private static final long SEED = 20261116L;
    private static final String[][] LOCATIONS = {
        {"US", "CA"},
        {"DE", ""},
        {"US", "NY"},
        {"NL", ""},
        {"US", "VA"},
        {"GB", ""},
        {"US", "TX"},
        {"FR", ""},
        {"JP", ""},
        {"SG", ""},
        {"BR", ""},
        {"IN", ""}
    };

    final int size;
    final int epochDay = (int) DAY.toEpochDay();
    final int[] fileNo;
    final long[] line;
    final long[] epochMicros;
    /** The IPv4 client's 32 bits (as an unsigned value); meaningless where {@link #ipv6} holds a text. */
    final int[] ipv4;
    /** The IPv6 client's canonical text in ASCII, null for an IPv4 client. */
    final byte[][] ipv6;

    final short[] country;
    final short[] state;
    final int[] edgePopNo;
    /** The rtt in millionths of a millisecond: the unscaled value of DECIMAL(15,6). */
    final long[] rttMicros;

    final int[] connectionNo;
    final int[] prefixNo;

    HandOverRows(int size) {
        this.size = size;
        fileNo = new int[size];
        line = new long[size];
        epochMicros = new long[size];
        ipv4 = new int[size];
        ipv6 = new byte[size][];
        country = new short[size];
        state = new short[size];
        edgePopNo = new int[size];
        rttMicros = new long[size];
        connectionNo = new int[size];
        prefixNo = new int[size];
        SplittableRandom random = new SplittableRandom(SEED);
        long dayMicros = DAY.toEpochDay() * 86_400_000_000L;
        int perFile = (size + FILES - 1) / FILES;
        for (int i = 0; i < size; i++) {
            int file = i / perFile;
            int k = i - file * perFile;
            fileNo[i] = file;
            line[i] = k + 2L; // line 1 is the header
            epochMicros[i] = dayMicros + k * 86_400_000L / perFile * 1000;
            int prefix = random.nextInt(PREFIXES);
            int connection = (int) ((long) prefix * CONNECTIONS / PREFIXES);
            prefixNo[i] = prefix;
            connectionNo[i] = connection;
            if (random.nextDouble() < IPV6_SHARE) {
                IpAddress client = new IpAddress(
                        0x2001_0db8_0000_0000L | (long) prefix << 16 | random.nextInt(1 << 16),
                        random.nextLong() & 0xFFFFL);
                ipv6[i] = client.toString().getBytes(StandardCharsets.US_ASCII);
            } else {
                ipv4[i] = 0xC000_0000 | prefix << 8 | random.nextInt(256); // above 2^31: UINTEGER
            }
            String[] where = LOCATIONS[connection % LOCATIONS.length];
            country[i] = (short) Locations.letterCode(where[0]);
            state[i] = (short) (where[1].isEmpty() ? -1 : Locations.letterCode(where[1]));
            edgePopNo[i] = 0; // one file a PoP: every row carries its file's only edge PoP
            double medianMs = 8 + 60 * ((connection * 2_654_435_761L & 0xFFFF) / 65_536.0);
            double rttMs = medianMs * Math.exp(0.25 * random.nextGaussian());
            rttMicros[i] = Math.max(1, Math.min(60_000_000L, Math.round(rttMs * 1000))) * 1000;
        }
    }

    /** The sums {@link #check} expects, over every column. */
    private String expected() {
        long lines = 0;
        long micros = 0;
        long ipv4Sum = 0;
        long ipv6Count = 0;
        long ipv6Bytes = 0;
        long countries = 0;
        long states = 0;
        long files = 0;
        long edgePops = 0;
        long rtt = 0;
        long connections = 0;
        long prefixes = 0;
        long dayMicros = DAY.toEpochDay() * 86_400_000_000L;
        for (int i = 0; i < size; i++) {
            lines += line[i];
            micros += epochMicros[i] - dayMicros;
            if (ipv6[i] == null) {
                ipv4Sum += Integer.toUnsignedLong(ipv4[i]);
            } else {
                ipv6Count++;
                ipv6Bytes += ipv6[i].length;
            }
            countries += country[i];
            states += state[i];
            files += fileNo[i];
            edgePops += edgePopNo[i];
            rtt += rttMicros[i];
            connections += connectionNo[i];
            prefixes += prefixNo[i];
        }
        return String.join(
                " ",
                DAY.toString(),
                DAY.toString(),
                Long.toString(size),
                Long.toString(files),
                Long.toString(lines),
                Long.toString(micros),
                Long.toString(ipv4Sum),
                Long.toString(ipv6Count),
                Long.toString(ipv6Bytes),
                Long.toString(countries),
                Long.toString(states),
                Long.toString(edgePops),
                BigDecimal.valueOf(rtt, 6).toPlainString(),
                Long.toString(connections),
                Long.toString(prefixes));
    }

    /** The same sums over measurement_rows as the database holds it. */
    private static String stored(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT min(day), max(day), count(*), sum(file_no), sum(line), "
                        + "sum(epoch_us(ts) - epoch_us(CAST(day AS TIMESTAMP))), sum(client_ipv4), count(client_ipv6), "
                        + "sum(length(client_ipv6)), sum(country_code), sum(state_code), sum(edge_pop_no), "
                        + "sum(rtt_ms), sum(connection_no), sum(prefix_no) FROM measurement_rows")) {
            rs.next();
            StringBuilder sums = new StringBuilder();
            for (int column = 1; column <= 15; column++) {
                Object value = rs.getObject(column);
                sums.append(column > 1 ? " " : "")
                        .append(value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value));
            }
            return sums.toString();
        }
    }

    /** Throws unless measurement_rows holds exactly these rows (by the sums of every column). */
    void check(Connection connection, String handOver) throws SQLException {
        String expected = expected();
        String stored = stored(connection);
        if (!expected.equals(stored)) {
            throw new IllegalStateException(handOver + " stored other rows than it was given:\n expected " + expected
                    + "\n stored   " + stored);
        }
    }

    /** Throws unless measurement_rows holds {@link #size} rows; what each timed hand-over ends with. */
    void checkCount(Connection connection, String handOver) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM measurement_rows")) {
            rs.next();
            if (rs.getLong(1) != size) {
                throw new IllegalStateException(handOver + " committed " + rs.getLong(1) + " rows, not " + size);
            }
        }
    }
}
