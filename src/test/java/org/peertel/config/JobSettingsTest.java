package org.peertel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.alert.AlertSettings;
import org.peertel.ingest.IngestLimits;
import org.peertel.schedule.ScheduleSettings;

/** Every settings file under jobs/ must load, so a broken setting fails the build. */
class JobSettingsTest {

    @Test
    void everyJobSettingsFileLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("jobs"))) {
            files = walk.filter(p -> p.toString().endsWith(".properties"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 2, "jobs/ holds the settings: " + files);
        for (Path file : files) {
            if (file.getFileName().toString().startsWith("alerts")) {
                AlertSettings.load(file);
            } else {
                JobSettings settings = JobSettings.load(file);
                // a deploy example's paths are those of the machines it deploys to (DeployExamplesTest checks them)
                if (!file.getParent().endsWith("deploy")) {
                    assertTrue(Files.isRegularFile(settings.alerts()), file + " names an alerts file that exists");
                }
                ScheduleSettings.load(file);
            }
        }
    }

    @Test
    void theShippedDefaultsPointAtTheSampleData() {
        JobSettings settings = JobSettings.load(JobSettings.DEFAULT_FILE);
        assertEquals(Path.of("sample-data/connections.csv"), settings.connections());
        assertEquals(Path.of("sample-data/latency"), settings.input());
        assertEquals(Path.of("out"), settings.out());
        assertEquals(Path.of("out/peertel.duckdb"), settings.db());
        assertEquals(10_000, settings.chunkSize());
        assertEquals("", settings.jobRepositoryUrl());
    }

    @Test
    void theBuiltInDefaultsAreTheShippedOnes() {
        JobSettings shipped = JobSettings.load(JobSettings.DEFAULT_FILE);
        JobSettings builtIn = JobSettings.builtIn();
        assertEquals(
                new JobSettings(
                        shipped.connections(),
                        shipped.input(),
                        shipped.out(),
                        shipped.db(),
                        null,
                        shipped.chunkSize(),
                        shipped.jobRepositoryUrl()),
                builtIn);
        assertEquals(
                AlertSettings.load(shipped.alerts()).defaults(),
                AlertSettings.load(builtIn.alerts()).defaults());
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLine(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.properties");
        Files.writeString(file, "# comment\nconections = x.csv\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JobSettings.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2: conections = 'x.csv': unknown setting"), e.getMessage());
    }

    @Test
    void aMissingFileSaysWhatToDo(@TempDir Path folder) {
        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> JobSettings.load(folder.resolve("nope.properties")));
        assertTrue(e.getMessage().contains("--settings"), e.getMessage());
    }

    @Test
    void theJobRepositoryIsTheH2FileUnlessSomethingIsSet() {
        JobSettings settings = JobSettings.load(JobSettings.DEFAULT_FILE).withEnvironment(Map.of());
        assertTrue(settings.jobRepository().isDefault());
        assertEquals("", settings.jobRepository().user().text());
        assertEquals("", settings.jobRepository().password().text());
        assertTrue(
                JobSettings.builtIn().withEnvironment(Map.of()).jobRepository().isDefault());
    }

    @Test
    void theSettingsFileGivesUrlUserAndPasswordAndSaysWhere(@TempDir Path folder) throws IOException {
        Path file = postgresSettings(folder);
        JobRepositorySettings repository =
                JobSettings.load(file).withEnvironment(Map.of()).jobRepository();
        assertEquals(
                "jdbc:postgresql://db.example.net:5432/peertel",
                repository.url().text());
        assertEquals("peertel", repository.user().text());
        assertEquals("s3cret-pw", repository.password().text());
        assertEquals("job-repository.url at " + file + ":2", repository.url().source());
        assertEquals(
                "job-repository.password at " + file + ":4",
                repository.password().source());
        assertFalse(repository.isDefault());
    }

    @Test
    void environmentVariablesOverrideTheSettingsFile(@TempDir Path folder) throws IOException {
        JobSettings settings = JobSettings.load(postgresSettings(folder))
                .withEnvironment(Map.of(
                        "PEERTEL_JOB_REPOSITORY_URL", "jdbc:postgresql://other:5433/jobs",
                        "PEERTEL_JOB_REPOSITORY_PASSWORD", "from-env",
                        "PEERTEL_JOB_REPOSITORY_USER", ""));
        JobRepositorySettings repository = settings.jobRepository();
        assertEquals("jdbc:postgresql://other:5433/jobs", repository.url().text());
        assertEquals("jdbc:postgresql://other:5433/jobs", settings.jobRepositoryUrl());
        assertEquals(
                "environment variable PEERTEL_JOB_REPOSITORY_URL",
                repository.url().source());
        assertEquals("peertel", repository.user().text(), "an empty variable counts as unset");
        assertEquals("from-env", repository.password().text());
        assertEquals(
                "environment variable PEERTEL_JOB_REPOSITORY_PASSWORD",
                repository.password().source());
    }

    @Test
    void environmentVariablesAloneSelectPostgres() {
        JobRepositorySettings repository = JobSettings.builtIn()
                .withEnvironment(Map.of(
                        "PEERTEL_JOB_REPOSITORY_URL", "jdbc:postgresql://localhost/peertel",
                        "PEERTEL_JOB_REPOSITORY_USER", "batch",
                        "PEERTEL_JOB_REPOSITORY_PASSWORD", "pw-from-env"))
                .jobRepository();
        assertEquals("jdbc:postgresql://localhost/peertel as user 'batch'", repository.describe());
        assertEquals("batch", repository.user().text());
    }

    @Test
    void thePasswordIsNeverPrinted(@TempDir Path folder) throws IOException {
        JobSettings settings = JobSettings.load(postgresSettings(folder)).withEnvironment(Map.of());
        assertFalse(settings.toString().contains("s3cret-pw"), settings.toString());
        assertTrue(settings.toString().contains("password=***"), settings.toString());
        assertFalse(settings.jobRepository().password().toString().contains("s3cret-pw"));
        assertEquals(
                "jdbc:postgresql://h/db?user=u&password=***&ssl=true connect as u:***@ failed: *** wrong",
                settings.jobRepository()
                        .mask("jdbc:postgresql://h/db?user=u&password=x1&ssl=true connect as u:s3cret-pw@ failed: "
                                + "s3cret-pw wrong"));
        assertEquals("jdbc:postgresql://u:***@h/db", settings.jobRepository().mask("jdbc:postgresql://u:pw@h/db"));
    }

    @Test
    void aUserWithoutUrlIsRefusedNamingTheSetting(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.properties");
        Files.writeString(file, "job-repository.url =\njob-repository.user = peertel\n");
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> JobSettings.load(file).withEnvironment(Map.of()));
        assertTrue(
                e.getMessage().startsWith("job-repository.user at " + file + ":2 is set but the job repository URL"),
                e.getMessage());
        assertEquals(
                "peertel",
                JobSettings.load(file)
                        .withEnvironment(Map.of("PEERTEL_JOB_REPOSITORY_URL", "jdbc:postgresql://localhost/peertel"))
                        .jobRepository()
                        .user()
                        .text(),
                "fine once a URL is given");
    }

    @Test
    void aUrlThatIsNotJdbcIsRefused(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.properties");
        Files.writeString(file, "job-repository.url = postgres://localhost/peertel\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JobSettings.load(file));
        assertTrue(
                e.getMessage()
                        .startsWith(file + ":1: job-repository.url = 'postgres://localhost/peertel': "
                                + "expected a JDBC URL"),
                e.getMessage());
        ConfigurationException fromEnvironment = assertThrows(
                ConfigurationException.class,
                () -> JobSettings.builtIn().withEnvironment(Map.of("PEERTEL_JOB_REPOSITORY_URL", "localhost:5432")));
        assertTrue(
                fromEnvironment
                        .getMessage()
                        .startsWith("environment variable PEERTEL_JOB_REPOSITORY_URL: "
                                + "'localhost:5432' is not a JDBC URL"),
                fromEnvironment.getMessage());
    }

    @Test
    void theIngestSettingsTakeSizesWithBinaryUnits(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.properties");
        Files.writeString(
                file,
                "ingest.max-file-bytes = 3 GiB\ningest.max-record-bytes = 1024\n" + "ingest.skip-bad-files = TRUE\n");
        IngestSettings ingest = JobSettings.load(file).ingest();
        assertEquals(3L << 30, ingest.limits().maxFileBytes());
        assertEquals(1024, ingest.limits().maxRecordBytes());
        assertTrue(ingest.skipBadFiles());
        assertEquals(
                IngestSettings.DEFAULTS,
                JobSettings.load(JobSettings.DEFAULT_FILE).ingest(),
                "the shipped file holds the built-in defaults");
        assertEquals(new IngestLimits(16L << 30, 64 << 10), IngestSettings.DEFAULTS.limits());
    }

    @Test
    void aBadIngestSettingIsRefusedWithItsLineAndTheRule(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.properties");
        for (String line : List.of(
                "ingest.max-file-bytes = 16GB",
                "ingest.max-file-bytes = 0",
                "ingest.max-record-bytes = 32",
                "ingest.max-record-bytes = 1GiB",
                "ingest.max-file-bytes = -1",
                "ingest.max-file-bytes = 99999999999999999999",
                "ingest.skip-bad-files = yes")) {
            Files.writeString(file, "# comment\n" + line + "\n");
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> JobSettings.load(file), line);
            assertTrue(
                    e.getMessage().startsWith(file + ":2: " + line.replace(" = ", " = '") + "': expected "),
                    e.getMessage());
        }
    }

    @Test
    void theInputSettingsAndRunMaxDaysHaveTheirDefaultsAndTakeTheirValues(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.properties");
        Files.writeString(file, "input.ready-file = _SUCCESS\ninput.allow-empty-day = TRUE\nrun.max-days = 400\n");
        JobSettings settings = JobSettings.load(file);
        assertEquals(new InputSettings("_SUCCESS", true), settings.dayInput());
        assertEquals(400, settings.runMaxDays());
        assertEquals("_SUCCESS", settings.inputReadiness().readyFile());

        JobSettings shipped = JobSettings.load(JobSettings.DEFAULT_FILE);
        assertEquals(InputSettings.DEFAULTS, shipped.dayInput(), "the shipped file holds the built-in defaults");
        assertEquals(62, shipped.runMaxDays());
        assertEquals(new InputSettings("", false), JobSettings.builtIn().dayInput());
        assertEquals(62, JobSettings.builtIn().runMaxDays());
    }

    @Test
    void aBadInputOrRunSettingIsRefusedWithItsLineAndTheFix(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.properties");
        for (String line : List.of(
                "input.ready-file = done/_SUCCESS|give a file name inside the day folder",
                "input.ready-file = done.csv|would be read as latency data",
                "input.allow-empty-day = yes|expected true or false",
                "run.max-days = 0|expected a whole number of days from 1 to 3660",
                "run.max-days = 3661|expected a whole number of days from 1 to 3660",
                "run.max-days = lots|expected a whole number of days from 1 to 3660")) {
            String setting = line.substring(0, line.indexOf('|'));
            Files.writeString(file, "# comment\n" + setting + "\n");
            ConfigurationException e =
                    assertThrows(ConfigurationException.class, () -> JobSettings.load(file), setting);
            assertTrue(
                    e.getMessage().startsWith(file + ":2: " + setting.replace(" = ", " = '") + "': "), e.getMessage());
            assertTrue(e.getMessage().contains(line.substring(line.indexOf('|') + 1)), e.getMessage());
        }
    }

    private static Path postgresSettings(Path folder) throws IOException {
        Path file = folder.resolve("pg.properties");
        Files.writeString(file, """
                # job repository on PostgreSQL
                job-repository.url = jdbc:postgresql://db.example.net:5432/peertel
                job-repository.user = peertel
                job-repository.password = s3cret-pw
                """);
        return file;
    }
}
