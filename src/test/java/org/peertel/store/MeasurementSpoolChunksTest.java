package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chunks by connection bucket ({@link MeasurementSpoolChunks}): rows written in any order come back from the
 * reader bucket by bucket (then file, then order of writing), every row once; older files of records only come
 * first; a cut or damaged chunk is reported with its file, not read as rows. Remote workers' partitions of buckets
 * are runs of neighbouring buckets, none empty.
 */
class MeasurementSpoolChunksTest {

    @TempDir
    Path folder;

    @Test
    void connectionsAreSplitIntoRunsOfNeighbouringNumbers() {
        assertThat(MeasurementSpoolChunks.buckets(0)).isEqualTo(1);
        assertThat(MeasurementSpoolChunks.buckets(3)).isEqualTo(3);
        assertThat(MeasurementSpoolChunks.buckets(1_000_000)).isEqualTo(MeasurementSpoolChunks.MAX_BUCKETS);
        int buckets = MeasurementSpoolChunks.buckets(1000);
        int previous = 0;
        for (int connectionNo = 0; connectionNo < 1000; connectionNo++) {
            int bucket = MeasurementSpoolChunks.bucket(connectionNo, 1000, buckets);
            assertThat(bucket).as("connection %d", connectionNo).isBetween(previous, previous + 1);
            previous = bucket;
        }
        assertThat(previous).isEqualTo(buckets - 1);
        assertThatThrownBy(() -> MeasurementSpoolChunks.bucket(1000, 1000, buckets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connection number 1000 outside a registry of 1000");
    }

    @ParameterizedTest(name = "{0} buckets in {1} partitions")
    @CsvSource({"1, 1", "3, 1", "3, 2", "3, 3", "7, 5", "64, 1", "64, 3", "128, 3", "128, 64", "128, 127", "128, 128"})
    void partitionsAreRunsOfNeighbouringBucketsNoneEmpty(int buckets, int partitions) {
        // when
        int[] partitionOf = new int[buckets];
        for (int bucket = 0; bucket < buckets; bucket++) {
            partitionOf[bucket] = MeasurementSpoolChunks.partition(bucket, buckets, partitions);
        }

        // then: from 0, each bucket in the partition of the one before or the next, ending at the last partition
        assertThat(partitionOf[0]).isZero();
        for (int bucket = 1; bucket < buckets; bucket++) {
            assertThat(partitionOf[bucket] - partitionOf[bucket - 1])
                    .as("bucket %d", bucket)
                    .isBetween(0, 1);
        }
        assertThat(partitionOf[buckets - 1]).isEqualTo(partitions - 1);
        int[] size = new int[partitions];
        for (int partition : partitionOf) {
            size[partition]++;
        }
        assertThat(java.util.Arrays.stream(size).min().orElseThrow())
                .as("the smallest partition, never empty")
                .isBetween(buckets / partitions, buckets / partitions + 1);
        assertThat(java.util.Arrays.stream(size).max().orElseThrow()
                        - java.util.Arrays.stream(size).min().orElseThrow())
                .as("sizes differ by rounding only")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void threePartitionsOfTheMostBuckets() {
        List<Integer> firstBuckets = new ArrayList<>();
        for (int bucket = 0; bucket < 128; bucket++) {
            if (bucket == 0
                    || MeasurementSpoolChunks.partition(bucket, 128, 3)
                            != MeasurementSpoolChunks.partition(bucket - 1, 128, 3)) {
                firstBuckets.add(bucket);
            }
        }
        assertThat(firstBuckets).as("buckets 0..42, 43..85, 86..127").containsExactly(0, 43, 86);
    }

    @Test
    void rowsComeBackBucketByBucketThenFileThenOrderOfWriting() throws Exception {
        // given: 1,000 connections (128 buckets of about 8), two files with rows of every connection in a shuffled
        // order, more rows than a chunk holds for some buckets, and an older file of records only
        int connections = 1000;
        List<Path> chunked = List.of(folder.resolve("000000-a.bin"), folder.resolve("000001-b.bin"));
        List<long[]> written = new ArrayList<>(); // {file, line, connection}
        for (int file = 0; file < chunked.size(); file++) {
            try (MeasurementSpoolOut out = new MeasurementSpoolOut(chunked.get(file), connections)) {
                for (int line = 0; line < 30_000; line++) {
                    int connection = (int) ((line * 7919L + file * 13L) % connections);
                    if (line % 3 == 0) {
                        connection = 5; // bucket 0 gets many chunks
                    }
                    row(out, file, line, connection);
                    written.add(new long[] {file, line, connection});
                }
            }
        }
        Path plain = folder.resolve("000002-old.bin");
        Files.write(plain, plainRecord(2, 77, 999));

        // when
        List<long[]> read = readAll(List.of(plain), chunked);

        // then
        assertThat(read).hasSize(written.size() + 1);
        assertThat(read.get(0)).as("the older file first").containsExactly(2, 77, 999);
        List<long[]> expected = new ArrayList<>(written);
        expected.sort((x, y) -> {
            int byBucket = Integer.compare(bucket((int) x[2], connections), bucket((int) y[2], connections));
            return byBucket != 0 ? byBucket : Long.compare(x[0], y[0]); // stable: order of writing in a file
        });
        for (int i = 0; i < expected.size(); i++) {
            assertThat(read.get(i + 1)).as("row %d", i).containsExactly(expected.get(i));
        }
        List<Long> connectionsRead =
                read.subList(1, read.size()).stream().map(r -> r[2]).toList();
        assertThat(connectionsRead.get(0)).isLessThan(connectionsRead.get(connectionsRead.size() - 1));
    }

    @Test
    void aCutChunkNamesItsFile() throws Exception {
        Path file = folder.resolve("000000-cut.bin");
        try (MeasurementSpoolOut out = new MeasurementSpoolOut(file, 10)) {
            row(out, 0, 1, 3);
            row(out, 0, 2, 3);
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));

        assertThatThrownBy(() -> readAll(List.of(), List.of(file)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the spool file " + file + " is corrupt: a chunk header at byte 0");

        Files.write(file, java.util.Arrays.copyOf(bytes, 5));
        assertThatThrownBy(() -> readAll(List.of(), List.of(file)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("a cut chunk header at byte 0");
    }

    private static int bucket(int connection, int connections) {
        return MeasurementSpoolChunks.bucket(connection, connections, MeasurementSpoolChunks.buckets(connections));
    }

    private static void row(MeasurementSpoolOut out, int file, long line, int connection) throws IOException {
        out.row(file, line, 1_772_409_600_000_000L + line, 1, -1, 0, 1_000_000L, connection, 0)
                .ipv4(0xC0000201L);
    }

    private static byte[] plainRecord(int file, long line, int connection) {
        ByteBuffer record = ByteBuffer.allocate(MeasurementSpoolRecord.size(MeasurementSpoolRecord.IPV4_TAG))
                .order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(file)
                .putLong(line)
                .putLong(1_772_409_600_000_000L)
                .putShort((short) 1)
                .putShort((short) -1);
        record.putInt(0).putLong(1_000_000L).putInt(connection).putInt(0);
        record.put(MeasurementSpoolRecord.IPV4_TAG).putInt(0xC0000201);
        return record.array();
    }

    /** Every row the reader gives, as {file, line, connection}. */
    private static List<long[]> readAll(List<Path> plain, List<Path> chunked) throws IOException {
        List<long[]> rows = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                MeasurementSpoolReader reader = new MeasurementSpoolReader(allocator, plain, chunked)) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                for (int r = 0; r < root.getRowCount(); r++) {
                    rows.add(new long[] {
                        ((Number) root.getVector("file_no").getObject(r)).longValue(),
                        ((Number) root.getVector("line").getObject(r)).longValue(),
                        ((Number) root.getVector("connection_no").getObject(r)).longValue()
                    });
                }
            }
        }
        return rows;
    }
}
