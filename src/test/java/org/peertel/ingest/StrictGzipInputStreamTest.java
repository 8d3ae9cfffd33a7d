package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict gzip: what is read, and the reason and offset of everything refused. */
class StrictGzipInputStreamTest {

    private static final byte[] TEXT =
            "timestamp,client_ip\n2026-11-19T10:00:00Z,192.0.2.1\n".repeat(50).getBytes(StandardCharsets.UTF_8);

    @Test
    void readsEveryMemberOfAStreamAndTheOptionalHeaderFields() throws IOException {
        byte[] first = Arrays.copyOf(TEXT, 100);
        byte[] second = Arrays.copyOfRange(TEXT, 100, TEXT.length);
        byte[] stream = concat(member(first, 0), member(second, 2 | 4 | 8 | 16), member(new byte[0], 0));

        assertThat(read(stream)).isEqualTo(TEXT);
        assertThat(read(DayFolder.gzip(TEXT))).as("java.util.zip output").isEqualTo(TEXT);
    }

    @Test
    void anEmptyInputIsAnEmptyStream() throws IOException {
        assertThat(read(new byte[0])).isEmpty();
    }

    @ParameterizedTest(name = "cut after {0} bytes")
    @ValueSource(ints = {1, 2, 9, 10, 12, 20, 30, -9, -8, -4, -1})
    void aStreamCutAnywhereInsideAMemberIsTruncated(int cut) {
        byte[] gzip = member(TEXT, 4 | 8); // 24 header bytes, then more than 20 bytes of deflate data
        assertThat(gzip.length).isGreaterThan(24 + 20 + 8);
        int length = cut > 0 ? cut : gzip.length + cut;

        assertRefused(
                Arrays.copyOf(gzip, length),
                BadFileReason.TRUNCATED_GZIP,
                "truncated gzip data: the file ends at byte " + length + ", inside the gzip member that starts at "
                        + "byte 0");
    }

    @Test
    void aSecondMemberCutShortIsTruncatedAtItsOwnStart() {
        byte[] first = member(TEXT, 0);
        byte[] stream = concat(first, Arrays.copyOf(member(TEXT, 0), 30));

        assertRefused(
                stream,
                BadFileReason.TRUNCATED_GZIP,
                "the file ends at byte " + stream.length + ", inside the gzip member that starts at byte "
                        + first.length);
    }

    @Test
    void somethingElseThanGzipIsNotGzip() {
        assertRefused(TEXT, BadFileReason.NOT_GZIP, "it does not start with the gzip signature 1f 8b");
        assertRefused(new byte[] {0x1F, 0x00, 1, 2}, BadFileReason.NOT_GZIP, "signature 1f 8b");
        assertRefused(new byte[] {0x42}, BadFileReason.NOT_GZIP, "signature 1f 8b");
    }

    @Test
    void bytesAfterTheLastMemberAreCorrupt() {
        byte[] gzip = member(TEXT, 0);

        for (byte[] tail : new byte[][] {{0}, {0, 0, 0, 0}, "garbage".getBytes(StandardCharsets.UTF_8), {0x1F}}) {
            if (tail.length == 1 && tail[0] == 0x1F) {
                assertRefused(concat(gzip, tail), BadFileReason.TRUNCATED_GZIP, "starts at byte " + gzip.length);
            } else {
                assertRefused(
                        concat(gzip, tail),
                        BadFileReason.CORRUPT_GZIP,
                        "the bytes from byte " + gzip.length
                                + " on, after the last gzip member, are not another gzip member");
            }
        }
    }

    @Test
    void aChecksumALengthAHeaderOrDeflateDataThatDoNotFitAreCorrupt() {
        byte[] gzip = member(TEXT, 2);
        byte[] crc = gzip.clone();
        crc[crc.length - 8] ^= 1;
        byte[] length = gzip.clone();
        length[length.length - 1] ^= 1;
        byte[] headerCrc = gzip.clone();
        headerCrc[10] ^= 1;
        byte[] method = gzip.clone();
        method[2] = 7;
        byte[] flags = gzip.clone();
        flags[3] |= (byte) 0x20;
        byte[] deflate = gzip.clone();
        deflate[12] = (byte) 0xFF; // an invalid block type

        assertRefused(crc, BadFileReason.CORRUPT_GZIP, "the CRC-32 of the decompressed data does not match");
        assertRefused(length, BadFileReason.CORRUPT_GZIP, "the decompressed length does not match");
        assertRefused(headerCrc, BadFileReason.CORRUPT_GZIP, "the header CRC does not match the header");
        assertRefused(method, BadFileReason.CORRUPT_GZIP, "compression method 7 is not deflate (8)");
        assertRefused(flags, BadFileReason.CORRUPT_GZIP, "reserved header flag bits are set");
        assertRefused(deflate, BadFileReason.CORRUPT_GZIP, "invalid deflate data (");
    }

    @Test
    void theSizeLimitRefusesOneByteMoreWithoutInflatingTheRest() throws IOException {
        CountingStream bomb = new CountingStream(DayFolder.gzip(new byte[64 << 20]));

        assertThatThrownBy(() -> new SizeLimitedInputStream(new StrictGzipInputStream(bomb), 1000).readAllBytes())
                .isInstanceOfSatisfying(InputFileProblem.class, problem -> {
                    assertThat(problem.reason()).isEqualTo(BadFileReason.TOO_LARGE);
                    assertThat(problem.getMessage())
                            .isEqualTo("more than 1000 bytes of content "
                                    + "(ingest.max-file-bytes; the decompressed size for .gz files)");
                });
        assertThat(bomb.consumed).as("compressed bytes read").isLessThanOrEqualTo(1 << 16);
        assertThat(read(DayFolder.gzip(new byte[1000]), 1000)).hasSize(1000);
    }

    /** A byte stream that counts what was read from it. */
    private static final class CountingStream extends ByteArrayInputStream {
        long consumed;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            consumed += Math.max(n, 0);
            return n;
        }
    }

    private static void assertRefused(byte[] gzip, BadFileReason reason, String message) {
        assertThatThrownBy(() -> read(gzip)).isInstanceOfSatisfying(InputFileProblem.class, problem -> {
            assertThat(problem.reason()).isEqualTo(reason);
            assertThat(problem.getMessage()).contains(message);
        });
    }

    private static byte[] read(byte[] gzip) throws IOException {
        return read(gzip, Long.MAX_VALUE / 2);
    }

    private static byte[] read(byte[] gzip, long limit) throws IOException {
        try (InputStream in =
                new SizeLimitedInputStream(new StrictGzipInputStream(new ByteArrayInputStream(gzip)), limit)) {
            return in.readAllBytes();
        }
    }

    /** One gzip member of {@code data} with the given header flags (their fields filled in). */
    private static byte[] member(byte[] data, int flags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1F, (byte) 0x8B, 8, (byte) flags, 0, 0, 0, 0, 0, (byte) 255});
        if ((flags & 4) != 0) {
            out.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
        }
        if ((flags & 8) != 0) {
            out.writeBytes("name.csv\0".getBytes(StandardCharsets.ISO_8859_1));
        }
        if ((flags & 16) != 0) {
            out.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        }
        if ((flags & 2) != 0) {
            CRC32 headerCrc = new CRC32();
            headerCrc.update(out.toByteArray());
            int value = (int) headerCrc.getValue();
            out.writeBytes(new byte[] {(byte) value, (byte) (value >>> 8)});
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeInt(out, (int) crc.getValue());
        writeInt(out, data.length);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
