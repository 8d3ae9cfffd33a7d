package org.peertel.bgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hand-made MRT update file for tests of other packages: BGP4MP updates (4-byte ASNs) of IPv4 prefixes, each from
 * the peer 192.0.2.1 with its own AS number (a peer is its address and AS), in the order they are added.
 */
public final class MrtUpdateFile {

    private final ByteArrayOutputStream records = new ByteArrayOutputStream();

    /** {@code prefix} announced at {@code seconds} (Unix time) by the peer {@code peerAs} with {@code path}. */
    public MrtUpdateFile announce(long seconds, long peerAs, String prefix, long... path) {
        byte[] attributes = MrtBytes.concat(
                MrtBytes.originAndNextHop(),
                MrtBytes.attribute(
                        MrtBytes.FLAG_TRANSITIVE,
                        PathAttributes.AS_PATH,
                        MrtBytes.segment(AsPath.AS_SEQUENCE, 4, path)));
        return add(seconds, peerAs, MrtBytes.update(new byte[0], attributes, nlri(prefix)));
    }

    /** {@code prefix} withdrawn at {@code seconds} by the peer {@code peerAs}. */
    public MrtUpdateFile withdraw(long seconds, long peerAs, String prefix) {
        return add(seconds, peerAs, MrtBytes.update(nlri(prefix), new byte[0], new byte[0]));
    }

    public void write(Path file) throws IOException {
        Files.write(file, records.toByteArray());
    }

    private MrtUpdateFile add(long seconds, long peerAs, byte[] update) {
        byte[] body = MrtBytes.bgp4mpIpv4(4, peerAs, update);
        records.writeBytes(MrtBytes.record(seconds, MrtTypes.BGP4MP, MrtTypes.BGP4MP_MESSAGE_AS4, body));
        return this;
    }

    /** An IPv4 prefix as NLRI: its length, then the octets it covers. */
    private static byte[] nlri(String prefix) {
        String[] parts = prefix.split("/");
        int length = Integer.parseInt(parts[1]);
        String[] octets = parts[0].split("\\.");
        MrtBytes bytes = new MrtBytes().u8(length);
        for (int i = 0; i < (length + 7) / 8; i++) {
            bytes.u8(Integer.parseInt(octets[i]));
        }
        return bytes.toBytes();
    }
}
