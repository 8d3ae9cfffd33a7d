package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;
import org.peertel.routing.EventType;
import org.peertel.routing.Watch;
import org.peertel.store.TelemetryStore;

/**
 * The report pages rendered by a real browser, Debian's headless Chromium: a month with a gap (a day not processed)
 * and a day without data and alerts, a customer with one connection, one with 40, and hostile names. From the DOM the
 * browser built: each connection appears once, its chart has one point per day with data, a day without data is a
 * gap; prefix events are marked on their days and listed; no console message and no uncaught error; printing gives A4
 * pages. The screenshots stay in
 * {@code target/report-pages/} for a person to look at. Skips, saying so, where no Chromium is installed, except
 * under CI=true, where it fails ({@code .ci/run} installs it).
 */
class ReportPageBrowserTest {

    static final Path WEEK = GoldenJobTest.CASES.resolve("week/input");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "report-pages");
    static final Pattern SECTION = Pattern.compile(
            "<section class=\"connection\" id=\"[^\"]*\" data-connection=\"([^\"]*)\" data-days-with-data=\"(\\d+)\">(.*?)</section>",
            Pattern.DOTALL);

    @TempDir
    static Path work;

    @BeforeAll
    static void chromium() throws IOException {
        String missing = "no Chromium at " + CHROMIUM
                + ": install Debian's chromium (apt-get install chromium; .ci/run does) to render the report pages";
        if (!Files.isExecutable(CHROMIUM) && "true".equals(System.getenv("CI"))) {
            fail("CI=true, so .ci/run should have installed it, but " + missing);
        }
        assumeTrue(Files.isExecutable(CHROMIUM), missing);
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void aMonthWithAGapADayWithoutDataAndAlerts() throws Exception {
        // given: the week without 2026-03-04 (a gap in the month); acme-chi has no data on 2026-03-05 (NO_DATA)
        Path out = work.resolve("gap/out");
        run(out, WEEK.resolve("connections.csv"), "--from", "2026-03-02", "--to", "2026-03-03");
        run(out, WEEK.resolve("connections.csv"), "--from", "2026-03-05", "--to", "2026-03-07");
        Path page = out.resolve("reports/acme/month-2026-03.html");

        // when
        Rendered rendered = render(page, "month-with-gap");

        // then
        Map<String, Section> sections = rendered.sections();
        assertThat(sections).containsOnlyKeys("acme-chi", "acme-nyc", "acme-sfo");
        Section chi = sections.get("acme-chi");
        assertThat(chi.points("median")).isEqualTo(chi.daysWithData()).isEqualTo(4);
        assertThat(chi.points("p95")).isEqualTo(4);
        assertThat(chi.html()).doesNotContain("data-day=\"2026-03-05\"").doesNotContain("data-day=\"2026-03-04\"");
        assertThat(chi.lines("median"))
                .as("broken at the gap and at the day without data")
                .isEqualTo(2);
        assertThat(chi.html()).contains("<title>2026-03-04: not processed</title>");
        assertThat(chi.html()).contains("<title>2026-03-05: NO_DATA</title>");
        rendered.assertClean();
    }

    @Test
    void aCustomerWithOneConnection() throws Exception {
        // given: globex-fra given to a customer of its own
        Path out = work.resolve("one/out");
        Path registry = Files.writeString(
                work.resolve("one-connection.csv"),
                Files.readString(WEEK.resolve("connections.csv")).replace("globex-fra,globex,", "globex-fra,solo,"));
        run(out, registry, "--from", "2026-03-02", "--to", "2026-03-07");

        // when
        Rendered rendered = render(out.resolve("reports/solo/month-2026-03.html"), "one-connection");

        // then
        assertThat(rendered.sections()).containsOnlyKeys("globex-fra");
        Section fra = rendered.sections().get("globex-fra");
        assertThat(fra.points("median")).isEqualTo(fra.daysWithData()).isEqualTo(6);
        assertThat(rendered.summaryRows()).isEqualTo(1);
        rendered.assertClean();
    }

    @Test
    void aCustomerWithFortyConnections() throws Exception {
        // given: a generated registry of 40 connections of one customer, two days
        Path data = work.resolve("forty/data");
        assertThat(SampleBgpOff.execute(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()),
                        "generate",
                        "scale",
                        "--out",
                        data.toString(),
                        "--connections",
                        "40",
                        "--customers",
                        "1",
                        "--days",
                        "2",
                        "--rows-per-day",
                        "8000",
                        "--files",
                        "1",
                        "--from",
                        "2026-03-02"))
                .isZero();
        Path out = work.resolve("forty/out");
        run(
                out,
                data.resolve("connections.csv"),
                data.resolve("latency"),
                "--from",
                "2026-03-02",
                "--to",
                "2026-03-03");
        Path folder;
        try (var customers = Files.list(out.resolve("reports"))) {
            folder = customers.findFirst().orElseThrow();
        }

        // when
        Rendered rendered = render(folder.resolve("month-2026-03.html"), "forty-connections");

        // then: every connection once, in the summary and as a section, each with its points
        assertThat(rendered.sections()).hasSize(40);
        assertThat(rendered.summaryRows()).isEqualTo(40);
        rendered.sections()
                .values()
                .forEach(section ->
                        assertThat(section.points("median")).as(section.id()).isEqualTo(section.daysWithData()));
        rendered.assertClean();
    }

    @Test
    void hostileNamesAreShownAsTextAndRunNothing() throws Exception {
        // given: a name and a partner with markup, an entity, quotes and a closing script tag
        String name = "ACME <b>Chicago</b> & \"Co\" </script><script>console.error('x')</script>";
        String partner = "<img src=x onerror=console.error('y')> & 'Z'";
        Path registry = Files.writeString(
                work.resolve("hostile.csv"),
                Files.readString(WEEK.resolve("connections.csv"))
                        .replace(
                                "acme-chi,acme,ACME Chicago,\"Hurricane \"\"HE\"\" Electric\",",
                                "acme-chi,acme,\"" + name.replace("\"", "\"\"") + "\",\"" + partner + "\","));
        Path out = work.resolve("hostile/out");
        run(out, registry, "--from", "2026-03-02", "--to", "2026-03-03");

        // when
        Rendered rendered = render(out.resolve("reports/acme/month-2026-03.html"), "hostile-names");

        // then: no element came from a name, and the names read as they were written
        assertThat(rendered.dom())
                .doesNotContain("<b>Chicago")
                .doesNotContain("<img")
                .doesNotContain("<script");
        assertThat(rendered.dom()).contains(Html.escaped(name)).contains(Html.escaped(partner));
        assertThat(rendered.sections()).containsOnlyKeys("acme-chi", "acme-nyc", "acme-sfo");
        rendered.assertClean();
    }

    @Test
    void prefixEventsMarkedOnTheChartAndListed() throws Exception {
        // given: globex-fra a customer's only connection over the week, a Critical event on 2026-03-03 and a Critical
        // and a Warning on 2026-03-05 stored as bgp events stores them, their summaries with markup
        Path out = work.resolve("events/out");
        Path registry = Files.writeString(
                work.resolve("events-connection.csv"),
                Files.readString(WEEK.resolve("connections.csv")).replace("globex-fra,globex,", "globex-fra,solo,"));
        run(out, registry, "--from", "2026-03-02", "--to", "2026-03-07");
        Watch fra = PrefixEventRows.watch("solo", "globex-fra", "198.51.100.64/26");
        try (TelemetryStore store = TelemetryStore.open(out.resolveSibling("t.duckdb"))) {
            PrefixEventRows.store(
                    store,
                    LocalDate.parse("2026-03-03"),
                    List.of(PrefixEventRows.event(
                            "2026-03-03", fra, "198.51.100.64/27", EventType.MORE_SPECIFIC, "10:00:00", 64500)));
            PrefixEventRows.store(
                    store,
                    LocalDate.parse("2026-03-05"),
                    List.of(
                            PrefixEventRows.event(
                                    "2026-03-05", fra, "198.51.100.64/26", EventType.ORIGIN_CHANGE, "07:00:00", 7),
                            PrefixEventRows.event(
                                    "2026-03-05", fra, "198.51.100.64/26", EventType.WITHDRAWAL, "09:00:00", 0)));
        }
        report(out, registry, "solo", "2026-03-02", "2026-03-07");

        // when
        Rendered rendered = render(out.resolve("reports/solo/range-2026-03-02_2026-03-07.html"), "prefix-events");

        // then: the marks are in the chart Chromium built, on their days, the table lists the three events, the
        // summaries' markup is text, and the marks' colours are on the screen
        Section section = rendered.sections().get("globex-fra");
        String chart = section.html().substring(section.html().indexOf("<svg class=\"chart daily\""));
        assertThat(count(chart, "<path class=\"event critical\" data-day=\"2026-03-03\""))
                .isEqualTo(1);
        assertThat(count(chart, "<path class=\"event critical\" data-day=\"2026-03-05\""))
                .isEqualTo(1);
        assertThat(count(chart, "<rect class=\"event warning\" data-day=\"2026-03-05\""))
                .isEqualTo(1);
        assertThat(count(chart, "class=\"event "))
                .as("2 Critical and 1 Warning marks, 2 legend marks")
                .isEqualTo(5);
        assertThat(count(section.html(), "<tr class=\"critical\"")).isEqualTo(2);
        assertThat(count(section.html(), "<tr class=\"warning\"")).isEqualTo(1);
        assertThat(rendered.dom()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)");
        BufferedImage shot =
                ImageIO.read(SCREENSHOTS.resolve("prefix-events.png").toFile());
        // only the marks have these colours: the legend's diamond alone has about 60 such pixels, its square 64
        assertThat(pixels(shot, 0x7b2cbf))
                .as("purple pixels: the legend's diamond and the two Critical marks")
                .isGreaterThan(150);
        assertThat(pixels(shot, 0xf2b705))
                .as("yellow pixels: the legend's square and the Warning mark")
                .isGreaterThan(100);
        rendered.assertClean();
    }

    /** The pixels of {@code image} within 16 of {@code rgb} in each channel. */
    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                boolean near = true;
                for (int shift = 0; shift <= 16; shift += 8) {
                    near &= Math.abs(((p >> shift) & 0xff) - ((rgb >> shift) & 0xff)) <= 16;
                }
                count += near ? 1 : 0;
            }
        }
        return count;
    }

    private static void report(Path out, Path registry, String customer, String from, String to) {
        StringWriter err = new StringWriter();
        int code = SampleBgpOff.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "report",
                "--customer",
                customer,
                "--from",
                from,
                "--to",
                to,
                "--connections",
                registry.toString(),
                "--input",
                WEEK.resolve("latency").toString(),
                "--out",
                out.toString(),
                "--db",
                out.resolveSibling("t.duckdb").toString());
        assertThat(code).as(err.toString()).isZero();
    }

    /** The page as Chromium built it, what it said while doing so, and its print. */
    record Rendered(String dom, String log, Path pdf) {

        Map<String, Section> sections() {
            Map<String, Section> sections = new TreeMap<>();
            Matcher m = SECTION.matcher(dom);
            while (m.find()) {
                Section before =
                        sections.put(m.group(1), new Section(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
                assertThat(before).as("connection %s appears once", m.group(1)).isNull();
            }
            return sections;
        }

        int summaryRows() {
            String summary = dom.substring(dom.indexOf("<table class=\"summary\""), dom.indexOf("</table>"));
            return count(summary, "<tr data-connection=");
        }

        /** No console message, no uncaught error; the print has A4 pages only. */
        void assertClean() throws IOException {
            assertThat(log).as("console messages").doesNotContain("CONSOLE").doesNotContain("Uncaught");
            String pdf = new String(Files.readAllBytes(this.pdf), StandardCharsets.ISO_8859_1);
            Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([\\d.]+)\\s+([\\d.]+)\\s*]")
                    .matcher(pdf);
            int pages = 0;
            while (box.find()) {
                pages++;
                assertThat(Double.parseDouble(box.group(1))).as("A4 width (pt)").isBetween(594.0, 597.0);
                assertThat(Double.parseDouble(box.group(2)))
                        .as("A4 height (pt)")
                        .isBetween(841.0, 843.0);
            }
            assertThat(pages).as("printed pages").isPositive();
        }
    }

    record Section(String id, int daysWithData, String html) {

        int points(String series) {
            return count(html, "<circle class=\"point " + series + "\" data-day=");
        }

        int lines(String series) {
            String daily = html.substring(html.indexOf("<svg class=\"chart daily\""), html.indexOf("</svg>"));
            return count(daily, "<polyline class=\"line " + series + "\"");
        }
    }

    /** Renders {@code page}: the DOM (with the console on stderr), a screenshot and a print to PDF. */
    private static Rendered render(Path page, String name) throws Exception {
        String url = page.toAbsolutePath().toUri().toString();
        Path pdf = work.resolve(name + ".pdf");
        Chromium dom = chromium(
                name + "-dom", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom", url);
        chromium(
                name + "-shot",
                "--window-size=1000,2000",
                "--screenshot=" + SCREENSHOTS.resolve(name + ".png").toAbsolutePath(),
                url);
        chromium(name + "-pdf", "--no-pdf-header-footer", "--print-to-pdf=" + pdf, url);
        assertThat(SCREENSHOTS.resolve(name + ".png")).isNotEmptyFile();
        return new Rendered(dom.out(), consoleLines(dom.err()), pdf);
    }

    /** Chromium's stderr without its known noise (dbus, the launcher script): what the page made it say. */
    private static String consoleLines(String stderr) {
        return String.join(
                "\n",
                stderr.lines()
                        .filter(line -> line.contains("CONSOLE") || line.contains("Uncaught"))
                        .toList());
    }

    record Chromium(String out, String err) {}

    private static Chromium chromium(String name, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox", // as root (CI) Chromium refuses to start without it
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking", // the machine has no network: no update or metrics calls
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + work.resolve("profile-" + name)));
        command.addAll(List.of(arguments));
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        Process process = new ProcessBuilder(SampleBgpOff.command(command))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS))
                    .as("chromium %s ended", name)
                    .isTrue();
        } finally {
            // Chromium's own helper processes first (renderer, zygote), then Chromium: nothing stays running
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return new Chromium(
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void run(Path out, Path registry, String... days) {
        run(out, registry, WEEK.resolve("latency"), days);
    }

    private static void run(Path out, Path registry, Path input, String... days) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--connections",
                registry.toString(),
                "--input",
                input.toString(),
                "--out",
                out.toString(),
                "--db",
                out.resolveSibling("t.duckdb").toString()));
        args.addAll(List.of(days));
        StringWriter err = new StringWriter();
        int code = SampleBgpOff.execute(
                new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    /** How a text shows in the DOM Chromium dumps: as text, its markup characters escaped. */
    static final class Html {
        static String escaped(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
