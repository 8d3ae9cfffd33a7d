package org.peertel.sample;

import java.util.List;

/**
 * One row of the generated connections registry.
 *
 * @param connectionId id of the connection (becomes file names downstream)
 * @param customerId   id of the owning customer
 * @param name         human-readable name
 * @param partner      peering partner / exchange
 * @param country      ISO 3166-1 alpha-2 code
 * @param state        USPS state code for US, empty elsewhere
 * @param prefixes     CIDR blocks in canonical text
 */
record SampleConnection(
        String connectionId,
        String customerId,
        String name,
        String partner,
        String country,
        String state,
        List<String> prefixes) {

    SampleConnection {
        prefixes = List.copyOf(prefixes);
    }

    /** The location as it appears in latency rows: {@code country,state}. */
    String location() {
        return country + "," + state;
    }
}
