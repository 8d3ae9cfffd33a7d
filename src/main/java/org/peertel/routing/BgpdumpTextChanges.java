package org.peertel.routing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;

/**
 * The route changes of bgpdump's one-line text ({@code bgpdump -m}, files {@code *.bgpdump.txt[.gz]}), the same as
 * {@link MrtRouteChanges} gives for the MRT records the lines were printed from:
 *
 * <pre>
 * BGP4MP|time|A|peer_ip|peer_as|prefix|as_path|origin|next_hop|local_pref|med|communities|AG or NAG|aggregator|
 * BGP4MP|time|W|peer_ip|peer_as|prefix
 * BGP4MP|time|STATE|peer_ip|peer_as|old_state|new_state
 * TABLE_DUMP2|time|B|peer_ip|peer_as|prefix|as_path|...   (TABLE_DUMP: the same columns)
 * </pre>
 *
 * {@code A} is an announcement (origin: the path's last AS, or the members of an AS_SET {@code {a,b}} there), {@code W}
 * a withdrawal, {@code STATE} from Established (6) to another state the peer going down, {@code B} a route held when
 * the day starts. {@code BGP4MP_ET} rows carry microseconds ({@code 1445565678.509481}).
 *
 * <p>A malformed line is skipped and handed to the reject callback with the first of these reasons that applies (a
 * contract shared with the Python reference): {@link #UNKNOWN_ROW_TYPE} (first field not BGP4MP, BGP4MP_ET,
 * TABLE_DUMP or TABLE_DUMP2, or a type letter other than A, W, STATE for BGP4MP and B for TABLE_DUMP),
 * {@link #FIELD_COUNT} (fewer than 14 fields for A and B, the line's final {@code |} not needed; 6 for W; 7 for STATE;
 * 3 for a known first field), {@link #BAD_TIMESTAMP} (seconds not a non-negative integer; BGP4MP_ET needs
 * {@code seconds.microseconds} with six digits, as bgpdump prints it, the others none), {@link #BAD_PEER} (address
 * not IPv4 or IPv6, AS not 0..4294967295), {@link #BAD_PREFIX}, {@link #BAD_AS_PATH} (A and B: empty, or a word that
 * is neither an AS number nor a set {@code {a,b}}). Blank lines are skipped silently; a line may end in CR LF. Host
 * bits in a prefix are cleared, as the MRT reader does (Debian's bgpdump 1.6.2 prints {@code 11.13.0.0/13} where the
 * MRT record holds 11.8.0.0/13). A STATE row whose states are not numbers changes nothing and is not a reject.
 *
 * <p>What the text cannot say, so it differs from the MRT form: multicast routes are printed like unicast ones, so
 * they are taken as unicast; a route with an empty AS path (the peer's own, which the MRT form gives the peer's AS as
 * origin), a confederation path ({@code (a b)}, {@code [a,b]}), a path bgpdump cut with {@code ...} and an
 * announcement bgpdump printed without its path columns (an MP_REACH_NLRI next hop of an odd length) are rejects;
 * the ADD-PATH ({@code _AP}) and collector-sent ({@code _LOCAL}) rows are {@link #UNKNOWN_ROW_TYPE}.
 */
public final class BgpdumpTextChanges {

    public static final String UNKNOWN_ROW_TYPE = "unknown_row_type";
    public static final String FIELD_COUNT = "field_count";
    public static final String BAD_TIMESTAMP = "bad_timestamp";
    public static final String BAD_PEER = "bad_peer";
    public static final String BAD_PREFIX = "bad_prefix";
    public static final String BAD_AS_PATH = "bad_as_path";

    /** BGP's FSM state Established, as bgpdump prints STATE rows. */
    private static final int ESTABLISHED = 6;

    private static final int ROUTE_FIELDS = 14;
    private static final int WITHDRAWAL_FIELDS = 6;
    private static final int STATE_FIELDS = 7;
    private static final int TYPE_FIELDS = 3;
    private static final long MAX_ASN = 0xFFFF_FFFFL;
    private static final int MICROSECOND_DIGITS = 6;

    private final Consumer<RouteChange.Announce> held;
    private final Consumer<RouteChange> changes;
    private final BgpdumpTextReject rejects;

    private BgpdumpTextChanges(
            Consumer<RouteChange.Announce> held, Consumer<RouteChange> changes, BgpdumpTextReject rejects) {
        this.held = held;
        this.changes = changes;
        this.rejects = rejects;
    }

    /** Whether {@code file} is bgpdump text by its name ({@code *.bgpdump.txt}, {@code *.bgpdump.txt.gz}). */
    public static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".bgpdump.txt") || name.endsWith(".bgpdump.txt.gz");
    }

    /**
     * Reads one file, plain or gzip (told apart by its first bytes): the {@code B} rows' routes go to {@code held},
     * every other change to {@code changes}, in the file's order, and each malformed line to {@code rejects}; a
     * malformed line never stops the file.
     *
     * @return the lines read, empty lines not counted (the run summary's {@code records})
     * @throws IOException when the file cannot be read (a damaged gzip stream included)
     */
    public static long read(
            Path file, Consumer<RouteChange.Announce> held, Consumer<RouteChange> changes, BgpdumpTextReject rejects)
            throws IOException {
        try (InputStream in = open(file)) {
            return read(in, held, changes, rejects);
        }
    }

    /** {@link #read(Path, Consumer, Consumer, BgpdumpTextReject)} of an uncompressed stream. */
    public static long read(
            InputStream in,
            Consumer<RouteChange.Announce> held,
            Consumer<RouteChange> changes,
            BgpdumpTextReject rejects)
            throws IOException {
        BgpdumpTextChanges reader = new BgpdumpTextChanges(held, changes, rejects);
        byte[] buffer = new byte[1 << 16];
        byte[] line = new byte[512];
        int length = 0;
        long offset = 0;
        long lineStart = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    reader.line(line, length, lineStart);
                    length = 0;
                    lineStart = offset + i + 1;
                } else {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, length * 2);
                    }
                    line[length++] = b;
                }
            }
            offset += read;
        }
        if (length > 0) {
            reader.line(line, length, lineStart);
        }
        return reader.lines;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1F && in.read() == 0x8B;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private long lines;

    private void line(byte[] bytes, int length, long offset) {
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        // ISO-8859-1 keeps one char per byte: a stray non-ASCII byte then fails the field it is in
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) {
            return; // an empty line is no record; a line of spaces is a malformed one
        }
        lines++;
        String reason = parse(text);
        if (reason != null) {
            rejects.reject(offset, reason);
        }
    }

    /** Hands on the line's change; returns the reason when it is malformed, else null. */
    private String parse(String line) {
        String[] fields = line.split("\\|", -1);
        String kind = fields[0];
        boolean update = kind.equals("BGP4MP") || kind.equals("BGP4MP_ET");
        boolean rib = kind.equals("TABLE_DUMP") || kind.equals("TABLE_DUMP2");
        if (!update && !rib) {
            return UNKNOWN_ROW_TYPE;
        }
        if (fields.length < TYPE_FIELDS) {
            return FIELD_COUNT;
        }
        String type = fields[2];
        int needed;
        if (rib ? type.equals("B") : type.equals("A")) {
            needed = ROUTE_FIELDS;
        } else if (update && type.equals("W")) {
            needed = WITHDRAWAL_FIELDS;
        } else if (update && type.equals("STATE")) {
            needed = STATE_FIELDS;
        } else {
            return UNKNOWN_ROW_TYPE;
        }
        if (fields.length < needed) {
            return FIELD_COUNT;
        }
        Instant time = time(fields[1], kind.equals("BGP4MP_ET"));
        if (time == null) {
            return BAD_TIMESTAMP;
        }
        IpAddress address = IpAddress.parseOrNull(fields[3]);
        long asn = asn(fields[4]);
        if (address == null || asn < 0) {
            return BAD_PEER;
        }
        Peer peer = new Peer(address.toString(), asn);
        if (type.equals("STATE")) {
            if (number(fields[5]) == ESTABLISHED && number(fields[6]) != ESTABLISHED) {
                changes.accept(new RouteChange.PeerDown(time, peer));
            }
            return null;
        }
        Prefix prefix = prefix(fields[5]);
        if (prefix == null) {
            return BAD_PREFIX;
        }
        if (type.equals("W")) {
            changes.accept(new RouteChange.Withdraw(time, peer, prefix));
            return null;
        }
        Origin origin = origin(fields[6]);
        if (origin == null) {
            return BAD_AS_PATH;
        }
        RouteChange.Announce announce = new RouteChange.Announce(time, peer, prefix, fields[6], origin);
        if (rib) {
            held.accept(announce);
        } else {
            changes.accept(announce);
        }
        return null;
    }

    /** {@code seconds}, or {@code seconds.microseconds} (six digits) for an extended timestamp; null otherwise. */
    static Instant time(String text, boolean extended) {
        int dot = text.indexOf('.');
        if (extended != (dot >= 0)) {
            return null;
        }
        String seconds = extended ? text.substring(0, dot) : text;
        long micros = 0;
        if (extended) {
            String fraction = text.substring(dot + 1);
            if (fraction.length() != MICROSECOND_DIGITS || !digits(fraction, MICROSECOND_DIGITS)) {
                return null;
            }
            micros = Long.parseLong(fraction);
        }
        if (!digits(seconds, 18)) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds), micros * 1000);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An AS number (asplain, 0..4294967295), or -1. */
    static long asn(String text) {
        if (!digits(text, 10)) {
            return -1;
        }
        long value = Long.parseLong(text);
        return value <= MAX_ASN ? value : -1;
    }

    /** A small non-negative decimal (an FSM state), or -1. */
    private static int number(String text) {
        return digits(text, 9) ? Integer.parseInt(text) : -1;
    }

    /** 1 to {@code max} ASCII digits. */
    private static boolean digits(String text, int max) {
        if (text.isEmpty() || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code address/length} of either family, host bits cleared; null when it is not one. */
    static Prefix prefix(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || !digits(text.substring(slash + 1), 3)) {
            return null;
        }
        IpAddress address = IpAddress.parseOrNull(text.substring(0, slash));
        int length = Integer.parseInt(text.substring(slash + 1));
        boolean ipv6Text = text.lastIndexOf(':', slash) >= 0;
        if (address == null || (ipv6Text && address.isIpv4())) {
            return null; // an IPv4-mapped IPv6 prefix is no route a collector holds
        }
        int max = ipv6Text ? 128 : 32;
        return length > max ? null : new Prefix(address, max).widenedTo(length);
    }

    /**
     * The origin of a path as bgpdump prints it: space-separated AS numbers and sets {@code {a,b}}; the last word
     * is the origin. Null for an empty path or any other word.
     */
    static Origin origin(String path) {
        if (path.isEmpty()) {
            return null;
        }
        Origin last = null;
        for (String word : path.split(" ", -1)) {
            last = word(word);
            if (last == null) {
                return null;
            }
        }
        return last;
    }

    private static Origin word(String word) {
        if (word.length() > 2 && word.charAt(0) == '{' && word.charAt(word.length() - 1) == '}') {
            List<Long> members = new ArrayList<>();
            for (String member : word.substring(1, word.length() - 1).split(",", -1)) {
                long asn = asn(member);
                if (asn < 0) {
                    return null;
                }
                members.add(asn);
            }
            return new Origin(members, true);
        }
        long asn = asn(word);
        return asn < 0 ? null : Origin.of(asn);
    }
}
