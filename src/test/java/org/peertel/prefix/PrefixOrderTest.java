package org.peertel.prefix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** PrefixOrder must give exactly the order of a stable sort by Prefix.compareTo. */
class PrefixOrderTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(RandomPrefixes.Family.class)
    void sortsLikeAStableSortByCompareTo(RandomPrefixes.Family family) {
        Random random = new Random(42);
        List<Prefix> stored = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // every third one repeats an earlier prefix, so equal prefixes must keep their position order
            stored.add(
                    i % 3 == 2
                            ? stored.get(random.nextInt(stored.size()))
                            : RandomPrefixes.randomPrefix(random, family, stored));
        }
        assertArrayEquals(stableSortByCompareTo(stored), PrefixOrder.sorted(stored.toArray(new Prefix[0])));
    }

    // the default routes cover every block; ::fffe:0:0/95 borders on IPv4, ::ffff:0:0/97 is 0.0.0.0/1
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            both families around ::ffff:0:0/96  | 192.0.2.0/24 ::/0 ::fffe:0:0/95 0.0.0.0/0 2001:db8::/32 ::ffff:0:0/97
            equal prefixes keep their positions | 192.0.2.0/24 2001:db8::/32 192.0.2.0/24 192.0.2.0/26 2001:db8::/32
            a covering block before its inside  | 192.0.2.64/26 192.0.2.0/24 192.0.2.0/26 192.0.2.80/28 ::/0
            empty                               | ''
            """)
    void sortsTheEdgeCases(String name, String prefixes) {
        List<Prefix> list = prefixes.isBlank()
                ? List.of()
                : java.util.Arrays.stream(prefixes.split(" "))
                        .map(Prefix::parse)
                        .toList();
        assertArrayEquals(stableSortByCompareTo(list), PrefixOrder.sorted(list.toArray(new Prefix[0])));
    }

    private static int[] stableSortByCompareTo(List<Prefix> prefixes) {
        return IntStream.range(0, prefixes.size())
                .boxed()
                .sorted(Comparator.comparing(prefixes::get)) // List.sort is stable
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
