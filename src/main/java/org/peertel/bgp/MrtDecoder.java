package org.peertel.bgp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes framed MRT records into entries: BGP4MP(_ET) messages and state changes, TABLE_DUMP routes and
 * TABLE_DUMP_V2 peer index tables and RIB records. It keeps the last PEER_INDEX_TABLE, which the RIB records after
 * it refer to, so one decoder reads one file.
 *
 * <p>A record it cannot decode is skipped and counted in the report with its reason; reading goes on with the next
 * record, as bgpdump does.
 */
public final class MrtDecoder {

    private static final int BGP_MARKER_BYTES = 16;
    private static final int BGP_HEADER_BYTES = 19; // marker, length, type
    private static final int BGP_OPEN = 1;
    private static final int BGP_UPDATE = 2;
    private static final int BGP_NOTIFICATION = 3;
    private static final int BGP_KEEPALIVE = 4;
    private static final int ZEBRA_MISSING_ADDRESSES = 0xFFFF;

    private final MrtReadReport report;
    private PeerIndexTable peers;

    public MrtDecoder(MrtReadReport report) {
        this.report = report;
    }

    /** The record's entry, or null when it was skipped (the report counts why). */
    public MrtEntry decode(MrtRecord record) {
        ByteCursor body = new ByteCursor(record.body());
        MrtEntry entry = switch (record.type()) {
            case MrtTypes.BGP4MP, MrtTypes.BGP4MP_ET -> bgp4mp(record, body);
            case MrtTypes.TABLE_DUMP -> tableDump(record, body);
            case MrtTypes.TABLE_DUMP_V2 -> tableDumpV2(record, body);
            default -> skip(MrtProblem.UNSUPPORTED_RECORD);
        };
        if (entry != null) {
            report.decodedOne();
            if (body.overran()) {
                report.problem(MrtProblem.INNER_LENGTH_OVERRUN);
            }
        }
        return entry;
    }

    private MrtEntry skip(MrtProblem problem) {
        report.problem(problem);
        return null;
    }

    private MrtEntry bgp4mp(MrtRecord record, ByteCursor body) {
        return switch (record.subtype()) {
            case MrtTypes.BGP4MP_STATE_CHANGE -> stateChange(record, body, 2);
            case MrtTypes.BGP4MP_STATE_CHANGE_AS4 -> stateChange(record, body, 4);
            case MrtTypes.BGP4MP_MESSAGE,
                    MrtTypes.BGP4MP_MESSAGE_LOCAL,
                    MrtTypes.BGP4MP_MESSAGE_ADDPATH,
                    MrtTypes.BGP4MP_MESSAGE_LOCAL_ADDPATH -> message(record, body, 2);
            case MrtTypes.BGP4MP_MESSAGE_AS4,
                    MrtTypes.BGP4MP_MESSAGE_AS4_LOCAL,
                    MrtTypes.BGP4MP_MESSAGE_AS4_ADDPATH,
                    MrtTypes.BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH -> message(record, body, 4);
            default -> skip(MrtProblem.UNSUPPORTED_RECORD);
        };
    }

    private static long asn(ByteCursor cursor, int asnBytes) {
        return asnBytes == 4 ? cursor.u32() : cursor.u16();
    }

    private MrtEntry stateChange(MrtRecord record, ByteCursor body, int asnBytes) {
        long peerAs = asn(body, asnBytes);
        asn(body, asnBytes); // the collector's own ASN
        if (record.body().length == 8) {
            // old Zebra wrote state changes without interface, family and addresses
            return new BgpStateChange(record, false, new byte[4], peerAs, body.u16(), body.u16());
        }
        body.u16(); // interface index
        int afi = body.u16();
        int addressBytes;
        if (afi == MrtTypes.AFI_IP) {
            addressBytes = 4;
        } else if (afi == MrtTypes.AFI_IP6) {
            addressBytes = 16;
        } else {
            return skip(MrtProblem.MALFORMED_STATE_CHANGE);
        }
        int expectedLength = 2 * asnBytes + 4 + 2 * addressBytes + 4;
        if (record.body().length != expectedLength) {
            return skip(MrtProblem.MALFORMED_STATE_CHANGE);
        }
        byte[] peerAddress = body.bytes(addressBytes);
        body.skip(addressBytes); // the collector's address
        return new BgpStateChange(record, afi == MrtTypes.AFI_IP6, peerAddress, peerAs, body.u16(), body.u16());
    }

    private MrtEntry message(MrtRecord record, ByteCursor body, int asnBytes) {
        int subtype = record.subtype();
        boolean local = subtype == MrtTypes.BGP4MP_MESSAGE_LOCAL
                || subtype == MrtTypes.BGP4MP_MESSAGE_AS4_LOCAL
                || subtype == MrtTypes.BGP4MP_MESSAGE_LOCAL_ADDPATH
                || subtype == MrtTypes.BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH;
        boolean addPath = subtype >= MrtTypes.BGP4MP_MESSAGE_ADDPATH;
        // the first ASN and address are the peer's: the sender of a received message, the receiver of a sent one
        long peerAs = asn(body, asnBytes);
        asn(body, asnBytes);
        int interfaceIndex = body.u16();
        int afi = body.u16();
        boolean ipv6 = afi == MrtTypes.AFI_IP6;
        byte[] peerAddress;
        byte[] marker;
        if (afi == MrtTypes.AFI_IP || afi == MrtTypes.AFI_IP6) {
            int addressBytes = ipv6 ? 16 : 4;
            peerAddress = body.bytes(addressBytes);
            body.skip(addressBytes);
            marker = body.bytes(BGP_MARKER_BYTES);
        } else if (afi == ZEBRA_MISSING_ADDRESSES && interfaceIndex == ZEBRA_MISSING_ADDRESSES) {
            // old Zebra wrote OPENs without interface, family and addresses: those 4 bytes are the marker's start
            peerAddress = new byte[4];
            marker = new byte[BGP_MARKER_BYTES];
            System.arraycopy(new byte[] {-1, -1, -1, -1}, 0, marker, 0, 4);
            System.arraycopy(body.bytes(BGP_MARKER_BYTES - 4), 0, marker, 4, BGP_MARKER_BYTES - 4);
        } else {
            return skip(MrtProblem.MALFORMED_MESSAGE);
        }
        for (byte b : marker) {
            if (b != (byte) 0xFF) {
                return skip(MrtProblem.MALFORMED_MESSAGE);
            }
        }
        ByteCursor message = body.slice(body.u16() - (BGP_HEADER_BYTES - 1));
        int type = message.u8();
        return switch (type) {
            case BGP_UPDATE -> update(record, message, asnBytes, local, addPath, ipv6, peerAddress, peerAs);
            case BGP_OPEN, BGP_NOTIFICATION, BGP_KEEPALIVE -> new BgpOtherMessage(record, type);
            default -> skip(MrtProblem.UNSUPPORTED_MESSAGE);
        };
    }

    private static BgpUpdate update(
            MrtRecord record,
            ByteCursor message,
            int asnBytes,
            boolean local,
            boolean addPath,
            boolean ipv6,
            byte[] peerAddress,
            long peerAs) {
        List<NlriPrefix> withdrawn = NlriReader.readAll(message.slice(message.u16()), false, addPath);
        PathAttributes attributes = PathAttributes.read(message, asnBytes, addPath);
        List<NlriPrefix> announced = NlriReader.readAll(message, false, addPath);
        return new BgpUpdate(record, local, addPath, ipv6, peerAddress, peerAs, withdrawn, attributes, announced);
    }

    private MrtEntry tableDump(MrtRecord record, ByteCursor body) {
        int subtype = record.subtype();
        boolean ipv6 = subtype == MrtTypes.TABLE_DUMP_AFI_IP6 || subtype == MrtTypes.TABLE_DUMP_AFI_IP6_AS4;
        boolean ipv4 = subtype == MrtTypes.TABLE_DUMP_AFI_IP || subtype == MrtTypes.TABLE_DUMP_AFI_IP_AS4;
        if (!ipv4 && !ipv6) {
            return skip(MrtProblem.UNSUPPORTED_RECORD);
        }
        int asnBytes = subtype == MrtTypes.TABLE_DUMP_AFI_IP_AS4 || subtype == MrtTypes.TABLE_DUMP_AFI_IP6_AS4 ? 4 : 2;
        int addressBytes = ipv6 ? 16 : 4;
        body.u16(); // view
        body.u16(); // sequence
        byte[] address = body.bytes(addressBytes);
        int length = body.u8();
        body.u8(); // status
        long originated = body.u32();
        byte[] peerAddress = body.bytes(addressBytes);
        long peerAs = asn(body, asnBytes);
        PathAttributes attributes = PathAttributes.read(body, asnBytes, false);
        NlriPrefix prefix = new NlriPrefix(ipv6, NlriReader.readAddress(new ByteCursor(address), length), length, 0);
        return new TableDumpRoute(record, ipv6, prefix, peerAddress, peerAs, originated, attributes);
    }

    private MrtEntry tableDumpV2(MrtRecord record, ByteCursor body) {
        int subtype = record.subtype();
        return switch (subtype) {
            case MrtTypes.PEER_INDEX_TABLE -> peerIndexTable(record, body);
            case MrtTypes.RIB_IPV4_UNICAST,
                    MrtTypes.RIB_IPV4_MULTICAST,
                    MrtTypes.RIB_IPV4_UNICAST_ADDPATH,
                    MrtTypes.RIB_IPV4_MULTICAST_ADDPATH -> rib(record, body, false);
            case MrtTypes.RIB_IPV6_UNICAST,
                    MrtTypes.RIB_IPV6_MULTICAST,
                    MrtTypes.RIB_IPV6_UNICAST_ADDPATH,
                    MrtTypes.RIB_IPV6_MULTICAST_ADDPATH -> rib(record, body, true);
            default -> skip(MrtProblem.UNSUPPORTED_RECORD);
        };
    }

    private PeerIndexTable peerIndexTable(MrtRecord record, ByteCursor body) {
        body.bytes(4); // the collector's BGP identifier
        String viewName = new String(body.bytes(body.u16()), StandardCharsets.UTF_8);
        int count = body.u16();
        List<PeerIndexTable.Peer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int peerType = body.u8();
            byte[] bgpId = body.bytes(4);
            boolean ipv6 = (peerType & 0x01) != 0;
            byte[] address = body.bytes(ipv6 ? 16 : 4);
            long as = (peerType & 0x02) != 0 ? body.u32() : body.u16();
            list.add(new PeerIndexTable.Peer(ipv6, address, as, bgpId));
        }
        peers = new PeerIndexTable(record, viewName, List.copyOf(list));
        return peers;
    }

    private MrtEntry rib(MrtRecord record, ByteCursor body, boolean ipv6) {
        int subtype = record.subtype();
        boolean addPath = subtype >= MrtTypes.RIB_IPV4_UNICAST_ADDPATH;
        boolean multicast = subtype == MrtTypes.RIB_IPV4_MULTICAST
                || subtype == MrtTypes.RIB_IPV6_MULTICAST
                || subtype == MrtTypes.RIB_IPV4_MULTICAST_ADDPATH
                || subtype == MrtTypes.RIB_IPV6_MULTICAST_ADDPATH;
        body.u32(); // sequence
        int length = body.u8();
        NlriPrefix prefix = new NlriPrefix(ipv6, NlriReader.readAddress(body, length), length, 0);
        int count = body.u16();
        List<RibRecord.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int peerIndex = body.u16();
            if (peers == null || peerIndex >= peers.peers().size()) {
                return skip(MrtProblem.UNKNOWN_PEER);
            }
            long originated = body.u32();
            long pathId = addPath ? body.u32() : 0;
            PathAttributes attributes = PathAttributes.read(body, 4, addPath);
            entries.add(new RibRecord.Entry(peers.peers().get(peerIndex), originated, pathId, attributes));
        }
        int safi = multicast ? MrtTypes.SAFI_MULTICAST : MrtTypes.SAFI_UNICAST;
        return new RibRecord(record, safi, addPath, prefix, entries);
    }
}
