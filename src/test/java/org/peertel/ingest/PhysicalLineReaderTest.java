package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Line splitting and UTF-8 decoding whatever the chunk sizes of the underlying stream. */
class PhysicalLineReaderTest {

    private static final String TEXT = "\uFEFFhead\r\nä,€,😀\n\nCR\rinside\r\n\r\nlast\r";

    @ParameterizedTest(name = "{0}-byte reads")
    @ValueSource(ints = {1, 2, 3, 7, 1 << 16})
    void splitsAtLfDroppingOneCrAndTheByteOrderMark(int chunkBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (PhysicalLineReader reader = new PhysicalLineReader(new Utf8Reader(chunked(TEXT, chunkBytes), 4))) {
            for (String line = reader.nextLine(); line != null; line = reader.nextLine()) {
                lines.add(line);
                numbers.add(reader.lineNumber());
            }
        }

        assertThat(lines).containsExactly("head", "ä,€,😀", "", "CR\rinside", "", "last");
        assertThat(numbers).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    /** A real stream over the UTF-8 bytes of {@code text} that never returns more than {@code chunkBytes}. */
    private static InputStream chunked(String text, int chunkBytes) {
        return new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, chunkBytes));
            }
        };
    }
}
