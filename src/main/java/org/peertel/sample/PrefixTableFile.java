package org.peertel.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.peertel.prefix.Prefix;

/**
 * Reads a real prefix table (one CIDR block per line, {@code #} comments and blank lines ignored, gzip when the
 * file name ends with {@code .gz}) as the registered prefixes of a scale registry. Keeps only what the registry
 * accepts: strict CIDR text, clear of special-purpose space, each prefix once; and leaves the no_prefix blocks
 * free. When fewer prefixes of a family are asked for than the table has, a seeded random sample is taken.
 */
final class PrefixTableFile {

    private PrefixTableFile() {}

    static PrefixPlan read(Path file, int ipv4Wanted, int ipv6Wanted, long seed) throws IOException {
        List<Prefix> prefixes = new ArrayList<>();
        long lines = 0;
        long invalid = 0;
        long special = 0;
        long noPrefix = 0;
        try (BufferedReader in = open(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                Prefix prefix = Prefix.parseOrNull(text);
                if (prefix == null) {
                    invalid++;
                } else if (UnregisteredSpace.specialPurpose(prefix).isPresent()) {
                    special++;
                } else if (UnregisteredSpace.noPrefixSpace(prefix).isPresent()) {
                    noPrefix++;
                } else {
                    prefixes.add(prefix);
                }
            }
        }
        prefixes.sort(null);
        List<Prefix> ipv4 = new ArrayList<>();
        List<Prefix> ipv6 = new ArrayList<>();
        long duplicates = 0;
        Prefix previous = null;
        for (Prefix prefix : prefixes) {
            if (prefix.equals(previous)) {
                duplicates++;
                continue;
            }
            (prefix.isIpv4() ? ipv4 : ipv6).add(prefix);
            previous = prefix;
        }
        List<Prefix> usedIpv4 = sample(ipv4, ipv4Wanted, "--ipv4-prefixes", file, SplitMix64.forStream(seed, -3, 4));
        List<Prefix> usedIpv6 = sample(ipv6, ipv6Wanted, "--ipv6-prefixes", file, SplitMix64.forStream(seed, -3, 6));
        PrefixTableReport report = new PrefixTableReport(
                file,
                lines,
                ipv4.size(),
                ipv6.size(),
                usedIpv4.size(),
                usedIpv6.size(),
                invalid,
                special,
                noPrefix,
                duplicates);
        return new PrefixPlan(PrefixPlan.Family.basesOnly(usedIpv4), PrefixPlan.Family.basesOnly(usedIpv6), report);
    }

    /** {@code wanted} of the sorted {@code usable} prefixes (all for {@link ScaleSettings#ALL}), still sorted. */
    private static List<Prefix> sample(List<Prefix> usable, int wanted, String option, Path file, SplitMix64 random) {
        if (wanted == ScaleSettings.ALL || wanted == usable.size()) {
            return usable;
        }
        if (wanted > usable.size()) {
            throw new IllegalArgumentException(option + " " + wanted + " is more than the " + usable.size()
                    + " usable prefixes of that family in " + file + "; ask for at most " + usable.size());
        }
        // partial Fisher-Yates over the indexes, then back into address order
        int[] indexes = new int[usable.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i;
        }
        for (int i = 0; i < wanted; i++) {
            int j = i + random.nextInt(indexes.length - i);
            int swap = indexes[i];
            indexes[i] = indexes[j];
            indexes[j] = swap;
        }
        int[] chosen = Arrays.copyOf(indexes, wanted);
        Arrays.sort(chosen);
        List<Prefix> sample = new ArrayList<>(wanted);
        for (int index : chosen) {
            sample.add(usable.get(index));
        }
        return sample;
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
}
