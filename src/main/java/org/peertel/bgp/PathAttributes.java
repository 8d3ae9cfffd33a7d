package org.peertel.bgp;

import java.util.ArrayList;
import java.util.List;

/**
 * The path attributes of one UPDATE or RIB entry (RFC 4271 section 5, RFC 4760, RFC 6793), the ones bgpdump's
 * one-line form shows. Other attributes are noted as present and skipped. An attribute whose length runs past the
 * attributes is dropped, as in bgpdump.
 */
public final class PathAttributes {

    static final int ORIGIN = 1;
    static final int AS_PATH = 2;
    static final int NEXT_HOP = 3;
    static final int MULTI_EXIT_DISC = 4;
    static final int LOCAL_PREF = 5;
    static final int ATOMIC_AGGREGATE = 6;
    static final int AGGREGATOR = 7;
    static final int COMMUNITIES = 8;
    static final int MP_REACH_NLRI = 14;
    static final int MP_UNREACH_NLRI = 15;
    static final int AS4_PATH = 17;
    static final int AS4_AGGREGATOR = 18;

    /** The 2-byte stand-in for a 4-byte ASN (RFC 6793). */
    static final long AS_TRANS = 23456;

    private static final int EXTENDED_LENGTH = 0x10;

    private long present; // bit (type - 1) for types 1..64
    private int origin = -1;
    private AsPath asPath;
    private AsPath as4Path;
    private byte[] nextHop;
    private long med;
    private long localPref;
    private long aggregatorAs;
    private byte[] aggregatorAddress;
    private long as4AggregatorAs;
    private byte[] as4AggregatorAddress;
    private String communities;
    private final List<MpReach> reach = new ArrayList<>();
    private final List<MpUnreach> unreach = new ArrayList<>();

    private PathAttributes() {}

    /**
     * Reads the 2-byte attributes length and the attributes from {@code cursor}. With 2-byte ASNs an AS4_PATH and
     * AS4_AGGREGATOR are merged into the AS path and aggregator (RFC 6793 section 4.2.3).
     */
    static PathAttributes read(ByteCursor cursor, int asnBytes, boolean addPath) {
        PathAttributes attributes = new PathAttributes();
        ByteCursor all = cursor.slice(cursor.u16());
        while (all.remaining() > 0) {
            attributes.readOne(all, asnBytes, addPath);
        }
        if (asnBytes == 2) {
            attributes.restoreFourByteAsns();
        }
        return attributes;
    }

    private void readOne(ByteCursor all, int asnBytes, boolean addPath) {
        int flags = all.u8();
        int type = all.u8();
        int length = (flags & EXTENDED_LENGTH) != 0 ? all.u16() : all.u8();
        ByteCursor value = all.slice(length);
        if (value.remaining() != length) {
            return; // cut short: dropped
        }
        if (type >= 1 && type <= 64) {
            present |= 1L << (type - 1);
        }
        switch (type) {
            case ORIGIN -> origin = value.u8();
            case AS_PATH -> asPath = AsPath.read(value, asnBytes);
            case NEXT_HOP -> nextHop = value.bytes(4);
            case MULTI_EXIT_DISC -> med = value.u32();
            case LOCAL_PREF -> localPref = value.u32();
            case AGGREGATOR -> {
                aggregatorAs = asnBytes == 4 ? value.u32() : value.u16();
                aggregatorAddress = value.bytes(4);
            }
            case COMMUNITIES -> communities = Communities.read(value);
            case MP_REACH_NLRI -> readReach(value, addPath);
            case MP_UNREACH_NLRI -> readUnreach(value, addPath);
            case AS4_PATH -> as4Path = AsPath.read(value, 4);
            case AS4_AGGREGATOR -> {
                as4AggregatorAs = value.u32();
                as4AggregatorAddress = value.bytes(4);
            }
            default -> {
                // ATOMIC_AGGREGATE has no value; the others are not shown
            }
        }
    }

    private void readReach(ByteCursor value, boolean addPath) {
        if (value.peek() != 0) {
            // the abbreviated form of TABLE_DUMP_V2 RIB entries: next-hop length and next hop only (RFC 6396 4.3.4);
            // an AFI starts with a 0 byte, a next-hop length does not
            if (reach(MrtTypes.AFI_IP6, MrtTypes.SAFI_UNICAST) == null) {
                reach.add(readNextHop(value, MrtTypes.AFI_IP6, MrtTypes.SAFI_UNICAST, List.of()));
            }
            return;
        }
        int afi = value.u16();
        int safi = value.u8();
        if (!known(afi, safi) || reach(afi, safi) != null) {
            return;
        }
        MpReach nextHop = readNextHop(value, afi, safi, List.of());
        int snpas = value.u8(); // SNPAs were dropped by RFC 4760 but may be present
        for (int i = 0; i < snpas; i++) {
            value.skip(value.u8());
        }
        List<NlriPrefix> prefixes = NlriReader.readAll(value, afi == MrtTypes.AFI_IP6, addPath);
        reach.add(new MpReach(afi, safi, nextHop.nextHopLength(), nextHop.nextHop(), prefixes));
    }

    /**
     * The next hop; one of a length other than 4, 16 and 32 is not read, so its bytes are read as what follows, as
     * in bgpdump (some collectors wrote a length of 0 for IPv4 multicast).
     */
    private static MpReach readNextHop(ByteCursor value, int afi, int safi, List<NlriPrefix> prefixes) {
        int length = value.u8();
        byte[] address = switch (length) {
            case 4 -> value.bytes(4);
            case 16 -> value.bytes(16);
            case 32 -> {
                byte[] global = value.bytes(16);
                value.skip(16); // the link-local address
                yield global;
            }
            default -> new byte[0];
        };
        return new MpReach(afi, safi, length, address, prefixes);
    }

    private void readUnreach(ByteCursor value, boolean addPath) {
        int afi = value.u16();
        int safi = value.u8();
        if (!known(afi, safi) || unreach(afi, safi) != null) {
            return;
        }
        unreach.add(new MpUnreach(afi, safi, NlriReader.readAll(value, afi == MrtTypes.AFI_IP6, addPath)));
    }

    private static boolean known(int afi, int safi) {
        return afi >= MrtTypes.AFI_IP
                && afi <= MrtTypes.AFI_IP6
                && safi >= MrtTypes.SAFI_UNICAST
                && safi <= MrtTypes.SAFI_UNICAST_MULTICAST;
    }

    private void restoreFourByteAsns() {
        if (has(AGGREGATOR) && has(AS4_AGGREGATOR)) {
            if (aggregatorAs != AS_TRANS) {
                return; // RFC 6793 4.2.3: then both AS4_AGGREGATOR and AS4_PATH are to be ignored
            }
            aggregatorAs = as4AggregatorAs;
            aggregatorAddress = as4AggregatorAddress;
        }
        if (has(AS4_PATH) && asPath != null && !as4Path.malformed()) {
            asPath = asPath.mergedWith(as4Path);
        }
    }

    /** Whether an attribute of this type code was present (and not cut short). */
    public boolean has(int type) {
        return type >= 1 && type <= 64 && (present & (1L << (type - 1))) != 0;
    }

    /** ORIGIN: 0 IGP, 1 EGP, 2 INCOMPLETE; -1 when absent. */
    public int origin() {
        return origin;
    }

    /** The AS path (with 4-byte ASNs restored from AS4_PATH), or null when absent. */
    public AsPath asPath() {
        return asPath;
    }

    /** NEXT_HOP's 4 bytes, or null when absent. */
    public byte[] nextHop() {
        return nextHop;
    }

    public long med() {
        return med;
    }

    public long localPref() {
        return localPref;
    }

    public long aggregatorAs() {
        return aggregatorAs;
    }

    /** The aggregator's address (4 bytes), or null without AGGREGATOR. */
    public byte[] aggregatorAddress() {
        return aggregatorAddress;
    }

    /** The communities in bgpdump's text, or null without COMMUNITIES. */
    public String communities() {
        return communities;
    }

    /** The MP_REACH_NLRI of one family, or null. */
    public MpReach reach(int afi, int safi) {
        for (MpReach r : reach) {
            if (r.afi() == afi && r.safi() == safi) {
                return r;
            }
        }
        return null;
    }

    /** The MP_UNREACH_NLRI of one family, or null. */
    public MpUnreach unreach(int afi, int safi) {
        for (MpUnreach u : unreach) {
            if (u.afi() == afi && u.safi() == safi) {
                return u;
            }
        }
        return null;
    }
}
