package org.peertel.sample;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.peertel.prefix.Prefix;

/**
 * Streams one MRT update dump (RFC 6396) as a route collector writes it: BGP4MP MESSAGE_AS4 records holding BGP
 * UPDATE messages (RFC 4271) and, for sessions that go down or come up, STATE_CHANGE_AS4 records. IPv4 routes sit in
 * the classic withdrawn and NLRI fields, IPv6 routes in MP_REACH_NLRI and MP_UNREACH_NLRI (RFC 4760); the attributes
 * are ORIGIN (IGP), AS_PATH (one AS_SEQUENCE of 4-byte ASNs) and, with IPv4 routes, NEXT_HOP (the peer itself).
 *
 * <p>A file whose name ends in {@code .gz} is gzip-compressed; the gzip header carries modification time 0 and no
 * file name, so the same records always give the same bytes. Records are written in the order given: give them in
 * time order, as a collector does.
 */
final class MrtUpdateWriter implements Closeable {

    /** The collector's own address and AS (RFC 2544 benchmarking space and a 4-byte documentation AS, RFC 5398). */
    static final int COLLECTOR_IPV4 = 198 << 24 | 19 << 16 | 255 << 8 | 254;

    static final long COLLECTOR_ASN = 65551;

    private static final int BGP4MP = 16;
    private static final int STATE_CHANGE_AS4 = 5;
    private static final int MESSAGE_AS4 = 4;
    private static final int AFI_IPV4 = 1;
    private static final int AFI_IPV6 = 2;
    private static final int SAFI_UNICAST = 1;
    private static final int FLAG_TRANSITIVE = 0x40;
    private static final int FLAG_OPTIONAL = 0x80;
    private static final int FLAG_EXTENDED_LENGTH = 0x10;
    private static final int ORIGIN = 1;
    private static final int AS_PATH = 2;
    private static final int NEXT_HOP = 3;
    private static final int MP_REACH = 14;
    private static final int MP_UNREACH = 15;
    private static final int AS_SEQUENCE = 2;
    /** The IPv6 next hop of a peer: 2001:2::/48 (RFC 5180 benchmarking space) with the peer's IPv4 address last. */
    private static final long NEXT_HOP_V6_HIGH = 0x2001_0002_0000_0000L;

    private final OutputStream out;
    private final ByteSink record = new ByteSink();
    private final ByteSink message = new ByteSink();
    private final ByteSink attributes = new ByteSink();
    private final ByteSink part = new ByteSink();
    private long records;

    private MrtUpdateWriter(OutputStream out) {
        this.out = out;
    }

    /** Creates (or replaces) {@code file}, gzip-compressed when its name ends with {@code .gz}. */
    static MrtUpdateWriter open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        OutputStream raw = Files.newOutputStream(file);
        return new MrtUpdateWriter(
                file.getFileName().toString().endsWith(".gz")
                        ? new BufferedOutputStream(new FastGzip(raw), 1 << 16)
                        : new BufferedOutputStream(raw, 1 << 16));
    }

    /** The records written so far. */
    long records() {
        return records;
    }

    /**
     * One UPDATE from {@code peer} announcing {@code prefixes} (either family, or both) with {@code asPath}, the
     * peer's own AS first and the origin last.
     */
    void announce(long seconds, CollectorPeer peer, long[] asPath, List<Prefix> prefixes) throws IOException {
        List<Prefix> ipv4 = family(prefixes, true);
        List<Prefix> ipv6 = family(prefixes, false);
        attributes.reset();
        attribute(FLAG_TRANSITIVE, ORIGIN, part.reset().u8(0));
        part.reset().u8(AS_SEQUENCE).u8(asPath.length);
        for (long asn : asPath) {
            part.u32(asn);
        }
        attribute(FLAG_TRANSITIVE, AS_PATH, part);
        if (!ipv4.isEmpty()) {
            attribute(FLAG_TRANSITIVE, NEXT_HOP, part.reset().u32(peer.ipv4()));
        }
        if (!ipv6.isEmpty()) {
            part.reset()
                    .u16(AFI_IPV6)
                    .u8(SAFI_UNICAST)
                    .u8(16)
                    .u64(NEXT_HOP_V6_HIGH)
                    .u64(peer.ipv4() & 0xFFFFFFFFL);
            part.u8(0); // reserved
            nlri(part, ipv6);
            attribute(FLAG_OPTIONAL, MP_REACH, part);
        }
        update(seconds, peer, List.of(), ipv4);
    }

    /** One UPDATE from {@code peer} withdrawing {@code prefixes} (either family, or both). */
    void withdraw(long seconds, CollectorPeer peer, List<Prefix> prefixes) throws IOException {
        List<Prefix> ipv6 = family(prefixes, false);
        attributes.reset();
        if (!ipv6.isEmpty()) {
            part.reset().u16(AFI_IPV6).u8(SAFI_UNICAST);
            nlri(part, ipv6);
            attribute(FLAG_OPTIONAL, MP_UNREACH, part);
        }
        update(seconds, peer, family(prefixes, true), List.of());
    }

    /** A STATE_CHANGE_AS4 record: {@code peer}'s session went from {@code oldState} to {@code newState} (1 to 6). */
    void stateChange(long seconds, CollectorPeer peer, int oldState, int newState) throws IOException {
        message.reset().u16(oldState).u16(newState);
        writeRecord(seconds, STATE_CHANGE_AS4, peer, message);
    }

    private void update(long seconds, CollectorPeer peer, List<Prefix> withdrawn, List<Prefix> announced)
            throws IOException {
        part.reset();
        nlri(part, withdrawn);
        int withdrawnBytes = part.size();
        message.reset();
        for (int i = 0; i < 16; i++) {
            message.u8(0xFF);
        }
        message.u16(19 + 2 + withdrawnBytes + 2 + attributes.size() + nlriBytes(announced))
                .u8(2)
                .u16(withdrawnBytes)
                .append(part)
                .u16(attributes.size())
                .append(attributes);
        nlri(message, announced);
        writeRecord(seconds, MESSAGE_AS4, peer, message);
    }

    private void writeRecord(long seconds, int subtype, CollectorPeer peer, ByteSink payload) throws IOException {
        int length = 4 + 4 + 2 + 2 + 4 + 4 + payload.size();
        record.reset()
                .u32(seconds)
                .u16(BGP4MP)
                .u16(subtype)
                .u32(length)
                .u32(peer.asn())
                .u32(COLLECTOR_ASN)
                .u16(0) // interface index
                .u16(AFI_IPV4)
                .u32(peer.ipv4())
                .u32(COLLECTOR_IPV4)
                .append(payload);
        out.write(record.bytes(), 0, record.size());
        records++;
    }

    private void attribute(int flags, int type, ByteSink value) {
        if (value.size() > 255) {
            attributes.u8(flags | FLAG_EXTENDED_LENGTH).u8(type).u16(value.size());
        } else {
            attributes.u8(flags).u8(type).u8(value.size());
        }
        attributes.append(value);
    }

    /** Length in bits, then the prefix's significant bytes only (RFC 4271 section 4.3). */
    private static void nlri(ByteSink sink, List<Prefix> prefixes) {
        for (Prefix prefix : prefixes) {
            int length = prefix.length();
            sink.u8(length);
            if (prefix.isIpv4()) {
                int bits = prefix.network().ipv4Bits();
                for (int i = 0; i < (length + 7) / 8; i++) {
                    sink.u8(bits >>> (24 - 8 * i));
                }
            } else {
                for (int i = 0; i < (length + 7) / 8; i++) {
                    long word =
                            i < 8 ? prefix.network().high() : prefix.network().low();
                    sink.u8((int) (word >>> (56 - 8 * (i % 8))));
                }
            }
        }
    }

    private static int nlriBytes(List<Prefix> prefixes) {
        int bytes = 0;
        for (Prefix prefix : prefixes) {
            bytes += 1 + (prefix.length() + 7) / 8;
        }
        return bytes;
    }

    private static List<Prefix> family(List<Prefix> prefixes, boolean ipv4) {
        List<Prefix> of = new ArrayList<>(prefixes.size());
        for (Prefix prefix : prefixes) {
            if (prefix.isIpv4() == ipv4) {
                of.add(prefix);
            }
        }
        return of;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Gzip at {@link Deflater#BEST_SPEED}: a day of millions of updates compresses about three times faster. */
    private static final class FastGzip extends GZIPOutputStream {

        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** A growable big-endian byte buffer, reused for every record (no allocation per update). */
    private static final class ByteSink {

        private byte[] bytes = new byte[256];
        private int size;

        ByteSink reset() {
            size = 0;
            return this;
        }

        ByteSink u8(int value) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) value;
            return this;
        }

        ByteSink u16(int value) {
            return u8(value >>> 8).u8(value);
        }

        ByteSink u32(long value) {
            return u16((int) (value >>> 16) & 0xFFFF).u16((int) value & 0xFFFF);
        }

        ByteSink u64(long value) {
            return u32(value >>> 32).u32(value & 0xFFFFFFFFL);
        }

        ByteSink append(ByteSink other) {
            if (size + other.size > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + other.size));
            }
            System.arraycopy(other.bytes, 0, bytes, size, other.size);
            size += other.size;
            return this;
        }

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }
    }
}
