package org.peertel.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peertel.geo.Locations;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;
import org.peertel.prefix.PrefixOrder;
import org.peertel.prefix.PrefixTable;
import org.peertel.registry.Connection;
import org.peertel.registry.ConnectionRegistry;

/**
 * Finds the connection that owns a measurement: the longest registered prefix that covers the client address,
 * then, among the connections that registered exactly that prefix, the one at the measurement's location (same
 * country, and same state in the US). There is deliberately no fallback to a shorter prefix: a client inside a
 * more specific block belongs to whoever registered that block, even when its location is wrong.
 * Every possible answer is built when the matcher is, so matching a measurement allocates nothing; the prefixes
 * are looked up in an immutable {@link PrefixTable}, so one matcher serves any number of threads.
 *
 * <p>The owners of every prefix sit in flat arrays (their locations as numbers), not in objects per prefix: with
 * a large registry and clients spread over it, reading owners is a cache miss per object, and that was most of
 * attributeStep's time. {@link #matchNumbers} answers without touching an {@link Attribution} at all.
 */
public final class ConnectionMatcher {

    private static final int NO_LOCATION = -1;
    private static final String UNITED_STATES = "US";
    private static final int US_CODE = Locations.letterCode(UNITED_STATES);
    private static final int CODES = Locations.LETTER_CODES;

    private final PrefixTable table;
    private final int[] ownersStart; // by prefix number: its owners are [ownersStart[p], ownersStart[p + 1])
    private final long[] owners; // location << 32 | connection number, by owner
    private final Attribution[] attributions; // by owner
    private final Attribution[] mismatches; // by prefix number
    /** Locations that are not plain upper-case codes (none in a checked registry), numbered below NO_LOCATION. */
    private final Map<String, Integer> otherLocations = new HashMap<>();

    private final List<String> prefixes; // text of each prefix number
    private final List<String> connectionIds = new ArrayList<>(); // id of each connection number

    /**
     * Numbers the connections in registry order and the distinct prefixes in order of first registration. The
     * registrations are grouped by one sort rather than a hash map: with a million prefixes, the map's entries and
     * the per-prefix objects around them cost more than the {@link PrefixTable} itself.
     */
    public ConnectionMatcher(ConnectionRegistry registry) {
        List<Connection> connections = registry.connections();
        int count = 0;
        for (Connection connection : connections) {
            connectionIds.add(connection.connectionId());
            count += connection.prefixes().size();
        }
        Prefix[] registered = new Prefix[count]; // every registration, in registry order
        int[] connectionOf = new int[count];
        int position = 0;
        for (int connectionNo = 0; connectionNo < connections.size(); connectionNo++) {
            for (Prefix prefix : connections.get(connectionNo).prefixes()) {
                registered[position] = prefix;
                connectionOf[position++] = connectionNo;
            }
        }
        int[] sorted = PrefixOrder.sorted(registered); // equal prefixes together, each group in registry order
        int[] groupOfFirst = new int[count]; // the group whose first registration is at a position, else -1
        Arrays.fill(groupOfFirst, -1);
        int[] groupStart = new int[count + 1];
        int groups = 0;
        for (int k = 0; k < count; k++) {
            if (k == 0 || !registered[sorted[k]].equals(registered[sorted[k - 1]])) {
                groupOfFirst[sorted[k]] = groups;
                groupStart[groups++] = k;
            }
        }
        groupStart[groups] = count;

        ownersStart = new int[groups + 1];
        owners = new long[count];
        attributions = new Attribution[count];
        mismatches = new Attribution[groups];
        String[] texts = new String[groups];
        Prefix[] distinct = new Prefix[groups];
        int prefixNo = 0;
        int owner = 0;
        for (int first = 0; first < count; first++) {
            int group = groupOfFirst[first];
            if (group < 0) {
                continue;
            }
            distinct[prefixNo] = registered[first];
            texts[prefixNo] = registered[first].toString();
            mismatches[prefixNo] =
                    new Attribution(Attribution.Outcome.LOCATION_MISMATCH, null, texts[prefixNo], prefixNo, -1);
            ownersStart[prefixNo] = owner;
            for (int k = groupStart[group]; k < groupStart[group + 1]; k++) {
                int connectionNo = connectionOf[sorted[k]];
                Connection connection = connections.get(connectionNo);
                long location = ownerLocation(connection.country(), connection.state());
                owners[owner] = location << 32 | connectionNo;
                attributions[owner++] = new Attribution(
                        Attribution.Outcome.ATTRIBUTED, connection, texts[prefixNo], prefixNo, connectionNo);
            }
            prefixNo++;
        }
        ownersStart[groups] = owner;
        prefixes = Arrays.asList(texts);
        table = PrefixTable.of(Arrays.asList(distinct));
    }

    /** The canonical text of every registered prefix, by {@link Attribution#prefixNo()}. */
    public List<String> prefixes() {
        return List.copyOf(prefixes);
    }

    /** The id of every connection, by {@link Attribution#connectionNo()} (the registry's order). */
    public List<String> connectionIds() {
        return List.copyOf(connectionIds);
    }

    /**
     * @param country upper-case ISO code of the measurement
     * @param state   upper-case state for US measurements, "" elsewhere
     */
    public Attribution match(IpAddress client, String country, String state) {
        return choose(table.longestMatch(client), country, state);
    }

    /** {@link #match(IpAddress, String, String)} for an IPv4 client given as its 32 bits (for byte-level parsers). */
    public Attribution match(int ipv4Client, String country, String state) {
        return choose(table.longestMatchV4(ipv4Client), country, state);
    }

    /**
     * {@link #match(IpAddress, String, String)} for a client given as its 128-bit key, as {@link IpAddress} holds
     * it (an IPv4-mapped key is an IPv4 client).
     */
    public Attribution matchV6(long clientHigh, long clientLow, String country, String state) {
        return choose(table.longestMatchV6(clientHigh, clientLow), country, state);
    }

    /**
     * {@link #matchV6(long, long, String, String)} as two numbers in one {@code long}, read with
     * {@link #prefixNo(long)} and {@link #connectionNo(long)}: no prefix, a location mismatch (a prefix, no
     * connection) or an attribution.
     */
    public long matchNumbers(long clientHigh, long clientLow, String country, String state) {
        int prefixNo = table.longestMatchV6(clientHigh, clientLow);
        if (prefixNo == PrefixTable.NO_MATCH) {
            return numbers(-1, -1);
        }
        int owner = owner(prefixNo, country, state);
        return numbers(prefixNo, owner < 0 ? -1 : (int) owners[owner]);
    }

    /** The prefix number of an answer of {@link #matchNumbers}, -1 for no prefix. */
    public static int prefixNo(long numbers) {
        return (int) (numbers >> 32);
    }

    /** The connection number of an answer of {@link #matchNumbers}, -1 for none. */
    public static int connectionNo(long numbers) {
        return (int) numbers;
    }

    private static long numbers(int prefixNo, int connectionNo) {
        return (long) prefixNo << 32 | (connectionNo & 0xFFFF_FFFFL);
    }

    private Attribution choose(int prefixNo, String country, String state) {
        if (prefixNo == PrefixTable.NO_MATCH) {
            return Attribution.NO_PREFIX;
        }
        int owner = owner(prefixNo, country, state);
        return owner < 0 ? mismatches[prefixNo] : attributions[owner];
    }

    /** The first owner of the prefix at the measurement's location, or -1. */
    private int owner(int prefixNo, String country, String state) {
        int end = ownersStart[prefixNo + 1];
        int location = measurementLocation(country, state);
        for (int owner = ownersStart[prefixNo]; owner < end; owner++) {
            if ((int) (owners[owner] >> 32) == location) {
                return owner;
            }
        }
        return -1;
    }

    /**
     * A number for a location such that two locations have the same number exactly when they are equal in the
     * matcher's sense: the same country, and in the US the same state. Plain upper-case codes are computed;
     * anything else is numbered in {@link #otherLocations}.
     */
    private int measurementLocation(String country, String state) {
        int location = codeLocation(country, state);
        if (location != NO_LOCATION) {
            return location;
        }
        Integer other = otherLocations.get(otherKey(country, state));
        return other == null ? NO_LOCATION : other;
    }

    private int ownerLocation(String country, String state) {
        int location = codeLocation(country, state);
        return location != NO_LOCATION
                ? location
                : otherLocations.computeIfAbsent(
                        otherKey(country, state), key -> NO_LOCATION - 1 - otherLocations.size());
    }

    private static int codeLocation(String country, String state) {
        int countryCode = Locations.letterCode(country);
        if (countryCode < 0) {
            return NO_LOCATION;
        }
        if (countryCode != US_CODE) {
            return countryCode * (CODES + 1);
        }
        int stateCode = Locations.letterCode(state);
        return stateCode < 0 ? NO_LOCATION : countryCode * (CODES + 1) + 1 + stateCode;
    }

    private static String otherKey(String country, String state) {
        return UNITED_STATES.equals(country) ? country + '\n' + state : country;
    }
}
