package org.peertel.bgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peertel.bgp.MrtBytes.attribute;
import static org.peertel.bgp.MrtBytes.concat;
import static org.peertel.bgp.MrtBytes.originAndNextHop;
import static org.peertel.bgp.MrtBytes.segment;
import static org.peertel.bgp.MrtBytes.update;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged input never stops the reading with an exception: the records before the damage are written, and the
 * report counts what was left out and why.
 */
class MrtReaderTest {

    private static final String FIRST_LINE =
            "BGP4MP|1000|A|192.0.2.1|64496|203.0.113.0/24|64496|IGP|192.0.2.1|0|0||NAG||\n";

    private static byte[] announcement(long seconds) {
        byte[] attributes = concat(
                originAndNextHop(),
                attribute(MrtBytes.FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SEQUENCE, 4, 64496)));
        byte[] nlri = new MrtBytes().u8(24).ip(203, 0, 113).toBytes();
        byte[] body = MrtBytes.bgp4mpIpv4(4, 64496, update(new byte[0], attributes, nlri));
        return MrtBytes.record(seconds, MrtTypes.BGP4MP, MrtTypes.BGP4MP_MESSAGE_AS4, body);
    }

    private record Result(String text, MrtReadReport report) {}

    private static Result dump(byte[] file) throws IOException {
        StringWriter out = new StringWriter();
        MrtReadReport report = BgpDump.dump(new ByteArrayInputStream(file), out);
        return new Result(out.toString(), report);
    }

    @Test
    void keepsTheRecordsBeforeARecordCutShort() throws IOException {
        byte[] second = announcement(2000);
        Result result = dump(concat(announcement(1000), Arrays.copyOf(second, second.length - 5)));

        assertEquals(FIRST_LINE, result.text());
        assertEquals(1, result.report().records());
        assertEquals(Map.of(MrtProblem.TRUNCATED_RECORD, 1L), result.report().problems());
    }

    @Test
    void keepsTheRecordsBeforeAHeaderCutShort() throws IOException {
        Result result = dump(concat(announcement(1000), new byte[] {0, 0, 7}));

        assertEquals(FIRST_LINE, result.text());
        assertEquals(Map.of(MrtProblem.TRUNCATED_HEADER, 1L), result.report().problems());
    }

    @Test
    void skipsAMessageWithABadMarkerAndReadsOn() throws IOException {
        byte[] bad = announcement(1500);
        bad[12 + 20] = 0; // the first byte of the BGP marker, after the MRT header and the BGP4MP peer fields

        Result result = dump(concat(announcement(1000), bad, announcement(1000)));

        assertEquals(FIRST_LINE + FIRST_LINE, result.text());
        assertEquals(3, result.report().records());
        assertEquals(2, result.report().decoded());
        assertEquals(Map.of(MrtProblem.MALFORMED_MESSAGE, 1L), result.report().problems());
    }

    @Test
    void stopsAtALengthOfZeroAsBgpdumpDoes() throws IOException {
        byte[] empty = MrtBytes.record(1500, MrtTypes.BGP4MP, MrtTypes.BGP4MP_MESSAGE_AS4, new byte[0]);

        Result result = dump(concat(announcement(1000), empty, announcement(2000)));

        assertEquals(FIRST_LINE, result.text());
        assertEquals(Map.of(MrtProblem.BAD_LENGTH, 1L), result.report().problems());
    }

    @Test
    void countsAnAttributeThatRunsPastTheMessage() throws IOException {
        byte[] record = announcement(1000);
        // MRT header 12, BGP4MP peer fields 20, marker 16, length 2, type 1, withdrawn length 2, attributes length 2:
        // then ORIGIN's flags, type and length, set to more than the attributes hold
        record[12 + 20 + 16 + 2 + 1 + 2 + 2 + 2] = (byte) 0xFF;

        Result result = dump(record);

        // the cut attribute and those after it are dropped, the prefix is still announced (as bgpdump does)
        assertEquals(
                "BGP4MP|1000|A|192.0.2.1|64496|203.0.113.0/24||INCOMPLETE|255.255.255.255|0|0||NAG||\n", result.text());
        assertEquals(
                Map.of(MrtProblem.INNER_LENGTH_OVERRUN, 1L), result.report().problems());
    }

    @Test
    void keepsTheRecordsBeforeTheCutOfAGzipFile(@TempDir Path folder) throws IOException {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            for (int i = 0; i < 2000; i++) {
                out.write(
                        announcement(1000 + i * 7919L)); // timestamps that differ, so the file compresses as real ones
            }
        }
        byte[] whole = gzip.toByteArray();
        Path file = folder.resolve("cut.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        StringWriter out = new StringWriter();
        MrtReadReport report;
        try (var in = MrtReader.open(file)) {
            report = BgpDump.dump(in, out);
        }

        long lines = out.toString().lines().count();
        assertTrue(lines > 0 && lines < 2000, lines + " lines; " + report.summary());
        assertEquals(lines, report.records());
        assertEquals(1, report.count(MrtProblem.DAMAGED_STREAM), report.summary());
    }

    private static byte[] bzip2(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsBzip2FilesAndConcatenatedStreams(@TempDir Path folder) throws IOException {
        // two bzip2 streams one after the other, as parallel compressors (pbzip2) write them
        Path file = folder.resolve("updates.bz2");
        Files.write(file, concat(bzip2(announcement(1000)), bzip2(announcement(1000))));

        StringWriter out = new StringWriter();
        MrtReadReport report;
        try (var in = MrtReader.open(file)) {
            report = BgpDump.dump(in, out);
        }

        assertEquals(FIRST_LINE + FIRST_LINE, out.toString());
        assertEquals(Map.of(), report.problems());
    }

    @Test
    void countsACutBzip2FileAsDamaged(@TempDir Path folder) throws IOException {
        byte[] whole = bzip2(concat(announcement(1000), announcement(2000)));
        Path file = Files.write(folder.resolve("cut.bz2"), Arrays.copyOf(whole, whole.length - 10));

        StringWriter out = new StringWriter();
        MrtReadReport report;
        try (var in = MrtReader.open(file)) {
            report = BgpDump.dump(in, out);
        }

        // a bzip2 block is checked as a whole, so the records of a cut block are lost; the reading still ends well
        assertEquals(1, report.count(MrtProblem.DAMAGED_STREAM), report.summary());
        assertEquals(report.records(), out.toString().lines().count());
    }

    @Test
    void skipsARibRecordBeforeAnyPeerIndexTable() throws IOException {
        byte[] rib = new MrtBytes()
                .u32(0)
                .u8(24)
                .ip(203, 0, 113)
                .u16(1)
                .u16(0)
                .u32(900)
                .u16(0)
                .toBytes();

        Result result = dump(concat(
                MrtBytes.record(1000, MrtTypes.TABLE_DUMP_V2, MrtTypes.RIB_IPV4_UNICAST, rib), announcement(1000)));

        assertEquals(FIRST_LINE, result.text());
        assertEquals(Map.of(MrtProblem.UNKNOWN_PEER, 1L), result.report().problems());
    }

    @Test
    void readsAPlainFileWhoseFirstTimestampLooksLikeBzip2(@TempDir Path folder) throws IOException {
        long seconds = 0x425A6801L; // the bytes "BZh" and 1: 2005-04-11T12:05:21Z
        Path file = Files.write(folder.resolve("updates.20050411.1205"), announcement(seconds));

        StringWriter out = new StringWriter();
        MrtReadReport report;
        try (var in = MrtReader.open(file)) {
            report = BgpDump.dump(in, out);
        }

        assertEquals(FIRST_LINE.replace("|1000|", "|" + seconds + "|"), out.toString());
        assertEquals(Map.of(), report.problems());
    }

    @Test
    void neverThrowsOnDamagedRecordsAndAccountsForEachOne() throws IOException {
        byte[] peers = new MrtBytes()
                .ip(192, 0, 2, 254)
                .u16(0)
                .u16(1)
                .u8(0x02)
                .ip(192, 0, 2, 1)
                .ip(192, 0, 2, 1)
                .u32(64496)
                .toBytes();
        byte[] attributes = concat(
                originAndNextHop(),
                attribute(MrtBytes.FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SET, 4, 64496, 64497)));
        byte[] rib = new MrtBytes()
                .u32(0)
                .u8(24)
                .ip(203, 0, 113)
                .u16(1)
                .u16(0)
                .u32(900)
                .u16(attributes.length)
                .bytes(attributes)
                .toBytes();
        byte[] state = new MrtBytes()
                .u16(64496)
                .u16(64500)
                .u16(0)
                .u16(1)
                .ip(192, 0, 2, 1)
                .ip(192, 0, 2, 2)
                .u16(1)
                .u16(2)
                .toBytes();
        MrtRecord[] records = {
            new MrtRecord(1000, 0, MrtTypes.TABLE_DUMP_V2, MrtTypes.PEER_INDEX_TABLE, peers),
            new MrtRecord(1000, 0, MrtTypes.TABLE_DUMP_V2, MrtTypes.RIB_IPV4_UNICAST, rib),
            new MrtRecord(1000, 5, MrtTypes.BGP4MP_ET, MrtTypes.BGP4MP_STATE_CHANGE, state),
            new MrtRecord(
                    1000,
                    0,
                    MrtTypes.BGP4MP,
                    MrtTypes.BGP4MP_MESSAGE_AS4,
                    Arrays.copyOfRange(announcement(1000), 12, announcement(1000).length))
        };
        java.util.Random random = new java.util.Random(6396);
        MrtReadReport report = new MrtReadReport();
        MrtDecoder decoder = new MrtDecoder(report);
        int damaged = 4_000;
        for (int i = 0; i < damaged; i++) {
            MrtRecord original = records[i % records.length];
            byte[] body = original.body().clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                body = Arrays.copyOf(body, random.nextInt(body.length));
            }
            MrtEntry entry = decoder.decode(new MrtRecord(
                    original.seconds(), original.microseconds(), original.type(), original.subtype(), body));
            if (entry != null) {
                BgpdumpFormat.write(entry, new StringBuilder());
            }
        }

        long skipped = report.problems().entrySet().stream()
                .filter(problem -> problem.getKey() != MrtProblem.INNER_LENGTH_OVERRUN)
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertEquals(damaged, report.decoded() + skipped, report.summary());
        assertTrue(skipped > 0 && report.count(MrtProblem.INNER_LENGTH_OVERRUN) > 0, report.summary());
    }
}
