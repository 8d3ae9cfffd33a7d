package org.peertel.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress line is throttled by a clock the test controls: no sleeping. */
class ProgressTest {

    long now = 1_000_000_000L; // any start value: the clock is monotonic, not wall time
    final StringWriter text = new StringWriter();

    Progress progress(boolean terminal) {
        return new Progress(new PrintWriter(text), terminal, () -> now);
    }

    void advance(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void onATerminalTheLineIsRewrittenAtMostOnceASecond() {
        // given
        Progress progress = progress(true);
        progress.start("2026-03-02 reading");

        // when: an update every 300 ms for 2.4 s
        for (int i = 1; i <= 8; i++) {
            advance(300);
            progress.update(i / 4, 3, i * 100_000L);
        }
        progress.finish(3, 3, 1_000_000);

        // then: at 1.2 s and 2.4 s (the first update at least 1 s after the previous line), then the final line
        assertEquals(
                "\r2026-03-02 reading: 1/3 files, 400,000 rows, 333,333 rows/s, 0:00:01 elapsed"
                        + "\r2026-03-02 reading: 2/3 files, 800,000 rows, 333,333 rows/s, 0:00:02 elapsed"
                        + "\r2026-03-02 reading: 3/3 files, 1,000,000 rows, 416,667 rows/s, 0:00:02 elapsed"
                        + System.lineSeparator(),
                text.toString());
    }

    @Test
    void otherwiseALogLineEveryTenSeconds() {
        // given
        Progress progress = progress(false);
        progress.start("2026-03-02 reading");

        // when: an update every second for 25 s
        for (int i = 1; i <= 25; i++) {
            advance(1000);
            progress.update(0, 1, i * 1000L);
        }
        progress.finish(1, 1, 26_000);

        // then
        String nl = System.lineSeparator();
        assertEquals(
                "peertel: 2026-03-02 reading: 0/1 files, 10,000 rows, 1,000 rows/s, 0:00:10 elapsed" + nl
                        + "peertel: 2026-03-02 reading: 0/1 files, 20,000 rows, 1,000 rows/s, 0:00:20 elapsed" + nl
                        + "peertel: 2026-03-02 reading: 1/1 files, 26,000 rows, 1,040 rows/s, 0:00:25 elapsed" + nl,
                text.toString());
    }

    @Test
    void aShortStepPrintsNothing() {
        // given
        Progress progress = progress(true);
        progress.start("2026-03-02 reading");

        // when
        advance(999);
        progress.update(1, 1, 5000);
        progress.finish(1, 1, 5000);

        // then
        assertEquals("", text.toString());
    }

    @Test
    void aShorterLineOverwritesALongerOneCompletely() {
        // given
        Progress progress = progress(true);
        progress.start("d");

        // when
        advance(1000);
        progress.update(1, 2, 10_000_000);
        advance(1000);
        progress.update(2, 2, 10_000_001);
        String second = "d: 2/2 files, 10,000,001 rows, 5,000,001 rows/s, 0:00:02 elapsed";

        // then: the second line is as long as the first, so it covers it whatever its own length
        String first = "d: 1/2 files, 10,000,000 rows, 10,000,000 rows/s, 0:00:01 elapsed";
        assertEquals("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()), text.toString());
    }
}
