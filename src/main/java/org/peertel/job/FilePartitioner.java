package org.peertel.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.peertel.ingest.LatencyDay;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the day's input files into the partitions of a remote attributeStep: at most {@code gridSize} partitions of
 * whole files (a file is read from its start: gzip, quoted line breaks and line numbers need it), balanced by size
 * (largest file first, to the partition with the fewest bytes so far, of those the one with the fewest files). The
 * same folder gives the same partitions.
 */
public final class FilePartitioner implements Partitioner {

    /** The execution-context key of a partition's files: their numbers (name order in the day), comma-separated. */
    static final String FILES = "files";

    /** The day folder of the job execution in progress, read when the step partitions. */
    private final Supplier<Path> dayFolder;

    public FilePartitioner(CurrentDay current) {
        this(() -> current.get().parameters().dayFolder());
    }

    /** A partitioner of the input files of the folder {@code dayFolder} gives: for tests, without a job execution. */
    FilePartitioner(Supplier<Path> dayFolder) {
        this.dayFolder = dayFolder;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<Path> files = LatencyDay.inputFiles(dayFolder.get());
        int partitions = Math.min(files.size(), Math.max(1, gridSize));
        List<List<Integer>> fileNos = new ArrayList<>();
        long[] bytes = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            fileNos.add(new ArrayList<>());
        }
        long[] sizes = files.stream().mapToLong(FilePartitioner::size).toArray(); // one stat a file
        List<Integer> bySize = IntStream.range(0, files.size())
                .boxed()
                .sorted(Comparator.comparingLong((Integer no) -> sizes[no])
                        .reversed()
                        .thenComparing(no -> no))
                .toList();
        for (int no : bySize) {
            int lightest = 0;
            for (int p = 1; p < partitions; p++) {
                // on equal bytes the partition with fewer files: else empty files would leave a partition empty
                if (bytes[p] < bytes[lightest]
                        || bytes[p] == bytes[lightest]
                                && fileNos.get(p).size() < fileNos.get(lightest).size()) {
                    lightest = p;
                }
            }
            fileNos.get(lightest).add(no);
            bytes[lightest] += sizes[no];
        }
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(
                    FILES, fileNos.get(p).stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
            contexts.put(String.format("files-%03d", p), context);
        }
        return contexts;
    }

    /** The file numbers a partition's context holds. */
    static List<Integer> files(ExecutionContext context) {
        String files = context.getString(FILES);
        return files.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(files.split(","))
                        .map(Integer::valueOf)
                        .toList();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the size of " + file, e);
        }
    }
}
