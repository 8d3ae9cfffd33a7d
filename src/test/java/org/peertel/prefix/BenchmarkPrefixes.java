package org.peertel.prefix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Prefix tables and lookup addresses for the benchmarks (PrefixTrieBenchmark and the JMH ones in src/jmh). */
final class BenchmarkPrefixes {

    /** The real full routing table: 1,062,046 prefixes, 901,899 IPv4 and 160,147 IPv6 (see its SOURCES.md). */
    static final Path FULL_TABLE = Path.of("../shared/testdata/prefixes/bart/prefixes.txt.gz");

    private BenchmarkPrefixes() {}

    /** One prefix a line, the first word of it (so pyasn files read too); '#' and ';' lines are comments. */
    static List<Prefix> read(Path file) throws IOException {
        List<Prefix> prefixes = new ArrayList<>();
        try (var in = Files.newInputStream(file);
                var stream = file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
                var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith(";")) {
                    prefixes.add(Prefix.parse(line.trim().split("\\s+")[0]));
                }
            }
        }
        return prefixes;
    }

    /**
     * {@code count} distinct prefixes shaped roughly like a routing table: 85 % IPv4 /8../32 (two thirds /24),
     * 15 % IPv6 /16../64 under 2000::/3; a fifth of them are nested inside an earlier one. Same seed, same list.
     */
    static List<Prefix> generated(int count, long seed) {
        Random random = new Random(seed);
        Set<Prefix> prefixes = new LinkedHashSet<>();
        List<Prefix> made = new ArrayList<>(count);
        while (prefixes.size() < count) {
            Prefix prefix;
            if (!made.isEmpty() && random.nextInt(5) == 0) {
                Prefix parent = made.get(random.nextInt(made.size()));
                int max = parent.isIpv4() ? 32 : 128;
                int length = Math.min(max, parent.length() + 1 + random.nextInt(8));
                prefix = RandomPrefixes.prefixOf(RandomPrefixes.randomAddressIn(random, parent), length);
            } else if (random.nextInt(100) < 85) {
                int length = random.nextInt(3) > 0 ? 24 : 8 + random.nextInt(25);
                prefix = RandomPrefixes.prefixOf(IpAddress.ofIpv4(random.nextInt()), length);
            } else {
                IpAddress address = new IpAddress(0x2000_0000_0000_0000L | (random.nextLong() >>> 3), 0L);
                prefix = RandomPrefixes.prefixOf(address, 16 + random.nextInt(49));
            }
            if (prefixes.add(prefix)) {
                made.add(prefix);
            }
        }
        return made;
    }

    /** {@code count} addresses, each inside a random prefix of the given family (IPv4 or not) of the list. */
    static IpAddress[] inside(List<Prefix> prefixes, boolean ipv4, int count, long seed) {
        Random random = new Random(seed);
        List<Prefix> family = prefixes.stream().filter(p -> p.isIpv4() == ipv4).toList();
        IpAddress[] addresses = new IpAddress[count];
        for (int i = 0; i < count; i++) {
            addresses[i] = RandomPrefixes.randomAddressIn(random, family.get(random.nextInt(family.size())));
        }
        return addresses;
    }

    /** {@code count} addresses (any IPv4, or IPv6 under 2000::/3) that no prefix of the table covers. */
    static IpAddress[] outside(PrefixTable table, boolean ipv4, int count, long seed) {
        Random random = new Random(seed);
        IpAddress[] addresses = new IpAddress[count];
        for (int i = 0; i < count; ) {
            IpAddress address = ipv4
                    ? IpAddress.ofIpv4(random.nextInt())
                    : new IpAddress(0x2000_0000_0000_0000L | (random.nextLong() >>> 3), random.nextLong());
            if (table.longestMatch(address) == PrefixTable.NO_MATCH) {
                addresses[i++] = address;
            }
        }
        return addresses;
    }
}
