package org.peertel.bgp;

import java.util.ArrayList;
import java.util.List;

/** Reads a list of prefixes in the NLRI encoding (RFC 4271 section 4.3), with ADD-PATH path ids (RFC 7911). */
final class NlriReader {

    private static final int ADDRESS_BYTES = 16;

    private NlriReader() {}

    /**
     * All prefixes up to the end of {@code cursor}. A last prefix whose bytes are cut short is dropped, as in
     * bgpdump. Host bits past the prefix length are cleared: bgpdump before its fix 8f067c8b printed them
     * ({@code 11.13.0.0/13}), the fixed form is {@code 11.8.0.0/13}.
     */
    static List<NlriPrefix> readAll(ByteCursor cursor, boolean ipv6, boolean addPath) {
        List<NlriPrefix> prefixes = new ArrayList<>();
        while (cursor.remaining() > 0) {
            long pathId = addPath ? cursor.u32() : 0;
            int length = cursor.u8();
            if (cursor.remaining() < (length + 7) / 8) {
                cursor.markOverrun();
                break;
            }
            prefixes.add(new NlriPrefix(ipv6, readAddress(cursor, length), length, pathId));
        }
        return prefixes;
    }

    /** The {@code ceil(length / 8)} bytes of a prefix of {@code length} bits, host bits cleared, padded to 16. */
    static byte[] readAddress(ByteCursor cursor, int length) {
        int bytes = (length + 7) / 8;
        byte[] address = new byte[ADDRESS_BYTES];
        byte[] read = cursor.bytes(bytes);
        System.arraycopy(read, 0, address, 0, Math.min(bytes, ADDRESS_BYTES));
        if (length % 8 != 0 && bytes <= ADDRESS_BYTES) {
            address[bytes - 1] &= (byte) (0xFF << (8 - length % 8));
        }
        return address;
    }
}
