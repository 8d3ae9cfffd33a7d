package org.peertel.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays expected answers from public peer test suites and real routing tables kept outside the project in
 * ../shared/testdata (see its SOURCES.md), on {@link PrefixTrie} and, built from the same prefixes, on
 * {@link PrefixTable}: both must give every expected answer. Each test is skipped, with a message, when its files
 * are missing.
 */
class PrefixTrieSharedDataTest {

    private static final Path TESTDATA = Path.of("../shared/testdata");
    private static final Path PYASN = TESTDATA.resolve("prefixes/pyasn");
    private static final Map<Path, PyasnDb> LOADED = new HashMap<>(); // two tests use the same table

    /** One pyasn database in both structures; the table's answers index {@code asns}. */
    private record PyasnDb(PrefixTrie<Integer> trie, PrefixTable table, int[] asns) {

        /** The ASN as the expectation files write it ("" for none), after checking both structures agree. */
        String asn(IpAddress address) {
            PrefixTrie.Match<Integer> match = trie.longestPrefixMatch(address);
            int index = table.longestMatch(address);
            String asn = match == null ? "" : match.value().toString();
            assertEquals(asn, index == PrefixTable.NO_MATCH ? "" : String.valueOf(asns[index]), "table for " + address);
            return asn;
        }
    }

    /** tailscale net/art table tests: case, op (insert/delete/lookup), argument, value (-1 = no match). */
    @Test
    void replaysTailscaleArtTableCases() throws IOException {
        Path file = require(TESTDATA.resolve("lpm-vectors/tailscale_art_table_test.tsv"));
        PrefixTrie<Integer> trie = null;
        Map<Prefix, Integer> stored = null; // the same operations, for a PrefixTable built at each lookup
        String currentCase = null;
        int lookups = 0;
        for (String line : readLines(file)) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!f[0].equals(currentCase)) { // every case starts from an empty table
                currentCase = f[0];
                trie = new PrefixTrie<>();
                stored = new LinkedHashMap<>();
            }
            switch (f[1]) {
                case "insert" -> {
                    trie.put(Prefix.parse(f[2]), Integer.valueOf(f[3]));
                    stored.put(Prefix.parse(f[2]), Integer.valueOf(f[3]));
                }
                case "delete" -> {
                    trie.remove(Prefix.parse(f[2]));
                    stored.remove(Prefix.parse(f[2]));
                }
                case "lookup" -> {
                    PrefixTrie.Match<Integer> match = trie.longestPrefixMatch(IpAddress.parse(f[2]));
                    assertEquals(Integer.parseInt(f[3]), match == null ? -1 : match.value(), currentCase + ": " + line);
                    List<Prefix> prefixes = List.copyOf(stored.keySet());
                    int index = PrefixTable.of(prefixes).longestMatch(IpAddress.parse(f[2]));
                    assertEquals(
                            Integer.parseInt(f[3]),
                            index == PrefixTable.NO_MATCH ? -1 : stored.get(prefixes.get(index)),
                            "table, " + currentCase + ": " + line);
                    lookups++;
                }
                default -> throw new IllegalStateException("unknown op in " + line);
            }
        }
        assertEquals(234, lookups, "lookups replayed");
    }

    /** pyasn tests: db, first and last address of a range, expected ASN (empty = none), expected prefix if given. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"ipasn.fake, 6", "ipasn6_20151101.dat.gz, 5", "ipasn_20140513.dat.gz, 3"})
    void answersPyasnExpectations(String db, int expectedRows) throws IOException {
        Path expectations = require(TESTDATA.resolve("lpm-vectors/pyasn_expected.tsv"));
        PyasnDb loaded = loadPyasnDb(require(PYASN.resolve(db)));
        int rows = 0;
        for (String line : readLines(expectations)) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || !f[0].equals(db)) {
                continue;
            }
            for (String address : List.of(f[1], f[2])) {
                assertEquals(f[3], loaded.asn(IpAddress.parse(address)), db + " " + address);
                if (f.length > 4 && !f[4].isEmpty()) {
                    PrefixTable table = loaded.table();
                    assertEquals(
                            f[4],
                            table.prefix(table.longestMatch(IpAddress.parse(address)))
                                    .toString(),
                            db + " " + address);
                }
            }
            rows++;
        }
        assertEquals(expectedRows, rows, "rows checked for " + db);
    }

    /** The 10,000-address oracle of PyASN 1.2 built on ipasn_20140513_v12; the other conversion differs twice. */
    @ParameterizedTest(name = "{0} agrees on {1} of 10000")
    @CsvSource({"ipasn_20140513_v12.dat.gz, 10000", "ipasn_20140513.dat.gz, 9998"})
    void agreesWithThePyasnSample(String db, int expectedAgreements) throws IOException {
        Path sample = require(PYASN.resolve("pyasn_v1.2_sample_10000.tsv"));
        PyasnDb loaded = loadPyasnDb(require(PYASN.resolve(db)));
        int addresses = 0;
        int agreements = 0;
        List<String> disagreements = new ArrayList<>();
        for (String line : readLines(sample)) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String asn = loaded.asn(IpAddress.parse(f[0]));
            addresses++;
            if (asn.equals(f[1])) {
                agreements++;
            } else {
                disagreements.add(f[0] + " expected '" + f[1] + "' got '" + asn + "'");
            }
        }
        assertEquals(10_000, addresses);
        assertEquals(expectedAgreements, agreements, "disagreements: " + disagreements);
    }

    /**
     * The real 1.06 M-prefix full table (IPv4 and IPv6): the table answers like the trie for addresses inside
     * random prefixes, at both ends of prefixes and just outside them, and anywhere at random.
     */
    @Test
    void tableAgreesWithTheTrieOnAFullRoutingTable() throws IOException {
        List<Prefix> prefixes = readLines(require(TESTDATA.resolve("prefixes/bart/prefixes.txt.gz"))).stream()
                .filter(line -> !line.isBlank())
                .map(line -> Prefix.parse(line.trim()))
                .toList();
        assertEquals(1_062_046, prefixes.size());
        PrefixTable table = PrefixTable.of(prefixes);
        PrefixTrie<Integer> trie = new PrefixTrie<>();
        for (int i = 0; i < prefixes.size(); i++) {
            trie.put(prefixes.get(i), i);
        }
        Random random = new Random(20261125);
        int hits = 0;
        int misses = 0;
        for (int i = 0; i < 300_000; i++) {
            Prefix prefix = prefixes.get(random.nextInt(prefixes.size()));
            IpAddress address = switch (i % 6) {
                case 0 -> prefix.network();
                case 1 -> RandomPrefixes.step(prefix.network(), -1);
                case 2 -> RandomPrefixes.step(RandomPrefixes.lastAddress(prefix), 1);
                case 3 -> IpAddress.ofIpv4(random.nextInt());
                case 4 -> new IpAddress(0x2000_0000_0000_0000L | (random.nextLong() >>> 3), random.nextLong());
                default -> RandomPrefixes.randomAddressIn(random, prefix);
            };
            PrefixTrie.Match<Integer> match = trie.longestPrefixMatch(address);
            assertEquals(
                    match == null ? PrefixTable.NO_MATCH : match.value(),
                    table.longestMatch(address),
                    address::toString);
            if (match == null) {
                misses++;
            } else {
                hits++;
            }
        }
        assertTrue(hits > 150_000 && misses > 20_000, hits + " hits, " + misses + " misses");
    }

    /** Loads a pyasn IPASN-DAT file: {@code prefix<TAB>asn} lines, {@code ;} comment lines. */
    private static PyasnDb loadPyasnDb(Path file) throws IOException {
        if (LOADED.containsKey(file)) {
            return LOADED.get(file);
        }
        PrefixTrie<Integer> trie = new PrefixTrie<>();
        List<Prefix> prefixes = new ArrayList<>();
        List<Integer> asns = new ArrayList<>();
        for (String line : readLines(file)) {
            if (line.startsWith(";") || line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            prefixes.add(Prefix.parse(line.substring(0, tab)));
            asns.add(Integer.valueOf(line.substring(tab + 1).trim()));
            trie.put(prefixes.get(prefixes.size() - 1), asns.get(asns.size() - 1));
        }
        assertEquals(prefixes.size(), trie.size(), "the pyasn files hold no duplicate prefixes");
        assertTrue(prefixes.size() > 0, "no prefix in " + file);
        int[] asnArray = asns.stream().mapToInt(Integer::intValue).toArray();
        PyasnDb loaded = new PyasnDb(trie, PrefixTable.of(prefixes), asnArray);
        LOADED.put(file, loaded);
        return loaded;
    }

    private static Path require(Path file) {
        assumeTrue(
                Files.isReadable(file),
                "shared test data not found: " + file.toAbsolutePath().normalize());
        return file;
    }

    private static List<String> readLines(Path file) throws IOException {
        try (var in = Files.newInputStream(file);
                var stream = file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
                var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
