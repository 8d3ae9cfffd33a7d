package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peertel.golden.PrefixEventRows.activePath;
import static org.peertel.golden.PrefixEventRows.event;
import static org.peertel.golden.PrefixEventRows.watch;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;
import org.peertel.report.MonthReports;
import org.peertel.report.OutputLayout;
import org.peertel.report.RegistryOwners;
import org.peertel.routing.EventType;
import org.peertel.routing.Watch;
import org.peertel.store.TelemetryStore;

/**
 * Prefix events on the range and month reports: the golden week processed by the real job with two registries
 * (initech-lon moves from initech to acme on 2026-03-05, as in {@link RangeReportTest}), events stored in the real
 * DuckDB file for some days as {@code peertel bgp events} stores them, then {@code peertel report} and the month
 * files. Each customer's CSV counts its own Critical and Warning events per connection, its page marks them on the
 * days they happened and lists them; another customer's events, also those of the moved connection before it came,
 * never appear.
 */
class RangeEventsReportTest {

    static final Path WEEK = GoldenJobTest.CASES.resolve("week/input");

    // one week for all the tests (a run of it takes about 20 s here): they only read the store and write files
    @TempDir
    static Path work;

    static Path before;
    static Path after;

    @BeforeAll
    static void aWeekWithEventsOnSomeDays() throws IOException {
        before = WEEK.resolve("connections.csv");
        after = Files.writeString(
                work.resolve("connections-after.csv"),
                Files.readString(before)
                        .replace(
                                "initech-lon,initech,Initech London,LINX,GB,",
                                "initech-lon,acme,\"ACME London, ex Initech\",LINX,GB,"));
        peertel("run", "--from", "2026-03-02", "--to", "2026-03-04", "--connections", before.toString());
        peertel("run", "--from", "2026-03-05", "--to", "2026-03-07", "--connections", after.toString());
        Watch nyc = watch("acme", "acme-nyc", "198.51.100.0/24");
        Watch sfo = watch("acme", "acme-sfo", "198.51.100.0/24");
        Watch lonAtInitech = watch("initech", "initech-lon", "192.0.2.0/25");
        Watch lonAtAcme = watch("acme", "initech-lon", "192.0.2.0/25");
        Watch fra = watch("globex", "globex-fra", "198.51.100.64/26");
        try (TelemetryStore store = TelemetryStore.open(db())) {
            PrefixEventRows.store(
                    store,
                    day("2026-03-03"),
                    List.of(
                            event("2026-03-03", nyc, "198.51.100.0/25", EventType.MORE_SPECIFIC, "10:00:00", 64500),
                            event("2026-03-03", nyc, "198.51.100.0/24", EventType.ANNOUNCEMENT, "09:00:00", 64496),
                            event("2026-03-03", lonAtInitech, "192.0.2.0/25", EventType.ORIGIN_CHANGE, "08:00:00", 3),
                            activePath("2026-03-03", nyc),
                            activePath("2026-03-03", sfo),
                            activePath("2026-03-03", lonAtInitech)));
            PrefixEventRows.store(
                    store,
                    day("2026-03-04"),
                    List.of(
                            event("2026-03-04", fra, "198.51.100.64/27", EventType.MORE_SPECIFIC, "12:00:00", 7),
                            activePath("2026-03-04", sfo),
                            activePath("2026-03-04", fra)));
            PrefixEventRows.store(
                    store,
                    day("2026-03-05"),
                    List.of(
                            event("2026-03-05", nyc, "198.51.100.0/24", EventType.WITHDRAWAL, "06:30:00", 0),
                            event("2026-03-05", nyc, "198.51.100.0/24", EventType.ORIGIN_CHANGE, "07:00:00", 64511),
                            activePath("2026-03-05", nyc)));
            PrefixEventRows.store(
                    store,
                    day("2026-03-06"),
                    List.of(event("2026-03-06", lonAtAcme, "192.0.2.0/25", EventType.WITHDRAWAL, "23:00:00", 0)));
        }
    }

    @Test
    void eachCustomerCountsAndSeesItsOwnEventsOnly() throws Exception {
        // when
        peertel("report", "--all-customers", "--from", "2026-03-02", "--to", "2026-03-07");

        // then: the CSV counts, Critical and Warning, per connection
        assertThat(Files.readString(range("acme", "csv")).lines().findFirst().orElseThrow())
                .endsWith(",alert_days,coverage,events_critical,events_warning");
        assertThat(counts(range("acme", "csv")))
                .containsExactly(
                        Map.entry("acme-chi", "0,0"),
                        Map.entry("acme-nyc", "2,1"),
                        Map.entry("acme-sfo", "0,0"),
                        Map.entry("initech-lon", "0,1")); // initech's Critical of 2026-03-03 is not acme's
        assertThat(counts(range("initech", "csv")))
                .containsExactly(
                        Map.entry("initech-lon", "1,0"),
                        Map.entry("initech-nyc", "0,0"),
                        Map.entry("initech-tor", "0,0"));
        assertThat(counts(range("globex", "csv")))
                .containsExactly(Map.entry("globex-fra", "1,0"), Map.entry("globex-par", "0,0"));

        // and the page: a mark per level on the days of the events, the table Critical first, then by start
        String acme = Files.readString(range("acme", "html"));
        String nyc = section(acme, "acme-nyc");
        assertThat(marks(nyc)).containsExactly("critical 2026-03-03", "critical 2026-03-05", "warning 2026-03-05");
        assertThat(rows(nyc))
                .containsExactly(
                        "critical 2026-03-03 PrefixMoreSpecificOriginAsEvent",
                        "critical 2026-03-05 PrefixOriginAsChangeEvent",
                        "warning 2026-03-05 PrefixWithdrawalEvent",
                        "information 2026-03-03 PrefixAnnouncementEvent");
        assertThat(nyc)
                .contains("<title>2026-03-05, Critical: PrefixOriginAsChangeEvent 198.51.100.0/24 from AS64511</title>")
                .contains("<td>2026-03-03 10:00:00</td><td>2026-03-03 11:30:00</td><td>5</td>")
                .contains("Critical or Warning prefix events")
                .doesNotContain("PrefixActivePath");
        assertThat(section(acme, "initech-lon"))
                .as("the moved connection at acme: its Warning of 2026-03-06, not initech's Critical of 2026-03-03")
                .doesNotContain("class=\"event critical\" data-day")
                .doesNotContain("PrefixOriginAsChangeEvent");
        assertThat(marks(section(acme, "initech-lon"))).containsExactly("warning 2026-03-06");
        assertThat(section(acme, "acme-sfo"))
                .as("computed, nothing happened: one line")
                .contains("<h3>Prefix events</h3>\n<p>None in the range (computed on 2 days).</p>");
        assertThat(section(acme, "acme-chi"))
                .as("never computed: no heading, no mark")
                .doesNotContain("Prefix events")
                .doesNotContain("class=\"event ");
        assertThat(acme)
                .as("summaries are text from the Internet")
                .doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;AS&quot; &#39;path&#39;");
        String initech = Files.readString(range("initech", "html"));
        assertThat(marks(section(initech, "initech-lon"))).containsExactly("critical 2026-03-03");
        assertThat(initech).doesNotContain("198.51.100.0/25").doesNotContain("PrefixWithdrawalEvent");
        assertThat(Files.readString(range("globex", "html"))).doesNotContain("198.51.100.0/25");
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws Exception {
        // given
        peertel("report", "--customer", "acme", "--from", "2026-03-02", "--to", "2026-03-07");
        byte[] page = Files.readAllBytes(range("acme", "html"));
        byte[] csv = Files.readAllBytes(range("acme", "csv"));

        // when
        peertel("report", "--customer", "acme", "--from", "2026-03-02", "--to", "2026-03-07");

        // then
        assertThat(Files.readAllBytes(range("acme", "html"))).isEqualTo(page);
        assertThat(Files.readAllBytes(range("acme", "csv"))).isEqualTo(csv);
    }

    @Test
    void storedEventsPutTheMonthBehindAndItsFilesShowThem() throws Exception {
        // when: the month files written after the events were stored
        List<YearMonth> written;
        try (TelemetryStore store = TelemetryStore.open(db())) {
            written = MonthReports.writeBehind(store, new OutputLayout(out()), RegistryOwners.of(before), () -> false);
        }

        // then: the two columns after days_not_processed, and the same marks as the range's
        assertThat(written).containsExactly(YearMonth.of(2026, 3));
        Path month = out().resolve("reports/acme/month-2026-03.csv");
        assertThat(Files.readString(month).lines().findFirst().orElseThrow())
                .endsWith(",coverage,days_not_processed,events_critical,events_warning");
        assertThat(counts(month))
                .containsExactly(
                        Map.entry("acme-chi", "0,0"),
                        Map.entry("acme-nyc", "2,1"),
                        Map.entry("acme-sfo", "0,0"),
                        Map.entry("initech-lon", "0,1"));
        String page = Files.readString(out().resolve("reports/acme/month-2026-03.html"));
        assertThat(marks(section(page, "acme-nyc")))
                .containsExactly("critical 2026-03-03", "critical 2026-03-05", "warning 2026-03-05");
        assertThat(counts(out().resolve("reports/initech/month-2026-03.csv"))).containsEntry("initech-lon", "1,0");
    }

    /** Per connection id: {@code events_critical,events_warning}. */
    private static Map<String, String> counts(Path csv) throws IOException {
        Map<String, String> counts = new LinkedHashMap<>();
        for (CSVRecord r : RangeReportTest.records(csv)) {
            counts.put(r.get("connection_id"), r.get("events_critical") + "," + r.get("events_warning"));
        }
        return counts;
    }

    /** The event marks of a section's daily chart: "level day", in page order. */
    private static List<String> marks(String section) {
        return all(Pattern.compile("<(?:path|rect) class=\"event (\\w+)\" data-day=\"([\\d-]+)\""), section);
    }

    /** The event table's rows: "level day event_type", in page order. */
    private static List<String> rows(String section) {
        return all(Pattern.compile("<tr class=\"(\\w+)\" data-day=\"([\\d-]+)\"><td>(\\w+)</td>"), section);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            List<String> groups = new ArrayList<>();
            for (int g = 1; g <= m.groupCount(); g++) {
                groups.add(m.group(g));
            }
            found.add(String.join(" ", groups));
        }
        return found;
    }

    private static String section(String page, String connectionId) {
        int start = page.indexOf("<section class=\"connection\" id=\"connection-" + connectionId + "\"");
        assertThat(start).as("a section of %s", connectionId).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static Path range(String customer, String extension) {
        return out().resolve("reports/" + customer + "/range-2026-03-02_2026-03-07." + extension);
    }

    private static Path out() {
        return work.resolve("out");
    }

    private static Path db() {
        return work.resolve("t.duckdb");
    }

    private static void peertel(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--connections")) {
            all.addAll(List.of("--connections", before.toString()));
        }
        all.addAll(List.of(
                "--input", WEEK.resolve("latency").toString(),
                "--out", out().toString(),
                "--db", db().toString()));
        StringWriter err = new StringWriter();
        int code = SampleBgpOff.execute(
                new PrintWriter(new StringWriter()), new PrintWriter(err), all.toArray(String[]::new));
        assertThat(code).as("peertel %s: %s", String.join(" ", args), err).isZero();
    }
}
