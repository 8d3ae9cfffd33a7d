package org.peertel.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;
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
    private static final int US_CODE = code(UNITED_STATES);
    /** Two-letter codes: 26 * 26 of them. */
    private static final int CODES = 26 * 26;

    private final PrefixTable table;
    private final int[] ownersStart; // by prefix number: its owners are [ownersStart[p], ownersStart[p + 1])
    private final long[] owners; // location << 32 | connection number, by owner
    private final Attribution[] attributions; // by owner
    private final Attribution[] mismatches; // by prefix number
    /** Locations that are not plain upper-case codes (none in a checked registry), numbered below NO_LOCATION. */
    private final Map<String, Integer> otherLocations = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>(); // text of each prefix number
    private final List<String> connectionIds = new ArrayList<>(); // id of each connection number

    public ConnectionMatcher(ConnectionRegistry registry) {
        Map<Prefix, Integer> prefixNumbers = new LinkedHashMap<>();
        List<List<Attribution>> ownersByPrefix = new ArrayList<>();
        for (Connection connection : registry.connections()) {
            int connectionNo = connectionIds.size();
            connectionIds.add(connection.connectionId());
            for (Prefix prefix : connection.prefixes()) {
                int prefixNo = prefixNumbers.computeIfAbsent(prefix, p -> {
                    prefixes.add(p.toString());
                    ownersByPrefix.add(new ArrayList<>(1));
                    return prefixes.size() - 1;
                });
                ownersByPrefix.get(prefixNo).add(new Attribution(Attribution.Outcome.ATTRIBUTED, connection,
                        prefixes.get(prefixNo), prefixNo, connectionNo));
            }
        }
        int prefixCount = prefixes.size();
        int ownerCount = ownersByPrefix.stream().mapToInt(List::size).sum();
        ownersStart = new int[prefixCount + 1];
        owners = new long[ownerCount];
        attributions = new Attribution[ownerCount];
        mismatches = new Attribution[prefixCount];
        int owner = 0;
        for (int prefixNo = 0; prefixNo < prefixCount; prefixNo++) {
            ownersStart[prefixNo] = owner;
            mismatches[prefixNo] = new Attribution(Attribution.Outcome.LOCATION_MISMATCH, null,
                    prefixes.get(prefixNo), prefixNo, -1);
            for (Attribution attribution : ownersByPrefix.get(prefixNo)) {
                Connection connection = attribution.connection();
                long location = ownerLocation(connection.country(), connection.state());
                owners[owner] = location << 32 | attribution.connectionNo();
                attributions[owner++] = attribution;
            }
        }
        ownersStart[prefixCount] = owner;
        table = PrefixTable.of(new ArrayList<>(prefixNumbers.keySet()));
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
        return location != NO_LOCATION ? location
                : otherLocations.computeIfAbsent(otherKey(country, state), key -> NO_LOCATION - 1
                        - otherLocations.size());
    }

    private static int codeLocation(String country, String state) {
        int countryCode = code(country);
        if (countryCode < 0) {
            return NO_LOCATION;
        }
        if (countryCode != US_CODE) {
            return countryCode * (CODES + 1);
        }
        int stateCode = code(state);
        return stateCode < 0 ? NO_LOCATION : countryCode * (CODES + 1) + 1 + stateCode;
    }

    private static String otherKey(String country, String state) {
        return UNITED_STATES.equals(country) ? country + '\n' + state : country;
    }

    /** 0..675 for two upper-case ASCII letters, -1 for anything else. */
    private static int code(String text) {
        if (text.length() != 2) {
            return -1;
        }
        int first = text.charAt(0) - 'A';
        int second = text.charAt(1) - 'A';
        return first < 0 || first >= 26 || second < 0 || second >= 26 ? -1 : first * 26 + second;
    }
}
