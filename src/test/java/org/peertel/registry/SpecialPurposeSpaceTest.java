package org.peertel.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.prefix.Prefix;

/** Which prefixes meet special-purpose space, and which block is named for them. */
class SpecialPurposeSpaceTest {

    /**
     * @param prefix the prefix to classify
     * @param block  the special-purpose block that must be named, or null when the prefix is clear
     * @param inside whether the prefix lies inside the block (rather than containing it)
     */
    record Case(String prefix, String block, boolean inside) {
        @Override
        public String toString() {
            return prefix + (block == null ? " is clear" : (inside ? " is inside " : " contains ") + block);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("192.0.2.0/24", null, false),
                new Case("198.51.100.0/24", null, false),
                new Case("203.0.113.0/24", null, false),
                new Case("2001:db8::/32", null, false),
                new Case("9.255.255.0/24", null, false),
                new Case("100.63.255.0/24", null, false),
                new Case("223.255.255.255/32", null, false),
                new Case("fbff::/16", null, false),
                new Case("fec0::/10", null, false),
                new Case("10.0.0.0/8", "10.0.0.0/8", true),
                new Case("172.31.255.255/32", "172.16.0.0/12", true),
                new Case("100.127.0.0/16", "100.64.0.0/10", true),
                new Case("255.255.255.255/32", "255.255.255.255/32", true),
                new Case("255.255.255.0/24", "240.0.0.0/4", true),
                new Case("::ffff:127.0.0.1/128", "127.0.0.0/8", true),
                new Case("fc00::/7", "fc00::/7", true),
                new Case("fe80::1/128", "fe80::/10", true),
                new Case("ff00::/8", "ff00::/8", true),
                new Case("::/128", "::/128", true),
                new Case("::1/128", "::1/128", true),
                new Case("192.0.0.0/2", "192.168.0.0/16", false),
                new Case("224.0.0.0/3", "224.0.0.0/4", false),
                new Case("::/127", "::/128", false),
                new Case("fc00::/6", "fc00::/7", false),
                new Case("::/0", "0.0.0.0/8", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifies(Case expected) {
        Optional<SpecialPurposeSpace.Overlap> overlap = SpecialPurposeSpace.overlap(Prefix.parse(expected.prefix()));

        if (expected.block() == null) {
            assertThat(overlap).isEmpty();
        } else {
            assertThat(overlap).hasValueSatisfying(found -> {
                assertThat(found.block().block()).hasToString(expected.block());
                assertThat(found.inside()).isEqualTo(expected.inside());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.peertel.registry.SpecialPurposeSpaceTest#blocks")
    void everyBlockNamesItsRfc(SpecialPurposeSpace.Block block) {
        assertThat(block.rfc()).matches("RFC \\d+");
        assertThat(block.describe()).contains(block.kind() + " address space " + block.block());
    }

    static Stream<SpecialPurposeSpace.Block> blocks() {
        return SpecialPurposeSpace.blocks().stream();
    }
}
