package org.peertel.bgp;

/** A decoded MRT record: what the reader hands on, one kind per record type. */
public sealed interface MrtEntry
        permits BgpStateChange, BgpUpdate, BgpOtherMessage, TableDumpRoute, PeerIndexTable, RibRecord {

    /** The record it was decoded from (for its timestamp, type and subtype). */
    MrtRecord record();
}
