package org.peertel.bgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.peertel.bgp.MrtBytes.FLAG_OPTIONAL;
import static org.peertel.bgp.MrtBytes.FLAG_OPTIONAL_TRANSITIVE;
import static org.peertel.bgp.MrtBytes.FLAG_TRANSITIVE;
import static org.peertel.bgp.MrtBytes.attribute;
import static org.peertel.bgp.MrtBytes.concat;
import static org.peertel.bgp.MrtBytes.originAndNextHop;
import static org.peertel.bgp.MrtBytes.segment;
import static org.peertel.bgp.MrtBytes.update;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-built records through the reader and the one-line form, for what the regression files cover thinly: 4-byte
 * ASNs restored from AS4_PATH, ADD-PATH, host bits, MP_REACH with a link-local next hop, the extended timestamp.
 * Addresses and ASNs are from the documentation ranges.
 */
class BgpdumpFormatTest {

    private static final byte[] NO_WITHDRAWALS = {};

    static String dump(byte[]... records) throws IOException {
        StringWriter out = new StringWriter();
        BgpDump.dump(new ByteArrayInputStream(concat(records)), out);
        return out.toString();
    }

    private static byte[] prefix203() {
        return new MrtBytes().u8(24).ip(203, 0, 113).toBytes();
    }

    @Test
    void restoresFourByteAsnsFromAs4PathAndAs4Aggregator() throws IOException {
        assertEquals(
                "BGP4MP|1000|A|192.0.2.1|3333|203.0.113.0/24|3333 196608 1000|IGP|192.0.2.1|0|0||NAG|"
                        + "196608 198.51.100.1|\n",
                dumpFromTwoByteSpeaker(23456));
    }

    @Test
    void ignoresAs4PathWhenTheAggregatorIsNotAsTrans() throws IOException {
        // RFC 6793 4.2.3: an AGGREGATOR other than AS_TRANS means a 2-byte speaker aggregated after the AS4_PATH
        assertEquals(
                "BGP4MP|1000|A|192.0.2.1|3333|203.0.113.0/24|3333 23456 1000|IGP|192.0.2.1|0|0||NAG|"
                        + "64511 198.51.100.1|\n",
                dumpFromTwoByteSpeaker(64511));
    }

    /**
     * An update of a 2-byte speaker: AS_PATH 3333 23456 1000 with AS4_PATH 196608 1000, AGGREGATOR {@code
     * aggregatorAs} with AS4_AGGREGATOR 196608.
     */
    private static String dumpFromTwoByteSpeaker(int aggregatorAs) throws IOException {
        byte[] attributes = concat(
                originAndNextHop(),
                attribute(FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SEQUENCE, 2, 3333, 23456, 1000)),
                attribute(
                        FLAG_OPTIONAL_TRANSITIVE,
                        PathAttributes.AGGREGATOR,
                        new MrtBytes().u16(aggregatorAs).ip(198, 51, 100, 1).toBytes()),
                attribute(
                        FLAG_OPTIONAL_TRANSITIVE,
                        PathAttributes.AS4_PATH,
                        segment(AsPath.AS_SEQUENCE, 4, 196608, 1000)),
                attribute(
                        FLAG_OPTIONAL_TRANSITIVE,
                        PathAttributes.AS4_AGGREGATOR,
                        new MrtBytes().u32(196608).ip(198, 51, 100, 1).toBytes()));
        byte[] body = MrtBytes.bgp4mpIpv4(2, 3333, update(NO_WITHDRAWALS, attributes, prefix203()));
        return dump(MrtBytes.record(1000, MrtTypes.BGP4MP, MrtTypes.BGP4MP_MESSAGE, body));
    }

    @Test
    void writesAddPathIdsAfterThePrefix() throws IOException {
        byte[] withdrawn = new MrtBytes().u32(7).u8(24).ip(198, 51, 100).toBytes();
        byte[] nlri = new MrtBytes().u32(42).u8(24).ip(203, 0, 113).toBytes();
        byte[] attributes = concat(
                originAndNextHop(),
                attribute(FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SEQUENCE, 4, 4200000000L, 65001)),
                attribute(
                        FLAG_TRANSITIVE,
                        PathAttributes.LOCAL_PREF,
                        new MrtBytes().u32(100).toBytes()),
                attribute(
                        FLAG_OPTIONAL,
                        PathAttributes.MULTI_EXIT_DISC,
                        new MrtBytes().u32(3000000000L).toBytes()));
        byte[] body = MrtBytes.bgp4mpIpv4(4, 4200000000L, update(withdrawn, attributes, nlri));

        String text = dump(MrtBytes.record(1000, MrtTypes.BGP4MP, MrtTypes.BGP4MP_MESSAGE_AS4_ADDPATH, body));

        assertEquals(
                "BGP4MP_AP|1000|W|192.0.2.1|4200000000|198.51.100.0/24|7\n"
                        + "BGP4MP_AP|1000|A|192.0.2.1|4200000000|203.0.113.0/24|42|4200000000 65001|IGP|192.0.2.1|100|"
                        + "3000000000||NAG||\n",
                text);
    }

    @Test
    void clearsHostBitsOfAPrefix() throws IOException {
        // 11.13.0.0/13 as written has host bits set; the prefix is 11.8.0.0/13 (bgpdump's fix 8f067c8b)
        byte[] nlri = new MrtBytes().u8(13).ip(11, 13).toBytes();
        byte[] attributes = concat(
                originAndNextHop(),
                attribute(FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SEQUENCE, 2, 7018, 51044)));
        byte[] body = MrtBytes.bgp4mpIpv4(2, 7018, update(NO_WITHDRAWALS, attributes, nlri));

        String text = dump(MrtBytes.record(1289168632, MrtTypes.BGP4MP, MrtTypes.BGP4MP_MESSAGE, body));

        assertEquals("BGP4MP|1289168632|A|192.0.2.1|7018|11.8.0.0/13|7018 51044|IGP|192.0.2.1|0|0||NAG||\n", text);
    }

    @Test
    void writesIpv6FromMpReachWithTheGlobalOfALinkLocalNextHop() throws IOException {
        byte[] reach = new MrtBytes()
                .u16(MrtTypes.AFI_IP6)
                .u8(MrtTypes.SAFI_UNICAST)
                .u8(32)
                .ip(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
                .ip(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
                .u8(0) // no SNPA
                .u8(32)
                .ip(0x20, 0x01, 0x0d, 0xb8)
                .toBytes();
        byte[] unreach = new MrtBytes()
                .u16(MrtTypes.AFI_IP6)
                .u8(MrtTypes.SAFI_UNICAST)
                .u8(48)
                .ip(0x20, 0x01, 0x0d, 0xb8, 0, 1)
                .toBytes();
        byte[] attributes = concat(
                attribute(FLAG_TRANSITIVE, PathAttributes.ORIGIN, new byte[] {2}),
                attribute(FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SEQUENCE, 4, 65001)),
                attribute(
                        FLAG_OPTIONAL_TRANSITIVE,
                        PathAttributes.COMMUNITIES,
                        new MrtBytes().u16(65001).u16(100).u32(0xFFFFFF01L).toBytes()),
                attribute(FLAG_TRANSITIVE, PathAttributes.ATOMIC_AGGREGATE, new byte[0]),
                attribute(FLAG_OPTIONAL, PathAttributes.MP_REACH_NLRI, reach),
                attribute(FLAG_OPTIONAL, PathAttributes.MP_UNREACH_NLRI, unreach));
        byte[] body = MrtBytes.bgp4mpIpv4(4, 65001, update(NO_WITHDRAWALS, attributes, new byte[0]));

        String text = dump(MrtBytes.record(1000, MrtTypes.BGP4MP, MrtTypes.BGP4MP_MESSAGE_AS4, body));

        assertEquals(
                "BGP4MP|1000|W|192.0.2.1|65001|2001:db8:1::/48\n"
                        + "BGP4MP|1000|A|192.0.2.1|65001|2001:db8::/32|65001|INCOMPLETE|2001:db8::1|0|0|"
                        + "65001:100 no-export|AG||\n",
                text);
    }

    @Test
    void writesMicrosecondsOfTheExtendedHeader() throws IOException {
        byte[] body = new MrtBytes()
                .u16(3856)
                .u16(64500)
                .u16(0)
                .u16(MrtTypes.AFI_IP)
                .ip(192, 0, 2, 1)
                .ip(192, 0, 2, 254)
                .u16(1)
                .u16(2)
                .toBytes();

        String text = dump(MrtBytes.extendedRecord(1445565678, 42, MrtTypes.BGP4MP_STATE_CHANGE, body));

        assertEquals("BGP4MP_ET|1445565678.000042|STATE|192.0.2.1|3856|1|2\n", text);
    }

    @Test
    void leavesOutTheNextHopColumnsOfAnMpReachWithoutANextHop() throws IOException {
        // bgpdump's quirk, kept so that the text equals its own: with a next hop of none of 4, 16 and 32 bytes, an
        // IPv4 MP_REACH row has no next_hop, local_pref and med columns (here multicast, SAFI 2, next-hop length 0)
        byte[] reach = new MrtBytes()
                .u16(MrtTypes.AFI_IP)
                .u8(MrtTypes.SAFI_MULTICAST)
                .u8(0)
                .u8(0) // no SNPA
                .u8(16)
                .ip(198, 51)
                .toBytes();
        byte[] attributes = concat(
                attribute(FLAG_TRANSITIVE, PathAttributes.ORIGIN, new byte[] {0}),
                attribute(FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SEQUENCE, 2, 64496)),
                attribute(FLAG_OPTIONAL, PathAttributes.MP_REACH_NLRI, reach));
        byte[] body = MrtBytes.bgp4mpIpv4(2, 64496, update(NO_WITHDRAWALS, attributes, new byte[0]));

        String text = dump(MrtBytes.record(1000, MrtTypes.BGP4MP, MrtTypes.BGP4MP_MESSAGE, body));

        assertEquals("BGP4MP|1000|A|192.0.2.1|64496|198.51.0.0/16|64496|IGP||NAG||\n", text);
    }

    @Test
    void writesOneRowPerPeerOfAnAddPathRibRecord() throws IOException {
        byte[] peers = new MrtBytes()
                .ip(192, 0, 2, 254) // collector's BGP id
                .u16(0) // no view name
                .u16(2)
                .u8(0x02) // IPv4 address, 4-byte ASN
                .ip(192, 0, 2, 1)
                .ip(192, 0, 2, 1)
                .u32(4200000000L)
                .u8(0x03) // IPv6 address, 4-byte ASN
                .ip(192, 0, 2, 2)
                .ip(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2)
                .u32(64497)
                .toBytes();
        byte[] routeAttributes = concat(
                originAndNextHop(),
                attribute(FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SEQUENCE, 4, 64496)));
        byte[] rib = new MrtBytes()
                .u32(0) // sequence
                .u8(24)
                .ip(203, 0, 113)
                .u16(2)
                .u16(1) // peer 1
                .u32(900) // originated
                .u32(5) // path id
                .u16(routeAttributes.length)
                .bytes(routeAttributes)
                .u16(0) // peer 0
                .u32(900)
                .u32(6)
                .u16(routeAttributes.length)
                .bytes(routeAttributes)
                .toBytes();

        String text = dump(
                MrtBytes.record(1000, MrtTypes.TABLE_DUMP_V2, MrtTypes.PEER_INDEX_TABLE, peers),
                MrtBytes.record(1000, MrtTypes.TABLE_DUMP_V2, MrtTypes.RIB_IPV4_UNICAST_ADDPATH, rib),
                // the same route as a multicast RIB record: bgpdump writes no line for it
                MrtBytes.record(1000, MrtTypes.TABLE_DUMP_V2, MrtTypes.RIB_IPV4_MULTICAST_ADDPATH, rib));

        assertEquals(
                "TABLE_DUMP2_AP|1000|B|2001:db8::2|64497|203.0.113.0/24|5|64496|IGP|192.0.2.1|0|0||NAG||\n"
                        + "TABLE_DUMP2_AP|1000|B|192.0.2.1|4200000000|203.0.113.0/24|6|64496|IGP|192.0.2.1|0|0||NAG||\n",
                text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "received, 16, 1, BGP4MP|1000",
        "sent by the collector, 16, 6, BGP4MP_LOCAL|1000",
        "received with the extended header, 17, 1, BGP4MP_ET|1000.000250",
        "sent with the extended header, 17, 6, BGP4MP_ET_LOCAL|1000.000250"
    })
    void namesTheKindOfMessageInTheFirstField(String description, int type, int subtype, String start)
            throws IOException {
        byte[] attributes = concat(
                originAndNextHop(),
                attribute(FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SEQUENCE, 2, 64496)));
        byte[] body = MrtBytes.bgp4mpIpv4(2, 64496, update(NO_WITHDRAWALS, attributes, prefix203()));
        byte[] record = type == MrtTypes.BGP4MP_ET
                ? MrtBytes.extendedRecord(1000, 250, subtype, body)
                : MrtBytes.record(1000, type, subtype, body);

        assertEquals(start + "|A|192.0.2.1|64496|203.0.113.0/24|64496|IGP|192.0.2.1|0|0||NAG||\n", dump(record));
    }

    @Test
    void writesAnIpv6RouteOfAVersionOneTableDump() throws IOException {
        byte[] reach = new MrtBytes()
                .u16(MrtTypes.AFI_IP6)
                .u8(MrtTypes.SAFI_UNICAST)
                .u8(16)
                .ip(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
                .u8(0) // no SNPA, no NLRI: the prefix is the record's
                .toBytes();
        byte[] attributes = concat(
                attribute(FLAG_TRANSITIVE, PathAttributes.ORIGIN, new byte[] {1}),
                attribute(FLAG_TRANSITIVE, PathAttributes.AS_PATH, segment(AsPath.AS_SEQUENCE, 2, 64496, 64511)),
                attribute(
                        FLAG_OPTIONAL,
                        PathAttributes.MULTI_EXIT_DISC,
                        new MrtBytes().u32(50).toBytes()),
                attribute(FLAG_OPTIONAL, PathAttributes.MP_REACH_NLRI, reach));
        byte[] body = new MrtBytes()
                .u16(0) // view
                .u16(1) // sequence
                .ip(0x20, 0x01, 0x0d, 0xb8, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                .u8(40)
                .u8(1) // status
                .u32(900) // originated
                .ip(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
                .u16(64496)
                .u16(attributes.length)
                .bytes(attributes)
                .toBytes();

        String text = dump(MrtBytes.record(1000, MrtTypes.TABLE_DUMP, MrtTypes.TABLE_DUMP_AFI_IP6, body));

        assertEquals(
                "TABLE_DUMP|1000|B|2001:db8::1|64496|2001:db8:100::/40|64496 64511|EGP|2001:db8::1|0|50||NAG||\n",
                text);
    }
}
