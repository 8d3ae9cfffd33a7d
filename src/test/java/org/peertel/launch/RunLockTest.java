package org.peertel.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.config.ConfigurationException;

/** The run lock between runs and read-only commands: a run waits for a reader; a reader never waits for a run. */
class RunLockTest {

    @TempDir
    Path work;

    @Test
    void aRunWaitsForAReadOnlyCommandThatHoldsTheLock() throws Exception {
        // given: history holds the lock for a moment (1.5 s here)
        Path db = work.resolve("t.duckdb");
        RunLock reader = RunLock.tryAcquireToRead(db, "peertel history");
        assertThat(reader).isNotNull();
        assertThat(RunLock.holder(db))
                .startsWith("pid ")
                .contains("'peertel history', since ")
                .endsWith(", read-only");
        CompletableFuture<Void> release = CompletableFuture.runAsync(
                reader::close, CompletableFuture.delayedExecutor(1_500, TimeUnit.MILLISECONDS));

        // when
        long start = System.nanoTime();
        try (RunLock run = RunLock.acquire(db, "peertel run --date 2026-03-02")) {
            // then: it got the lock once history let go, instead of exiting 2
            assertThat(System.nanoTime() - start).isGreaterThan(1_000_000_000L);
            assertThat(RunLock.holder(db))
                    .contains("'peertel run --date 2026-03-02'")
                    .doesNotContain("read-only");

            // and: a reader does not take a lock a run holds
            assertThat(RunLock.tryAcquireToRead(db, "peertel history")).isNull();
        }
        release.get();
    }

    @Test
    void aRunRefusesAtOnceWhenAnotherRunHoldsTheLock() {
        Path db = work.resolve("t.duckdb");
        try (RunLock first = RunLock.acquire(db, "peertel run --date 2026-03-02")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> RunLock.acquire(db, "peertel run --date 2026-03-03"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("another peertel run is working on " + db)
                    .hasMessageContaining("'peertel run --date 2026-03-02'");
            assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        }
        assertThat(RunLock.holder(db)).isEmpty();
    }
}
