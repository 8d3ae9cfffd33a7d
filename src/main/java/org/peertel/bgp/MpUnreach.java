package org.peertel.bgp;

import java.util.List;

/** The withdrawals of one MP_UNREACH_NLRI attribute (RFC 4760): address family, subsequent family, prefixes. */
public record MpUnreach(int afi, int safi, List<NlriPrefix> prefixes) {}
