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
 * @param originAsns   the AS numbers allowed to originate them ({@code origin_asns}); empty for none
 */
record SampleConnection(
        String connectionId,
        String customerId,
        String name,
        String partner,
        String country,
        String state,
        List<String> prefixes,
        List<Long> originAsns) {

    SampleConnection {
        prefixes = List.copyOf(prefixes);
        originAsns = List.copyOf(originAsns);
    }

    /** A row without allowed origins. */
    SampleConnection(
            String connectionId,
            String customerId,
            String name,
            String partner,
            String country,
            String state,
            List<String> prefixes) {
        this(connectionId, customerId, name, partner, country, state, prefixes, List.of());
    }

    /** This row with {@code asns} as its allowed origins. */
    SampleConnection withOriginAsns(List<Long> asns) {
        return new SampleConnection(connectionId, customerId, name, partner, country, state, prefixes, asns);
    }

    /** The location as it appears in latency rows: {@code country,state}. */
    String location() {
        return country + "," + state;
    }
}
