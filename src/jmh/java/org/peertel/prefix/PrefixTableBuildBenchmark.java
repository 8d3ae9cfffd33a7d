package org.peertel.prefix;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time to build a {@link PrefixTable} from the real 1.06 M-prefix full table (already parsed). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class PrefixTableBuildBenchmark {

    private List<Prefix> prefixes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        prefixes = BenchmarkPrefixes.read(BenchmarkPrefixes.FULL_TABLE);
    }

    @Benchmark
    public PrefixTable buildFullTable() {
        return PrefixTable.of(prefixes);
    }
}
