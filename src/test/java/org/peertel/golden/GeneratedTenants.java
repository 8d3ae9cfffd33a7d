package org.peertel.golden;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A random registry (customers with several connections; nested prefixes, within one customer and across
 * customers; geo-redundant connections that register the same prefix at other locations; a customer that never
 * gets data) and a random day of latency rows for it, with the attribution worked out independently of peertel:
 * by brute force over every registered prefix, with {@link BigInteger} arithmetic, straight from the contract's
 * rule (docs/data-contracts.md: longest prefix, then the owner at the row's location, no fallback).
 */
final class GeneratedTenants {

    /** The first day generated; {@link #nextDay} gives the days after it. */
    static final LocalDate DAY = LocalDate.of(2026, 4, 1);

    static final String QUIET_CUSTOMER = "quiet";

    record Location(String country, String state) {
        String text() {
            return state.isEmpty() ? country : country + "/" + state;
        }
    }

    /** An address of {@code bits} (32 or 128) bits. */
    record Address(int bits, BigInteger value) {
        String text() {
            if (bits == 32) {
                long v = value.longValueExact();
                return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
            }
            StringBuilder text = new StringBuilder(); // 8 full groups, no "::": valid, and not peertel's spelling
            for (int group = 7; group >= 0; group--) {
                text.append(Integer.toHexString(value.shiftRight(group * 16).intValue() & 0xffff))
                        .append(group > 0 ? ":" : "");
            }
            return text.toString();
        }
    }

    /** A prefix; {@code network} has its host bits cleared. */
    record Net(int bits, BigInteger network, int length) {
        boolean contains(Address address) {
            return address.bits() == bits
                    && address.value().shiftRight(bits - length).equals(network.shiftRight(bits - length));
        }

        String text() {
            return new Address(bits, network).text() + "/" + length;
        }

        /** A prefix as the reports print it (any valid spelling of the address). */
        static Net parse(String text) {
            String[] parts = text.split("/");
            try {
                byte[] bytes = InetAddress.getByName(parts[0]).getAddress(); // a literal: no DNS lookup
                return new Net(bytes.length * 8, new BigInteger(1, bytes), Integer.parseInt(parts[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(text, e);
            }
        }
    }

    record Conn(String id, String customer, String name, String partner, Location location, List<Net> nets) {}

    /**
     * One latency row; {@code client} is null for a row built to be rejected; {@code drawnFrom} is the customer
     * whose prefix the address was drawn from, if any.
     */
    record Row(String file, String csv, Address client, Location location, String drawnFrom) {}

    /** Where every row went, worked out by brute force. */
    record Expected(
            Map<String, Long> perConnection,
            Map<String, Map<Net, Long>> perConnectionPrefix,
            long attributed,
            long noPrefix,
            long locationMismatch,
            long rejected,
            long rows,
            long toAnotherCustomer,
            long toAGeoRedundantSite) {}

    private static final List<Location> LOCATIONS = List.of(
            new Location("DE", ""),
            new Location("FR", ""),
            new Location("GB", ""),
            new Location("NL", ""),
            new Location("JP", ""),
            new Location("US", "VA"),
            new Location("US", "CA"),
            new Location("US", "NY"));
    private static final BigInteger V4_BASE = BigInteger.valueOf(20L << 24); // 20.0.0.0/14
    private static final BigInteger V6_BASE = BigInteger.valueOf(0x20010db8L).shiftLeft(96); // 2001:db8::/32
    static final List<String> FILES = List.of("edge-a.csv", "edge-b.csv.gz", "edge-c.csv");

    final List<Conn> connections = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    final LocalDate day;
    private final Random random;

    private GeneratedTenants(long seed, LocalDate day) {
        this.random = new Random(seed);
        this.day = day;
    }

    static GeneratedTenants generate(long seed, int rowCount) {
        GeneratedTenants tenants = new GeneratedTenants(seed, DAY);
        tenants.generateRegistry();
        for (int i = 0; i < rowCount; i++) {
            tenants.rows.add(tenants.randomRow());
        }
        return tenants;
    }

    /**
     * The next day under a changed registry: one connection moved to another customer (renamed, another partner),
     * one connection removed, the rest as they were; {@code rowCount} new rows for the new registry. The moved
     * connection is one whose prefixes no other connection registers, so that the registry stays valid.
     */
    GeneratedTenants nextDay(int rowCount) {
        GeneratedTenants next = new GeneratedTenants(random.nextLong(), day.plusDays(1));
        List<Conn> movable = connections.stream()
                .filter(c -> !c.customer().equals(QUIET_CUSTOMER))
                .filter(c -> connections.stream()
                        .filter(other -> other != c)
                        .noneMatch(other -> other.nets().stream().anyMatch(c.nets()::contains)))
                .toList();
        List<String> customers = connections.stream()
                .map(Conn::customer)
                .filter(customer -> !customer.equals(QUIET_CUSTOMER))
                .distinct()
                .toList();
        Conn moved = movable.isEmpty() ? null : next.pick(movable);
        List<String> others = moved == null
                ? List.of()
                : customers.stream().filter(c -> !c.equals(moved.customer())).toList();
        List<Conn> removable = connections.stream()
                .filter(c -> c != moved && !c.customer().equals(QUIET_CUSTOMER))
                .toList();
        Conn removed = removable.size() > 1 ? next.pick(removable) : null;
        for (Conn c : connections) {
            if (c == removed) {
                continue;
            }
            if (c == moved && !others.isEmpty()) {
                String customer = next.pick(others);
                next.connections.add(
                        new Conn(c.id(), customer, "Moved " + c.id(), "IX " + customer, c.location(), c.nets()));
            } else {
                next.connections.add(c);
            }
        }
        for (int i = 0; i < rowCount; i++) {
            next.rows.add(next.randomRow());
        }
        return next;
    }

    /** The connections of this day whose customer differs from the same id's in {@code before}. */
    List<Conn> movedSince(GeneratedTenants before) {
        Map<String, String> owner = new HashMap<>();
        before.connections.forEach(c -> owner.put(c.id(), c.customer()));
        return connections.stream()
                .filter(c -> owner.containsKey(c.id()) && !owner.get(c.id()).equals(c.customer()))
                .toList();
    }

    private void generateRegistry() {
        int customers = 2 + random.nextInt(4);
        for (int c = 1; c <= customers; c++) {
            String customer = "cust" + c;
            int count = 1 + random.nextInt(4);
            for (int k = 1; k <= count; k++) {
                addConnection(customer, customer + "-" + k, pick(LOCATIONS), List.of());
            }
            if (random.nextInt(100) < 60) {
                // a geo-redundant site: the same prefixes as one of the customer's connections, elsewhere
                Conn twin = pick(connections.stream()
                        .filter(x -> x.customer().equals(customer))
                        .toList());
                addConnection(customer, customer + "-geo", pick(LOCATIONS), twin.nets());
            }
        }
        // a customer whose prefixes no row ever comes from: its report lists its connections with 0 samples
        for (int k = 1; k <= 2; k++) {
            Net net = new Net(32, BigInteger.valueOf((21L << 24) | ((long) k << 8)), 24); // 21.0.k.0/24
            connections.add(new Conn(
                    QUIET_CUSTOMER + "-" + k, QUIET_CUSTOMER, "Quiet " + k, "Partner", pick(LOCATIONS), List.of(net)));
        }
    }

    /**
     * Adds a connection with {@code wanted} and 1-3 random prefixes, keeping only those the registry accepts:
     * a prefix already registered elsewhere only by the same customer at other locations.
     */
    private void addConnection(String customer, String id, Location location, List<Net> wanted) {
        List<Net> nets = new ArrayList<>();
        List<Net> candidates = new ArrayList<>(wanted);
        for (int i = 1 + random.nextInt(3); i > 0 || candidates.isEmpty(); i--) {
            candidates.add(randomNet());
        }
        for (Net net : candidates) {
            boolean allowed = !nets.contains(net)
                    && connections.stream()
                            .filter(c -> c.nets().contains(net))
                            .allMatch(c -> c.customer().equals(customer)
                                    && !c.location().equals(location));
            if (allowed) {
                nets.add(net);
            }
        }
        if (nets.isEmpty()) {
            nets.add(randomNet()); // clashes only by bad luck; the registry check in the test would say so
        }
        // names and partners that need the formula guard now and then
        String name = (random.nextInt(5) == 0 ? "-" : "") + "Link " + id;
        String partner = random.nextInt(5) == 0 ? "@IX " + customer : "IX " + customer;
        connections.add(new Conn(id, customer, name, partner, location, nets));
    }

    private Net randomNet() {
        if (random.nextBoolean()) {
            int length = 14 + random.nextInt(11); // /14 .. /24 inside 20.0.0.0/14
            BigInteger bits =
                    BigInteger.valueOf(random.nextInt(1 << (length - 14))).shiftLeft(32 - length);
            return new Net(32, V4_BASE.or(bits), length);
        }
        int length = 32 + random.nextInt(17); // /32 .. /48 inside 2001:db8::/32
        BigInteger bits = new BigInteger(length - 32, random).shiftLeft(128 - length);
        return new Net(128, V6_BASE.or(bits), length);
    }

    private Row randomRow() {
        String file = pick(FILES);
        Location location = pick(LOCATIONS);
        int kind = random.nextInt(100);
        Address client;
        String drawnFrom = null;
        if (kind < 75) {
            Conn target = pick(connections.stream()
                    .filter(c -> !c.customer().equals(QUIET_CUSTOMER))
                    .toList());
            drawnFrom = target.customer();
            client = inside(pick(target.nets()));
            if (random.nextInt(100) < 60) {
                location = target.location();
            }
        } else if (kind < 85) {
            client = random.nextBoolean() ? inside(new Net(32, V4_BASE, 14)) : inside(new Net(128, V6_BASE, 32));
        } else if (kind < 92) {
            client = random.nextBoolean()
                    ? inside(new Net(32, BigInteger.valueOf(0x08080000L), 16))
                    : inside(new Net(128, BigInteger.valueOf(0x20010db9L).shiftLeft(96), 32));
        } else {
            return new Row(file, rejectedRow(), null, location, null);
        }
        String time = day + "T" + two(random.nextInt(24)) + ":" + two(random.nextInt(60)) + ":"
                + two(random.nextInt(60)) + "Z";
        String ip = client.bits() == 32 && random.nextInt(10) == 0 ? "::ffff:" + client.text() : client.text();
        String rtt = (1 + random.nextInt(300)) + "." + random.nextInt(1000);
        return new Row(
                file,
                String.join(",", time, ip, location.country(), location.state(), "pop1", rtt),
                client,
                location,
                drawnFrom);
    }

    private String rejectedRow() {
        return switch (random.nextInt(3)) {
            case 0 -> day + "T10:00:00Z,20.0.0.1,DE,,pop1,fast"; // bad_rtt
            case 1 -> day.plusDays(1) + "T10:00:00Z,20.0.0.1,DE,,pop1,5"; // wrong_day
            default -> day + "T10:00:00Z,20.0.0.256,DE,,pop1,5"; // bad_client_ip
        };
    }

    private Address inside(Net net) {
        BigInteger host = new BigInteger(net.bits() - net.length(), random);
        return new Address(net.bits(), net.network().or(host));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /** connections.csv, rows in a shuffled order. */
    String registryCsv() {
        List<Conn> shuffled = new ArrayList<>(connections);
        Collections.shuffle(shuffled, random);
        StringBuilder csv = new StringBuilder("connection_id,customer_id,name,partner,country,state,prefixes\n");
        for (Conn c : shuffled) {
            csv.append(String.join(
                            ",",
                            c.id(),
                            c.customer(),
                            c.name(),
                            c.partner(),
                            c.location().country(),
                            c.location().state(),
                            String.join(" ", c.nets().stream().map(Net::text).toList())))
                    .append('\n');
        }
        return csv.toString();
    }

    /** The text of each latency file, header included. */
    Map<String, String> latencyFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        FILES.forEach(name -> files.put(name, "timestamp,client_ip,country,state,edge_pop,rtt_ms\n"));
        rows.forEach(row -> files.merge(row.file(), row.csv() + "\n", String::concat));
        return files;
    }

    Map<String, List<Conn>> connectionsByCustomer() {
        Map<String, List<Conn>> byCustomer = new TreeMap<>();
        connections.forEach(c ->
                byCustomer.computeIfAbsent(c.customer(), k -> new ArrayList<>()).add(c));
        return byCustomer;
    }

    /** Brute force: every row against every registered prefix. */
    Expected attribute() {
        Map<String, Long> perConnection = new HashMap<>();
        Map<String, Map<Net, Long>> perPrefix = new HashMap<>();
        long noPrefix = 0;
        long mismatch = 0;
        long rejected = 0;
        long toAnotherCustomer = 0;
        long toAGeoRedundantSite = 0;
        for (Row row : rows) {
            if (row.client() == null) {
                rejected++;
                continue;
            }
            Net longest = null;
            for (Conn c : connections) {
                for (Net net : c.nets()) {
                    if (net.contains(row.client()) && (longest == null || net.length() > longest.length())) {
                        longest = net;
                    }
                }
            }
            if (longest == null) {
                noPrefix++;
                continue;
            }
            Net matched = longest;
            Conn owner = connections.stream()
                    .filter(c -> c.nets().contains(matched) && c.location().equals(row.location()))
                    .findFirst()
                    .orElse(null);
            if (owner == null) {
                mismatch++;
                continue;
            }
            if (row.drawnFrom() != null && !row.drawnFrom().equals(owner.customer())) {
                toAnotherCustomer++; // a more specific prefix of another customer took it
            }
            if (connections.stream().filter(c -> c.nets().contains(matched)).count() > 1) {
                toAGeoRedundantSite++;
            }
            perConnection.merge(owner.id(), 1L, Long::sum);
            perPrefix.computeIfAbsent(owner.id(), k -> new HashMap<>()).merge(matched, 1L, Long::sum);
        }
        long attributed =
                perConnection.values().stream().mapToLong(Long::longValue).sum();
        return new Expected(
                perConnection,
                perPrefix,
                attributed,
                noPrefix,
                mismatch,
                rejected,
                rows.size(),
                toAnotherCustomer,
                toAGeoRedundantSite);
    }
}
