package org.peertel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.history.Attempt;
import org.peertel.history.AttemptLog;
import org.peertel.launch.RunLock;

/** The command line's contract: help everywhere, exit codes 0 / 1 / 2, one clear message. */
class PeertelMainTest {

    @TempDir
    Path work;

    record Result(int code, String out, String err) {}

    static Result peertel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PeertelMain.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static Stream<Arguments> helpCommands() {
        return Stream.of(
                Arguments.of((Object) new String[] {"--help"}),
                Arguments.of((Object) new String[] {"run", "--help"}),
                Arguments.of((Object) new String[] {"validate", "--help"}),
                Arguments.of((Object) new String[] {"history", "--help"}),
                Arguments.of((Object) new String[] {"generate", "--help"}),
                Arguments.of((Object) new String[] {"schedule", "--help"}));
    }

    @ParameterizedTest
    @MethodSource("helpCommands")
    void everyCommandHasHelp(String[] args) {
        Result result = peertel(args);
        assertEquals(0, result.code());
        assertTrue(result.out().startsWith("Usage: peertel"), result.out());
    }

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of("no command", new String[] {}, "choose a command"),
                Arguments.of("unknown option", new String[] {"run", "--dte", "2026-11-16"}, "--dte"),
                Arguments.of("no day", new String[] {"run"}, "give --date DAY"),
                Arguments.of("bad day", new String[] {"run", "--date", "16/11/2026"}, "is not a day"),
                Arguments.of("date and range", new String[] {"run", "--date", "today", "--from", "today"}, "not both"),
                Arguments.of(
                        "reversed range",
                        new String[] {"run", "--from", "2026-11-20", "--to", "2026-11-16"},
                        "is before"),
                Arguments.of("history: bad day", new String[] {"history", "--to", "tomorrow"}, "is not a day"),
                Arguments.of(
                        "history: reversed range",
                        new String[] {"history", "--from", "2026-11-20", "--to", "2026-11-16"},
                        "is before"),
                Arguments.of("history: unknown option", new String[] {"history", "--date", "2026-11-16"}, "--date"),
                Arguments.of("bad cron", new String[] {"schedule", "--cron", "at 2am"}, "not a cron expression"),
                Arguments.of("bad horizon", new String[] {"schedule", "--horizon-days", "0"}, "from 1 to 366"),
                Arguments.of("unknown data kind", new String[] {"generate", "other", "--out", "x"}, "other"),
                Arguments.of("generate without --out", new String[] {"generate", "sample"}, "--out"),
                Arguments.of(
                        "scale files out of range",
                        new String[] {"generate", "scale", "--out", "x", "--files", "0"},
                        "files"),
                Arguments.of(
                        "scale days not a number",
                        new String[] {"generate", "scale", "--out", "x", "--days", "seven"},
                        "seven"),
                Arguments.of(
                        "scale share above 1",
                        new String[] {"generate", "scale", "--out", "x", "--ipv6-share", "1.5"},
                        "--ipv6-share is a share from 0 to 1"),
                Arguments.of(
                        "scale more customers than connections",
                        new String[] {"generate", "scale", "--out", "x", "--connections", "5", "--customers", "6"},
                        "--customers must be in 1..5, was 6"),
                Arguments.of(
                        "scale too few prefixes",
                        new String[] {
                            "generate",
                            "scale",
                            "--out",
                            "x",
                            "--connections",
                            "50",
                            "--ipv4-prefixes",
                            "10",
                            "--ipv6-prefixes",
                            "10"
                        },
                        "every connection " + "needs one"),
                Arguments.of(
                        "scale missing prefix table",
                        new String[] {"generate", "scale", "--out", "x", "--prefix-table", "no-such-table.txt"},
                        "--prefix-table no-such-table.txt: no such file"),
                Arguments.of(
                        "scale nested share with a table",
                        new String[] {
                            "generate", "scale", "--out", "x", "--prefix-table", "pom.xml", "--nested-share", "0.1"
                        },
                        "leave --nested-share out"),
                Arguments.of(
                        "sample with a scale option",
                        new String[] {"generate", "sample", "--out", "x", "--days", "2"},
                        "--days applies to 'generate scale'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUsage")
    void badUsageExitsTwoWithOneMessage(String description, String[] args, String message) throws IOException {
        // given: the database in this test's folder (the attempt log of run and schedule is beside it)
        Path db = work.resolve("x.duckdb");
        List<String> line = new ArrayList<>(List.of(args));
        String command = line.isEmpty() ? "" : line.get(0);
        if (List.of("run", "schedule", "history").contains(command)) {
            line.addAll(1, List.of("--db", db.toString()));
        }

        // when
        Result result = peertel(line.toArray(String[]::new));

        // then
        assertEquals(2, result.code());
        assertTrue(result.err().contains(message), result.err());

        // and: a run or a schedule that could not start leaves its line, with the exit code and the message
        List<Attempt> attempts = AttemptLog.read(AttemptLog.fileOf(db)).attempts();
        if (List.of("run", "schedule").contains(command)) {
            assertEquals(1, attempts.size(), attempts.toString());
            assertEquals(2, attempts.get(0).exitCode());
            assertEquals(Attempt.Outcome.NOT_STARTED, attempts.get(0).outcome());
            assertEquals(command, attempts.get(0).command());
            assertTrue(
                    attempts.get(0).reason().contains(message), attempts.get(0).reason());
        } else {
            assertEquals(List.of(), attempts, "history, validate and generate record nothing");
        }
    }

    @Test
    void generateSampleWritesTheSampleWeek() throws IOException {
        Result result = peertel("generate", "sample", "--out", work.toString());
        assertEquals(0, result.code(), result.err());
        assertEquals(
                Files.readString(Path.of("sample-data/connections.csv")),
                Files.readString(work.resolve("connections.csv")));
        assertTrue(Files.isRegularFile(work.resolve("latency/2026-11-22/sjc1.csv.gz")));
    }

    @Test
    void generateScaleTakesEveryOption() throws IOException {
        Result result = peertel(
                "generate",
                "scale",
                "--out",
                work.toString(),
                "--from",
                "2027-02-28",
                "--days",
                "2",
                "--connections",
                "12",
                "--rows-per-day",
                "1000",
                "--files",
                "2",
                "--seed",
                "5",
                "--gzip",
                "--customers",
                "3",
                "--ipv4-prefixes",
                "40",
                "--ipv6-prefixes",
                "8",
                "--nested-share",
                "0.1",
                "--ipv6-share",
                "0.5",
                "--bad-share",
                "0.02");
        assertEquals(0, result.code(), result.err());
        try (var days = Files.list(work.resolve("latency"))) {
            assertEquals(
                    List.of("2027-02-28", "2027-03-01"),
                    days.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.isRegularFile(work.resolve("latency/2027-03-01/fra1.csv.gz")));
        assertEquals(13, Files.readAllLines(work.resolve("connections.csv")).size(), "header and 12 connections");
        assertTrue(
                result.err().contains("12 connections of 3 customers, 40 IPv4 + 8 IPv6 prefixes (5 nested)"),
                result.err());
    }

    @Test
    void validateListsEveryProblemWithItsLineAndExitsTwo() throws IOException {
        Path registry = work.resolve("connections.csv");
        Files.writeString(
                registry,
                "connection_id,customer_id,name,partner,country,state,prefixes\n"
                        + "a,acme,A,ISP,DE,,192.0.2.0/24\n"
                        + "b,acme,B,ISP,XX,,198.51.100.0/24\n"
                        + "c,acme,C,ISP,DE,,10.0.0.0/8\n"); // private space: the second error
        Result result = peertel("validate", "--connections", registry.toString());
        assertEquals(2, result.code());
        assertTrue(result.out().contains(registry + ":3: error:"), result.out());
        assertTrue(result.out().contains(registry + ":4: error:"), result.out());
        assertTrue(result.out().contains("2 error(s)"), result.out());
    }

    @Test
    void validateAcceptsTheSampleRegistry() {
        Result result = peertel("validate");
        assertEquals(0, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("0 error(s)"), result.out());
    }

    @Test
    void aBadRegistryStopsTheRunBeforeAnyOutput() throws IOException {
        Path registry = work.resolve("connections.csv");
        Files.writeString(
                registry,
                "connection_id,customer_id,name,partner,country,state,prefixes\n" + "a,acme,A,ISP,US,,192.0.2.0/24\n");
        Path out = work.resolve("out");
        Result result = peertel(
                "run",
                "--date",
                "2026-11-16",
                "--connections",
                registry.toString(),
                "--out",
                out.toString(),
                "--db",
                work.resolve("x.duckdb").toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains(registry + ":2: error:"), result.err());
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(work.resolve("x.duckdb")), "no database created");
    }

    @Test
    void aMissingInputFolderStopsTheRunBeforeAnyOutput() {
        Path out = work.resolve("out");
        Result result = peertel(
                "run",
                "--date",
                "2020-01-01",
                "--out",
                out.toString(),
                "--db",
                work.resolve("x.duckdb").toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains("no input folder"), result.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void scheduleOnceRunsOnePassAndSaysWhatItWaitsFor() {
        Result result = peertel(
                "schedule",
                "--once",
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("x.duckdb").toString());
        assertEquals(0, result.code(), result.err());
        String yesterday =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        assertTrue(result.out().contains("cron '0 30 2 * * *' (UTC), catch-up horizon 7 days"), result.out());
        assertTrue(result.out().contains(yesterday + ": waiting for sample-data/latency/" + yesterday), result.out());
        assertTrue(result.out().contains("peertel schedule: the one pass of --once is done"), result.out());
    }

    @Test
    void aSecondRunOnTheSameDatabaseExitsTwoNamingTheHolder() {
        Path db = work.resolve("x.duckdb");
        try (RunLock held = RunLock.acquire(db, "peertel run --date 2026-11-17")) {
            Result result = peertel(
                    "run", "--date", "2026-11-16", "--out", work.resolve("out").toString(), "--db", db.toString());
            assertEquals(2, result.code());
            assertTrue(
                    result.err()
                            .contains("another peertel run is working on " + db + ": pid "
                                    + ProcessHandle.current().pid()),
                    result.err());
            assertTrue(result.err().contains("'peertel run --date 2026-11-17'"), result.err());
        }
        assertEquals(
                0,
                peertel(
                                "run",
                                "--date",
                                "2026-11-16",
                                "--out",
                                work.resolve("out").toString(),
                                "--db",
                                db.toString())
                        .code(),
                "the lock is free again once its holder let go");
    }

    @Test
    void aBadSettingStopsTheRunWithFileAndLine() throws IOException {
        Path settings = work.resolve("telemetry.properties");
        Path db = work.resolve("x.duckdb");
        Files.writeString(settings, "chunk-size = lots\ndb = " + db + "\n");
        Result result = peertel("run", "--date", "2026-11-16", "--settings", settings.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains(settings + ":1: chunk-size = 'lots'"), result.err());
        // the settings do not load, yet the database they name is known: the attempt is recorded beside it
        List<Attempt> attempts = AttemptLog.read(AttemptLog.fileOf(db)).attempts();
        assertEquals(1, attempts.size());
        assertEquals(
                List.of(java.time.LocalDate.parse("2026-11-16")),
                attempts.get(0).days());
        assertTrue(attempts.get(0).reason().startsWith(settings + ":1: chunk-size = 'lots'"), attempts.toString());
    }

    @Test
    void aBadDuckDbSettingStopsTheRunBeforeAnyOutput() throws IOException {
        Path settings = work.resolve("telemetry.properties");
        Files.writeString(settings, "# limits\nduckdb.memory-limit = 2 gigs\n");
        Path out = work.resolve("out");
        Result result = peertel(
                "run",
                "--date",
                "2026-11-16",
                "--settings",
                settings.toString(),
                "--out",
                out.toString(),
                "--db",
                work.resolve("x.duckdb").toString());
        assertEquals(2, result.code());
        assertTrue(
                result.err()
                        .contains(settings + ":2: duckdb.memory-limit = '2 gigs': not a memory size; give a "
                                + "size with a unit, e.g. 2GB"),
                result.err());
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(work.resolve("x.duckdb")), "no database created");
    }

    @Test
    void theJobOpensDuckDbWithTheDuckDbSettingsOfTheFile() throws IOException {
        Path settings = work.resolve("telemetry.properties");
        Path spill = work.resolve("spill-parent/spill");
        Files.writeString(
                settings,
                "alerts = " + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath()
                        + "\nduckdb.memory-limit = 300MB\nduckdb.temp-directory = " + spill + "\nduckdb.threads = 1\n");
        Result result = peertel(
                "run",
                "--date",
                "2026-11-16",
                "--settings",
                settings.toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("x.duckdb").toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(Files.isDirectory(spill.getParent()), "the store made the folder above the spill folder");
        assertFalse(Files.exists(work.resolve("x.duckdb.tmp")), "not the default spill folder");
    }
}
