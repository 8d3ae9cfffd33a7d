package org.peertel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;

/**
 * {@code peertel generate scale} then {@code peertel run} through the real command line: the job accounts for every
 * generated row exactly as the independent {@link NaiveDataAudit} reads them.
 */
class GeneratedDataRunTest {

    @Test
    void theJobCountsEveryGeneratedRowAsTheAuditDoes(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        String day = "2026-09-14";
        StringWriter err = new StringWriter();
        assertThat(SampleBgpOff.execute(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        "generate",
                        "scale",
                        "--out",
                        data.toString(),
                        "--from",
                        day,
                        "--days",
                        "1",
                        "--connections",
                        "25",
                        "--customers",
                        "5",
                        "--ipv4-prefixes",
                        "300",
                        "--ipv6-prefixes",
                        "80",
                        "--nested-share",
                        "0.2",
                        "--rows-per-day",
                        "6000",
                        "--files",
                        "2",
                        "--ipv6-share",
                        "0.35",
                        "--bad-share",
                        "0.03",
                        "--seed",
                        "9",
                        "--gzip"))
                .as(err.toString())
                .isZero();
        assertThat(err.toString()).contains("25 connections of 5 customers, 300 IPv4 + 80 IPv6 prefixes (76 nested)");

        int code = SampleBgpOff.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "run",
                "--date",
                day,
                "--connections",
                data.resolve("connections.csv").toString(),
                "--input",
                data.resolve("latency").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--db",
                dir.resolve("out/peertel.duckdb").toString());

        assertThat(code).as(err.toString()).isZero();
        NaiveDataAudit audit = NaiveDataAudit.of(data);
        LocalDate date = LocalDate.parse(day);
        String summary = Files.readString(dir.resolve("out/runs/" + day + ".json"));
        long attributed = number(summary, "attributed");
        long noPrefix = number(summary, "no_prefix");
        long mismatch = number(summary, "location_mismatch");
        long rejected = rejected(summary);
        assertThat(number(summary, "rows_read"))
                .isEqualTo(6_000)
                .isEqualTo(attributed + noPrefix + mismatch + rejected);
        assertThat(attributed).isEqualTo(audit.outcome(date, "attributed"));
        assertThat(noPrefix).isEqualTo(audit.outcome(date, "no_prefix"));
        assertThat(mismatch).isEqualTo(audit.outcome(date, "location_mismatch"));
        assertThat(rejected).isEqualTo(audit.outcome(date, "rejected")).isBetween(120L, 240L);
        assertThat(attributed).isGreaterThan(5_400);
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (\\d+)").matcher(json);
        assertThat(m.find()).as(key).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The sum of the "rejected" object's counts. */
    private static long rejected(String json) {
        Matcher block = Pattern.compile("\"rejected\": \\{([^}]*)}").matcher(json);
        assertThat(block.find()).isTrue();
        return Pattern.compile(": (\\d+)")
                .matcher(block.group(1))
                .results()
                .mapToLong(r -> Long.parseLong(r.group(1)))
                .sum();
    }
}
