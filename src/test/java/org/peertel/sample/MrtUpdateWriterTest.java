package org.peertel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.bgp.BgpDump;
import org.peertel.bgp.MrtReadReport;
import org.peertel.bgp.MrtReader;
import org.peertel.prefix.Prefix;

/** What the writer writes, the project's own MRT reader reads back exactly, as bgpdump's one-line text. */
class MrtUpdateWriterTest {

    private static final CollectorPeer PEER = new CollectorPeer(198 << 24 | 18 << 16 | 7, 65542);

    @Test
    void everyKindOfRecordReadsBackAsWritten(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("updates.gz");
        try (MrtUpdateWriter writer = MrtUpdateWriter.open(file)) {
            writer.announce(1_795_219_200L, PEER, new long[] {65542, 64496, 64501}, prefixes("203.0.113.0/24"));
            writer.announce(
                    1_795_219_201L,
                    PEER,
                    new long[] {65542, 4_200_000_001L, 64501},
                    prefixes("2001:db8:100::/40", "2001:db8:140::/48"));
            writer.announce(
                    1_795_219_202L, PEER, new long[] {65542, 64511}, prefixes("203.0.113.128/25", "2001:db8::/33"));
            writer.withdraw(1_795_219_203L, PEER, prefixes("203.0.113.128/25", "192.0.2.0/25"));
            writer.withdraw(1_795_219_204L, PEER, prefixes("2001:db8:100::/40"));
            writer.stateChange(1_795_219_205L, PEER, 6, 1);
            writer.stateChange(1_795_219_206L, PEER, 1, 6);
        }

        // when
        StringWriter text = new StringWriter();
        MrtReadReport report;
        try (InputStream in = MrtReader.open(file)) {
            report = BgpDump.dump(in, text);
        }

        // then
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isEqualTo(7);
        assertThat(text.toString().lines().toList())
                .containsExactly(
                        "BGP4MP|1795219200|A|198.18.0.7|65542|203.0.113.0/24|65542 64496 64501|IGP|198.18.0.7|0|0||NAG||",
                        "BGP4MP|1795219201|A|198.18.0.7|65542|2001:db8:100::/40|65542 4200000001 64501|IGP|2001:2::c612:7|0|0||NAG||",
                        "BGP4MP|1795219201|A|198.18.0.7|65542|2001:db8:140::/48|65542 4200000001 64501|IGP|2001:2::c612:7|0|0||NAG||",
                        "BGP4MP|1795219202|A|198.18.0.7|65542|203.0.113.128/25|65542 64511|IGP|198.18.0.7|0|0||NAG||",
                        "BGP4MP|1795219202|A|198.18.0.7|65542|2001:db8::/33|65542 64511|IGP|2001:2::c612:7|0|0||NAG||",
                        "BGP4MP|1795219203|W|198.18.0.7|65542|203.0.113.128/25",
                        "BGP4MP|1795219203|W|198.18.0.7|65542|192.0.2.0/25",
                        "BGP4MP|1795219204|W|198.18.0.7|65542|2001:db8:100::/40",
                        "BGP4MP|1795219205|STATE|198.18.0.7|65542|6|1",
                        "BGP4MP|1795219206|STATE|198.18.0.7|65542|1|6");
    }

    @Test
    void gzipHeaderHasModificationTimeZero(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("updates.gz");
        try (MrtUpdateWriter writer = MrtUpdateWriter.open(file)) {
            writer.announce(1L, PEER, new long[] {65542}, prefixes("198.51.100.0/24"));
        }

        byte[] header = Arrays.copyOf(Files.readAllBytes(file), 10);
        assertThat(header[0] & 0xff).isEqualTo(0x1f);
        assertThat(header[1] & 0xff).isEqualTo(0x8b);
        assertThat(Arrays.copyOfRange(header, 4, 8)).as("MTIME").containsOnly(0);
    }

    private static List<Prefix> prefixes(String... texts) {
        return Arrays.stream(texts).map(Prefix::parse).toList();
    }
}
