package org.peertel.report;

import java.nio.file.Path;
import java.time.LocalDate;

/** Where each output file of a day lives under {@code --out}. The paths are part of the data contract. */
public record OutputLayout(Path out) {

    public Path alerts(LocalDate day) {
        return out.resolve("alerts").resolve(day + ".csv");
    }

    public Path customerReport(String customerId, LocalDate day) {
        return out.resolve("reports").resolve(customerId).resolve(day + ".csv");
    }

    public Path customerPrefixReport(String customerId, LocalDate day) {
        return out.resolve("reports").resolve(customerId).resolve(day + "-prefixes.csv");
    }

    public Path rejects(LocalDate day) {
        return out.resolve("rejects").resolve(day + ".csv");
    }

    public Path runSummary(LocalDate day) {
        return out.resolve("runs").resolve(day + ".json");
    }
}
