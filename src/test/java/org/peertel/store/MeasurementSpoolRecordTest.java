package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary spool record's layout, {@link MeasurementSpoolRecord}: the hand-written writer and reader put and take
 * every field where the declaration says, and the format's sizes stay those of the files earlier releases wrote (a
 * spool of release 3fa2256 is published in the golden package's UpgradeTest).
 */
class MeasurementSpoolRecordTest {

    @TempDir
    Path folder;

    /** A value for every fixed field, each different, most using every byte of their width. */
    private static Map<MeasurementColumn, Long> fixedValues() {
        Map<MeasurementColumn, Long> values = new EnumMap<>(MeasurementColumn.class);
        values.put(MeasurementColumn.FILE_NO, 0x01020304L);
        values.put(MeasurementColumn.LINE, 0x1112131415161718L);
        values.put(MeasurementColumn.TS, 1_772_409_600_123_456L);
        values.put(MeasurementColumn.COUNTRY_CODE, 0x2122L);
        values.put(MeasurementColumn.STATE_CODE, -1L);
        values.put(MeasurementColumn.EDGE_POP_NO, 0x31323334L);
        values.put(MeasurementColumn.RTT_MS, 999_999_999_999_999L);
        values.put(MeasurementColumn.CONNECTION_NO, 0x41424344L);
        values.put(MeasurementColumn.PREFIX_NO, 0x51525354L);
        return values;
    }

    private static long read(ByteBuffer record, int offset, int bytes) {
        return switch (bytes) {
            case 2 -> record.getShort(offset);
            case 4 -> record.getInt(offset);
            case 8 -> record.getLong(offset);
            default -> throw new IllegalArgumentException("no field is " + bytes + " bytes wide");
        };
    }

    private static void write(ByteBuffer record, long value, int bytes) {
        switch (bytes) {
            case 2 -> record.putShort((short) value);
            case 4 -> record.putInt((int) value);
            case 8 -> record.putLong(value);
            default -> throw new IllegalArgumentException("no field is " + bytes + " bytes wide");
        }
    }

    @Test
    void theSizesAreThoseOfTheFilesEarlierReleasesWrote() {
        assertThat(MeasurementSpoolRecord.FIXED_BYTES).isEqualTo(45);
        assertThat(MeasurementSpoolRecord.size(MeasurementSpoolRecord.IPV4_TAG))
                .as("an IPv4 row")
                .isEqualTo(49);
        assertThat(MeasurementSpoolRecord.size((byte) 3))
                .as("the IPv6 text ::1")
                .isEqualTo(48);
        assertThat(MeasurementSpoolRecord.MAX_RECORD_BYTES).isEqualTo(90);
        assertThat(MeasurementSpoolRecord.size((byte) 46))
                .as("longer than any canonical IPv6 text")
                .isEqualTo(-1);
        assertThat(MeasurementSpoolRecord.size((byte) -1)).isEqualTo(-1);
    }

    @Test
    void theWriterPutsEveryFieldWhereTheLayoutSays() throws Exception {
        // given
        Map<MeasurementColumn, Long> values = fixedValues();
        Path file = folder.resolve("records.bin");

        // when: an IPv4 row, then an IPv6 row
        int connectionCount = values.get(MeasurementColumn.CONNECTION_NO).intValue() + 1;
        try (MeasurementSpoolOut out = new MeasurementSpoolOut(file, connectionCount)) {
            for (int row = 0; row < 2; row++) {
                out.row(
                        values.get(MeasurementColumn.FILE_NO).intValue(),
                        values.get(MeasurementColumn.LINE),
                        values.get(MeasurementColumn.TS),
                        values.get(MeasurementColumn.COUNTRY_CODE).intValue(),
                        values.get(MeasurementColumn.STATE_CODE).intValue(),
                        values.get(MeasurementColumn.EDGE_POP_NO).intValue(),
                        values.get(MeasurementColumn.RTT_MS),
                        values.get(MeasurementColumn.CONNECTION_NO).intValue(),
                        values.get(MeasurementColumn.PREFIX_NO).intValue());
                if (row == 0) {
                    out.ipv4(0xC0000201L); // 192.0.2.1
                } else {
                    out.ipv6("2001:db8::1");
                }
            }
        }

        // then: one chunk, of the last bucket, and each field read back at its declared offset and width
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int recordBytes = MeasurementSpoolRecord.size(MeasurementSpoolRecord.IPV4_TAG)
                + MeasurementSpoolRecord.size((byte) "2001:db8::1".length());
        assertThat(bytes.capacity()).isEqualTo(MeasurementSpoolChunks.HEADER_BYTES + recordBytes);
        assertThat(bytes.getInt(0)).as("bucket").isEqualTo(MeasurementSpoolChunks.MAX_BUCKETS - 1);
        assertThat(bytes.getInt(Integer.BYTES)).as("record bytes").isEqualTo(recordBytes);
        int start = MeasurementSpoolChunks.HEADER_BYTES;
        for (int row = 0; row < 2; row++) {
            int offset = start;
            for (MeasurementSpoolRecord.Field field : MeasurementSpoolRecord.FIXED_FIELDS) {
                assertThat(read(bytes, offset, field.bytes()))
                        .as("row %d, %s", row, field.column())
                        .isEqualTo(values.get(field.column()));
                offset += field.bytes();
            }
            assertThat(offset - start).isEqualTo(MeasurementSpoolRecord.FIXED_BYTES - 1);
            byte tag = bytes.get(offset);
            if (row == 0) {
                assertThat(tag).isEqualTo(MeasurementSpoolRecord.IPV4_TAG);
                assertThat(bytes.getInt(offset + 1)).isEqualTo(0xC0000201);
            } else {
                assertThat(new String(bytes.array(), offset + 1, tag, StandardCharsets.US_ASCII))
                        .isEqualTo("2001:db8::1");
            }
            start += MeasurementSpoolRecord.size(tag);
        }
    }

    @Test
    void theReaderTakesEveryFieldFromWhereTheLayoutSays() throws Exception {
        // given: an IPv4 row and an IPv6 row encoded from the declaration alone, in a file of records only (as
        // releases before the chunks wrote)
        Map<MeasurementColumn, Long> values = fixedValues();
        ByteBuffer records =
                ByteBuffer.allocate(2 * MeasurementSpoolRecord.MAX_RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        byte[] ipv6 = "2001:db8::1".getBytes(StandardCharsets.US_ASCII);
        for (int row = 0; row < 2; row++) {
            for (MeasurementSpoolRecord.Field field : MeasurementSpoolRecord.FIXED_FIELDS) {
                write(records, values.get(field.column()), field.bytes());
            }
            if (row == 0) {
                records.put(MeasurementSpoolRecord.IPV4_TAG).putInt(0xC0000201);
            } else {
                records.put((byte) ipv6.length).put(ipv6);
            }
        }
        Path file = folder.resolve("records.bin");
        Files.write(file, java.util.Arrays.copyOf(records.array(), records.position()));

        // when
        try (BufferAllocator allocator = new RootAllocator();
                MeasurementSpoolReader reader = new MeasurementSpoolReader(allocator, List.of(file), List.of())) {
            assertThat(reader.loadNextBatch()).isTrue();
            VectorSchemaRoot root = reader.getVectorSchemaRoot();

            // then: every column of both rows, looked up by name
            assertThat(root.getRowCount()).isEqualTo(2);
            for (int row = 0; row < 2; row++) {
                for (MeasurementSpoolRecord.Field field : MeasurementSpoolRecord.FIXED_FIELDS) {
                    Object value = root.getVector(field.column().columnName()).getObject(row);
                    long expected = values.get(field.column());
                    if (field.column() == MeasurementColumn.RTT_MS) {
                        assertThat(value).isEqualTo(BigDecimal.valueOf(expected, 6));
                    } else if (field.column() == MeasurementColumn.TS) {
                        assertThat(value).isEqualTo(java.time.LocalDateTime.of(2026, 3, 2, 0, 0, 0, 123_456_000));
                    } else {
                        assertThat(((Number) value).longValue())
                                .as("row %d, %s", row, field.column())
                                .isEqualTo(expected);
                    }
                }
            }
            FieldVector ipv4 = root.getVector(MeasurementColumn.CLIENT_IPV4.columnName());
            FieldVector ipv6Texts = root.getVector(MeasurementColumn.CLIENT_IPV6.columnName());
            assertThat(ipv4.getObject(0)).isEqualTo(0xC0000201);
            assertThat(ipv6Texts.isNull(0)).isTrue();
            assertThat(ipv4.isNull(1)).isTrue();
            assertThat(ipv6Texts.getObject(1).toString()).isEqualTo("2001:db8::1");
            assertThat(reader.loadNextBatch()).isFalse();
        }
    }
}
