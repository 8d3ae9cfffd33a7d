package org.peertel.bgp;

/** The MRT types and subtypes this reader knows (RFC 6396 section 4, RFC 8050 for the ADD-PATH subtypes). */
final class MrtTypes {

    static final int TABLE_DUMP = 12;
    static final int TABLE_DUMP_V2 = 13;
    static final int BGP4MP = 16;
    static final int BGP4MP_ET = 17;

    // TABLE_DUMP subtypes are address families; 3 and 4 are the 4-byte-ASN variants some tools wrote
    static final int TABLE_DUMP_AFI_IP = 1;
    static final int TABLE_DUMP_AFI_IP6 = 2;
    static final int TABLE_DUMP_AFI_IP_AS4 = 3;
    static final int TABLE_DUMP_AFI_IP6_AS4 = 4;

    static final int PEER_INDEX_TABLE = 1;
    static final int RIB_IPV4_UNICAST = 2;
    static final int RIB_IPV4_MULTICAST = 3;
    static final int RIB_IPV6_UNICAST = 4;
    static final int RIB_IPV6_MULTICAST = 5;
    static final int RIB_IPV4_UNICAST_ADDPATH = 8;
    static final int RIB_IPV4_MULTICAST_ADDPATH = 9;
    static final int RIB_IPV6_UNICAST_ADDPATH = 10;
    static final int RIB_IPV6_MULTICAST_ADDPATH = 11;

    static final int BGP4MP_STATE_CHANGE = 0;
    static final int BGP4MP_MESSAGE = 1;
    static final int BGP4MP_MESSAGE_AS4 = 4;
    static final int BGP4MP_STATE_CHANGE_AS4 = 5;
    static final int BGP4MP_MESSAGE_LOCAL = 6;
    static final int BGP4MP_MESSAGE_AS4_LOCAL = 7;
    static final int BGP4MP_MESSAGE_ADDPATH = 8;
    static final int BGP4MP_MESSAGE_AS4_ADDPATH = 9;
    static final int BGP4MP_MESSAGE_LOCAL_ADDPATH = 10;
    static final int BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH = 11;

    static final int AFI_IP = 1;
    static final int AFI_IP6 = 2;
    static final int SAFI_UNICAST = 1;
    static final int SAFI_MULTICAST = 2;
    static final int SAFI_UNICAST_MULTICAST = 3;

    private MrtTypes() {}
}
