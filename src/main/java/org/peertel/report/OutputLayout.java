package org.peertel.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.peertel.registry.FileNameRule;

/** Where each output file of a day lives under {@code --out}. The paths are part of the data contract. */
public record OutputLayout(Path out) {

    public Path alerts(LocalDate day) {
        return out.resolve("alerts").resolve(day + ".csv");
    }

    /** {@code alerts/<date>-resolved.csv}: the incidents that resolved on the day. */
    public Path resolvedIncidents(LocalDate day) {
        return out.resolve("alerts").resolve(day + "-resolved.csv");
    }

    /** {@code alerts/open.csv}: the incidents open after the latest processed day. */
    public Path openIncidents() {
        return out.resolve("alerts").resolve("open.csv");
    }

    /** {@code events/<date>.csv}: the day's prefix events of every customer. */
    public Path events(LocalDate day) {
        return out.resolve("events").resolve(day + ".csv");
    }

    /** {@code reports/<customer_id>/<date>-events.csv}: the customer's own prefix events of the day. */
    public Path customerEvents(String customerId, LocalDate day) {
        return customerFolder(customerId).resolve(day + "-events.csv");
    }

    public Path customerReport(String customerId, LocalDate day) {
        return customerFolder(customerId).resolve(day + ".csv");
    }

    public Path customerPrefixReport(String customerId, LocalDate day) {
        return customerFolder(customerId).resolve(day + "-prefixes.csv");
    }

    public Path customerHourlyReport(String customerId, LocalDate day) {
        return customerFolder(customerId).resolve(day + "-hourly.csv");
    }

    /** The three files of a customer's report over a range or a month: its CSV, its prefixes' CSV, its page. */
    public record ReportFiles(Path connections, Path prefixes, Path page) {}

    /** {@code reports/<customer_id>/range-<from>_<to>.csv}, {@code -prefixes.csv} and {@code .html}. */
    public ReportFiles rangeFiles(String customerId, LocalDate from, LocalDate to) {
        return reportFiles(customerId, "range-" + from + "_" + to);
    }

    /** {@code reports/<customer_id>/month-<YYYY-MM>.csv}, {@code -prefixes.csv} and {@code .html}: the month to date. */
    public ReportFiles monthFiles(String customerId, YearMonth month) {
        return reportFiles(customerId, "month-" + month);
    }

    private ReportFiles reportFiles(String customerId, String name) {
        Path folder = customerFolder(customerId);
        return new ReportFiles(
                folder.resolve(name + ".csv"), folder.resolve(name + "-prefixes.csv"), folder.resolve(name + ".html"));
    }

    /** The folders under {@code --out} that hold the files of every day. */
    public List<Path> dayFolders() {
        return List.of(out.resolve("alerts"), reportsFolder(), out.resolve("rejects"), out.resolve("runs"));
    }

    public Path reportsFolder() {
        return out.resolve("reports");
    }

    /**
     * {@code reports/<customerId>}. The registry already refuses every id that is not a plain file name; this
     * checks again, so that no caller can ever make peertel write a customer's files outside {@code reports/}
     * (or into another customer's folder).
     *
     * @throws IllegalArgumentException when the id is not a safe file name or would resolve elsewhere
     */
    public Path customerFolder(String customerId) {
        String problem = FileNameRule.problem(customerId);
        Path reports = reportsFolder().toAbsolutePath().normalize();
        Path folder = problem != null ? null : reports.resolve(customerId).normalize();
        if (folder == null || !folder.startsWith(reports) || !reports.equals(folder.getParent())) {
            throw new IllegalArgumentException("refusing to write the reports of customer_id '"
                    + FileNameRule.printable(customerId) + "': it is not a folder directly inside " + reports
                    + " (the id " + (problem != null ? problem : "resolves to " + folder)
                    + "); the registry check should have stopped this id, please report it");
        }
        return reportsFolder().resolve(customerId);
    }

    public Path rejects(LocalDate day) {
        return out.resolve("rejects").resolve(day + ".csv");
    }

    /** The records of the day's BGP files that could not be read. */
    public Path bgpRejects(LocalDate day) {
        return out.resolve("bgp-rejects").resolve(day + ".csv");
    }

    public Path runSummary(LocalDate day) {
        return out.resolve("runs").resolve(day + ".json");
    }
}
