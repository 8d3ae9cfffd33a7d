package org.peertel.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.peertel.config.JobSettings;
import org.peertel.launch.RunLock;
import org.peertel.output.DayList;
import org.peertel.store.StorageFigures;
import org.peertel.store.TelemetryStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code peertel storage}: what the DuckDB file and the Parquet archive hold, per table and day. */
@Command(
        name = "storage",
        mixinStandardHelpOptions = true,
        description = {
            "Print what is stored: the DuckDB file's size and free blocks; per table the days it holds, the oldest "
                    + "and newest, rows and bytes; the Parquet archive's days, rows and bytes per table; which days "
                    + "are archived (docs/storage.md)."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.BAD_USAGE_LINE})
public final class StorageCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PathOptions paths;

    @Override
    public Integer call() {
        JobSettings settings = paths.resolve();
        Preflight.existingDatabase(settings.db(), "check --db or --settings");
        StorageFigures figures;
        try (RunLock lock = RunLock.acquire(settings.db(), "peertel storage");
                TelemetryStore store = TelemetryStore.open(settings.db(), settings.duckDb())) {
            figures = store.storage();
        }
        print(figures, spec.commandLine().getOut());
        return ExitCode.OK;
    }

    private static void print(StorageFigures figures, PrintWriter out) {
        StorageFigures.Database db = figures.database();
        out.println("DuckDB " + db.file() + ": " + mib(db.fileBytes()) + ", " + db.usedBlocks() + " blocks used and "
                + db.freeBlocks() + " free (" + db.blockSize() / 1024 + " KiB each; free blocks are reused first)");
        table(figures.tables(), "table").forEach(out::println);
        if (figures.archive().isEmpty()) {
            out.println("Archive: no day archived");
            return;
        }
        out.println("Archive (Parquet): " + DayList.compact(figures.archivedDays()));
        table(figures.archive(), "archived").forEach(out::println);
    }

    private static java.util.List<String> table(java.util.List<StorageFigures.Table> tables, String first) {
        TextTable text = new TextTable(first, ">days", "oldest", "newest", ">rows", ">bytes");
        for (StorageFigures.Table t : tables) {
            text.row(t.name(), t.days(), t.oldest(), t.newest(), t.rows(), mib(t.bytes()));
        }
        return text.lines().stream().map(String::stripTrailing).toList();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
