package org.peertel.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.peertel.registry.RegistryIssue.Severity;

/** Collects the issues of one registry file while it is checked. */
final class IssueList {

    private final Path file;
    private final List<RegistryIssue> errors = new ArrayList<>();
    private final List<RegistryIssue> warnings = new ArrayList<>();

    IssueList(Path file) {
        this.file = file;
    }

    // Messages quote values of the file; FileNameRule.printable keeps their control characters off the terminal.
    void error(int line, String message) {
        errors.add(new RegistryIssue(file, line, Severity.ERROR, FileNameRule.printable(message)));
    }

    void warning(int line, String message) {
        warnings.add(new RegistryIssue(file, line, Severity.WARNING, FileNameRule.printable(message)));
    }

    int errorCount() {
        return errors.size();
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors sorted by line; issues of one line keep the order they were found in (the sort is stable). */
    List<RegistryIssue> sortedErrors() {
        return sortedByLine(errors);
    }

    /** The warnings sorted by line, like {@link #sortedErrors()}. */
    List<RegistryIssue> sortedWarnings() {
        return sortedByLine(warnings);
    }

    private static List<RegistryIssue> sortedByLine(List<RegistryIssue> issues) {
        List<RegistryIssue> sorted = new ArrayList<>(issues);
        sorted.sort(Comparator.comparingInt(RegistryIssue::line));
        return List.copyOf(sorted);
    }
}
