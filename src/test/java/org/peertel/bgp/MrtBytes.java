package org.peertel.bgp;

import java.io.ByteArrayOutputStream;

/** Builds MRT records and BGP messages byte by byte for the tests, big-endian as on the wire. */
final class MrtBytes {

    static final int FLAG_TRANSITIVE = 0x40;
    static final int FLAG_OPTIONAL_TRANSITIVE = 0xC0;
    static final int FLAG_OPTIONAL = 0x80;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MrtBytes u8(int value) {
        bytes.write(value);
        return this;
    }

    MrtBytes u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    MrtBytes u32(long value) {
        return u16((int) (value >>> 16) & 0xFFFF).u16((int) value & 0xFFFF);
    }

    MrtBytes bytes(byte[] value) {
        bytes.writeBytes(value);
        return this;
    }

    MrtBytes ip(int... octets) {
        for (int octet : octets) {
            u8(octet);
        }
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    /** An MRT record: timestamp, type, subtype, length, body. */
    static byte[] record(long seconds, int type, int subtype, byte[] body) {
        return new MrtBytes()
                .u32(seconds)
                .u16(type)
                .u16(subtype)
                .u32(body.length)
                .bytes(body)
                .toBytes();
    }

    /** A BGP4MP_ET record, whose length counts the 4 bytes of microseconds. */
    static byte[] extendedRecord(long seconds, long microseconds, int subtype, byte[] body) {
        return new MrtBytes()
                .u32(seconds)
                .u16(MrtTypes.BGP4MP_ET)
                .u16(subtype)
                .u32(body.length + 4)
                .u32(microseconds)
                .bytes(body)
                .toBytes();
    }

    /** A BGP4MP message body over IPv4 from peer 192.0.2.1 (ASN {@code peerAs}) to the collector 192.0.2.254. */
    static byte[] bgp4mpIpv4(int asnBytes, long peerAs, byte[] bgpMessage) {
        MrtBytes body = new MrtBytes();
        asn(body, asnBytes, peerAs);
        asn(body, asnBytes, 64500);
        return body.u16(0)
                .u16(MrtTypes.AFI_IP)
                .ip(192, 0, 2, 1)
                .ip(192, 0, 2, 254)
                .bytes(bgpMessage)
                .toBytes();
    }

    static void asn(MrtBytes bytes, int asnBytes, long asn) {
        if (asnBytes == 4) {
            bytes.u32(asn);
        } else {
            bytes.u16((int) asn);
        }
    }

    /** A BGP UPDATE message: marker, length, type 2, withdrawn routes, attributes, NLRI. */
    static byte[] update(byte[] withdrawn, byte[] attributes, byte[] nlri) {
        int length = 19 + 2 + withdrawn.length + 2 + attributes.length + nlri.length;
        MrtBytes message = new MrtBytes();
        for (int i = 0; i < 16; i++) {
            message.u8(0xFF);
        }
        return message.u16(length)
                .u8(2)
                .u16(withdrawn.length)
                .bytes(withdrawn)
                .u16(attributes.length)
                .bytes(attributes)
                .bytes(nlri)
                .toBytes();
    }

    /** One path attribute (extended length when the value is over 255 bytes). */
    static byte[] attribute(int flags, int type, byte[] value) {
        MrtBytes attribute = new MrtBytes();
        if (value.length > 255) {
            return attribute
                    .u8(flags | 0x10)
                    .u8(type)
                    .u16(value.length)
                    .bytes(value)
                    .toBytes();
        }
        return attribute.u8(flags).u8(type).u8(value.length).bytes(value).toBytes();
    }

    /** An AS path segment of {@code asnBytes}-byte ASNs. */
    static byte[] segment(int type, int asnBytes, long... asns) {
        MrtBytes segment = new MrtBytes().u8(type).u8(asns.length);
        for (long asn : asns) {
            asn(segment, asnBytes, asn);
        }
        return segment.toBytes();
    }

    /** The ORIGIN IGP and NEXT_HOP 192.0.2.1 attributes, which most test updates need. */
    static byte[] originAndNextHop() {
        return concat(
                attribute(FLAG_TRANSITIVE, PathAttributes.ORIGIN, new byte[] {0}),
                attribute(
                        FLAG_TRANSITIVE,
                        PathAttributes.NEXT_HOP,
                        new MrtBytes().ip(192, 0, 2, 1).toBytes()));
    }

    static byte[] concat(byte[]... parts) {
        MrtBytes all = new MrtBytes();
        for (byte[] part : parts) {
            all.bytes(part);
        }
        return all.toBytes();
    }
}
