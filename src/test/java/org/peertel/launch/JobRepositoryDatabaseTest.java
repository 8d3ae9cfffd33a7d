package org.peertel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobRepositoryDatabaseTest {

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of(
                        "an H2 file gets both options",
                        "jdbc:h2:file:/var/peertel/jobs",
                        "jdbc:h2:file:/var/peertel/jobs;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"),
                Arguments.of(
                        "options it sets itself are kept",
                        "jdbc:h2:file:/x;write_delay=500",
                        "jdbc:h2:file:/x;write_delay=500;DB_CLOSE_ON_EXIT=FALSE"),
                Arguments.of(
                        "PostgreSQL is left as it is",
                        "jdbc:postgresql://db:5432/peertel",
                        "jdbc:postgresql://db:5432/peertel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void configuredH2UrlsAreMadeCrashSafe(String description, String url, String expected) {
        assertEquals(expected, JobRepositoryDatabase.withSafeH2Options(url));
    }

    @org.junit.jupiter.api.Test
    void theDefaultRepositorySitsBesideTheDuckDbFile() {
        assertEquals(
                "jdbc:h2:file:" + Path.of("/data/out/peertel-jobs").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                JobRepositoryDatabase.defaultUrl(Path.of("/data/out/peertel.duckdb")));
    }
}
