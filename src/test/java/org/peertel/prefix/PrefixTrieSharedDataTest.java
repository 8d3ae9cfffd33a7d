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
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays expected answers from public peer test suites and real routing tables kept outside the project in
 * ../shared/testdata (see its SOURCES.md). Each test is skipped, with a message, when its files are missing.
 */
class PrefixTrieSharedDataTest {

    private static final Path TESTDATA = Path.of("../shared/testdata");
    private static final Path PYASN = TESTDATA.resolve("prefixes/pyasn");
    private static final Map<Path, PrefixTrie<Integer>> LOADED = new HashMap<>(); // two tests use the same table

    /** tailscale net/art table tests: case, op (insert/delete/lookup), argument, value (-1 = no match). */
    @Test
    void replaysTailscaleArtTableCases() throws IOException {
        Path file = require(TESTDATA.resolve("lpm-vectors/tailscale_art_table_test.tsv"));
        PrefixTrie<Integer> trie = null;
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
            }
            switch (f[1]) {
                case "insert" -> trie.put(Prefix.parse(f[2]), Integer.valueOf(f[3]));
                case "delete" -> trie.remove(Prefix.parse(f[2]));
                case "lookup" -> {
                    PrefixTrie.Match<Integer> match = trie.longestPrefixMatch(IpAddress.parse(f[2]));
                    assertEquals(Integer.parseInt(f[3]), match == null ? -1 : match.value(), currentCase + ": " + line);
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
        PrefixTrie<Integer> trie = loadPyasnDb(require(PYASN.resolve(db)));
        int rows = 0;
        for (String line : readLines(expectations)) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || !f[0].equals(db)) {
                continue;
            }
            for (String address : List.of(f[1], f[2])) {
                PrefixTrie.Match<Integer> match = trie.longestPrefixMatch(IpAddress.parse(address));
                String asn = match == null ? "" : match.value().toString();
                assertEquals(f[3], asn, db + " " + address);
                if (f.length > 4 && !f[4].isEmpty()) {
                    assertEquals(f[4], match.prefix().toString(), db + " " + address);
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
        PrefixTrie<Integer> trie = loadPyasnDb(require(PYASN.resolve(db)));
        int addresses = 0;
        int agreements = 0;
        List<String> disagreements = new ArrayList<>();
        for (String line : readLines(sample)) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            PrefixTrie.Match<Integer> match = trie.longestPrefixMatch(IpAddress.parse(f[0]));
            String asn = match == null ? "" : match.value().toString();
            addresses++;
            if (asn.equals(f[1])) {
                agreements++;
            } else {
                disagreements.add(f[0] + " expected '" + f[1] + "' got " + (match == null ? "none" : match));
            }
        }
        assertEquals(10_000, addresses);
        assertEquals(expectedAgreements, agreements, "disagreements: " + disagreements);
    }

    /** Loads a pyasn IPASN-DAT file: {@code prefix<TAB>asn} lines, {@code ;} comment lines. */
    private static PrefixTrie<Integer> loadPyasnDb(Path file) throws IOException {
        if (LOADED.containsKey(file)) {
            return LOADED.get(file);
        }
        PrefixTrie<Integer> trie = new PrefixTrie<>();
        int lines = 0;
        for (String line : readLines(file)) {
            if (line.startsWith(";") || line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            trie.put(Prefix.parse(line.substring(0, tab)), Integer.valueOf(line.substring(tab + 1).trim()));
            lines++;
        }
        assertEquals(lines, trie.size(), "the pyasn files hold no duplicate prefixes");
        assertTrue(lines > 0, "no prefix in " + file);
        LOADED.put(file, trie);
        return trie;
    }

    private static Path require(Path file) {
        assumeTrue(Files.isReadable(file), "shared test data not found: " + file.toAbsolutePath().normalize());
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
