package org.peertel.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layout refuses, on its own, every customer id that would put reports anywhere but reports/<id>/. */
class OutputLayoutTest {

    static final Path OUT = Path.of("/data/peertel/out");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void aCustomersFilesAreInItsFolderDirectlyUnderReports() {
        OutputLayout layout = new OutputLayout(OUT);

        assertThat(layout.customerReport("acme", DAY))
                .isEqualTo(Path.of("/data/peertel/out/reports/acme/2026-03-02.csv"));
        assertThat(layout.customerPrefixReport("acme", DAY))
                .isEqualTo(Path.of("/data/peertel/out/reports/acme/2026-03-02-prefixes.csv"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "..",
                ".",
                "../acme",
                "../../etc",
                "/etc",
                "/data/peertel/out/reports/acme",
                "acme/..",
                "acme/../globex",
                "a/b",
                "",
                "CON",
                "acme.",
                "a\u0000b"
            })
    void anIdThatIsNotAPlainFileNameNeverBecomesAPath(String customerId) {
        OutputLayout layout = new OutputLayout(OUT);

        assertThatThrownBy(() -> layout.customerReport(customerId, DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a folder directly inside /data/peertel/out/reports");
        assertThatThrownBy(() -> layout.customerPrefixReport(customerId, DAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRelativeOutputFolderWorksToo() {
        assertThat(new OutputLayout(Path.of("out")).customerReport("acme", DAY))
                .isEqualTo(Path.of("out/reports/acme/2026-03-02.csv"));
        assertThatThrownBy(() -> new OutputLayout(Path.of("out")).customerFolder(".."))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
