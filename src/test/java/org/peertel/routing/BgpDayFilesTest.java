package org.peertel.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order a day folder's files are read in: the RIB dumps, as RIS and RouteViews name them, first. */
class BgpDayFilesTest {

    @Test
    void ribDumpsOfEitherNameComeFirstThenTheRestEachInNameOrder(@TempDir Path day) throws Exception {
        // given
        for (String name : new String[] {
            "updates.20261206.0005.gz",
            "rib.20261206.0000.bz2",
            "a.bgpdump.txt",
            "bview.20261206.0000.gz",
            "updates.20261206.0000.gz"
        }) {
            Files.write(day.resolve(name), new byte[0]);
        }
        Files.createDirectory(day.resolve("sub"));

        // when / then: no folder among them
        assertThat(BgpDay.files(day).stream().map(f -> f.getFileName().toString()))
                .containsExactly(
                        "bview.20261206.0000.gz",
                        "rib.20261206.0000.bz2",
                        "a.bgpdump.txt",
                        "updates.20261206.0000.gz",
                        "updates.20261206.0005.gz");
    }
}
