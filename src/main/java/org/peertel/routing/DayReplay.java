package org.peertel.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.peertel.prefix.Prefix;

/**
 * One UTC day of route changes replayed for the watched prefixes, and the prefix events that follow. The route state
 * is kept per (peer, prefix), for the registered prefixes and their more-specifics only (every other route cannot
 * make an event): an announcement replaces that peer's route, a withdrawal removes it, a peer whose session went
 * down holds nothing. Feed {@link #startWith} with the state the day starts with (a RIB dump), if there is one, then
 * {@link #apply} with the day's changes in time order, then take {@link #events}.
 */
public final class DayReplay {

    /** A state one peer's route can put it in, for one watch. */
    private record StateKey(Watch watch, EventType type, Prefix prefix, String origin) {}

    private final LocalDate date;
    private final WatchedPrefixes watched;
    private final EventSettings settings;
    /**
     * The state, compact because a full day holds hundreds of thousands of routes: per prefix, peer and route
     * numbers ({@link PeerRoutes}); each peer and each distinct route is stored once.
     */
    private final Map<Prefix, PeerRoutes> routes = new HashMap<>();

    private final Map<Peer, Integer> peerNumbers = new HashMap<>();
    private final RouteTable routeTable = new RouteTable();
    private final Map<StateKey, Episode> open = new HashMap<>();
    private final Map<Watch, Visibility> visibility = new HashMap<>();
    private final Map<Prefix, Long> registeredAnnouncements = new HashMap<>();
    private final List<PrefixEvent> events = new ArrayList<>();
    private boolean started;

    public DayReplay(LocalDate date, WatchedPrefixes watched, EventSettings settings) {
        this.date = date;
        this.watched = watched;
        this.settings = settings;
    }

    /** A route held when the day starts (a RIB dump's entry); all of them before the first {@link #apply}. */
    public void startWith(RouteChange.Announce held) {
        if (started) {
            throw new IllegalStateException("the day's state is given before its changes");
        }
        change(held.time(), peerNumber(held.peer()), held.prefix(), held.asPath(), held.origin(), false);
    }

    /** Whether the day's changes have begun: no {@link #startWith} any more. */
    boolean started() {
        return started;
    }

    /** The next change of the day, in time order. */
    public void apply(RouteChange change) {
        if (!started) {
            markStart();
        }
        if (change instanceof RouteChange.Announce a) {
            change(a.time(), peerNumber(a.peer()), a.prefix(), a.asPath(), a.origin(), true);
        } else if (change instanceof RouteChange.Withdraw w) {
            Integer peer = peerNumbers.get(w.peer());
            if (peer != null) {
                change(w.time(), peer, w.prefix(), null, null, false);
            }
        } else if (change instanceof RouteChange.PeerDown d) {
            Integer peer = peerNumbers.get(d.peer());
            if (peer == null) {
                return; // a peer that never announced anything holds nothing
            }
            List<Prefix> held = new ArrayList<>();
            routes.forEach((prefix, peers) -> {
                if (peers.holds(peer)) {
                    held.add(prefix);
                }
            });
            held.sort(null);
            for (Prefix prefix : held) {
                change(d.time(), peer, prefix, null, null, false);
            }
        }
    }

    /** The (peer, prefix) routes held now, for the watched prefixes and their more-specifics only. */
    public long routesHeld() {
        long held = 0;
        for (PeerRoutes peers : routes.values()) {
            held += peers.size();
        }
        return held;
    }

    /** The first change of the day proper: what is announced by now was so at the start. */
    private void markStart() {
        started = true;
        open.forEach((key, episode) -> episode.preexisting = key.type() == EventType.ANNOUNCEMENT);
    }

    private int peerNumber(Peer peer) {
        Integer known = peerNumbers.get(peer);
        if (known != null) {
            return known;
        }
        peerNumbers.put(peer, peerNumbers.size());
        return peerNumbers.size() - 1;
    }

    /**
     * {@code peer} now holds {@code prefix} with {@code asPath} from {@code origin}, or nothing (a null path). Only a
     * watched prefix's route is numbered: most of a collector's routes are for other prefixes. {@code announced}: an
     * update announced it (counted in {@code announcements}), not a route the day starts with.
     */
    private void change(Instant time, int peer, Prefix prefix, String asPath, Origin origin, boolean announced) {
        Prefix owner = watched.owner(prefix);
        if (owner == null) {
            return;
        }
        int nowNumber = asPath == null ? PeerRoutes.NONE : routeTable.number(asPath, origin);
        PeerRoutes held = routes.computeIfAbsent(prefix, p -> new PeerRoutes());
        int beforeNumber = nowNumber == PeerRoutes.NONE ? held.remove(peer) : held.put(peer, nowNumber);
        if (beforeNumber == PeerRoutes.NONE && nowNumber == PeerRoutes.NONE) {
            return; // a withdrawal of a route the peer did not hold
        }
        RouteTable.Route before = beforeNumber == PeerRoutes.NONE ? null : routeTable.route(beforeNumber);
        RouteTable.Route now = nowNumber == PeerRoutes.NONE ? null : routeTable.route(nowNumber);
        if (now != null && announced && prefix.equals(owner)) {
            registeredAnnouncements.merge(owner, 1L, Long::sum);
        }
        for (Watch watch : watched.watchesOf(owner)) {
            StateKey left = state(watch, prefix, before);
            StateKey entered = state(watch, prefix, now);
            if (!Objects.equals(left, entered)) {
                if (left != null) {
                    leave(left, peer, time);
                }
                if (entered != null) {
                    open.computeIfAbsent(entered, k -> new Episode(time))
                            .enter(peer, time, now.asPath(), now.origin(), settings.minPeers(), announced);
                }
            } else if (entered != null && announced) {
                open.get(entered).announcements++; // the same state announced again
            }
            if (prefix.equals(owner)) {
                visibility
                        .computeIfAbsent(watch, w -> new Visibility(settings.visibilityMinPeers()))
                        .update(held.size(), time, now == null);
            }
        }
    }

    /** The state a route puts its peer in, for {@code watch}; null for no route. */
    private static StateKey state(Watch watch, Prefix prefix, RouteTable.Route route) {
        if (route == null) {
            return null;
        }
        if (watch.judgesOrigins() && !watch.owns(route.origin())) {
            EventType hijack = prefix.equals(watch.prefix()) ? EventType.ORIGIN_CHANGE : EventType.MORE_SPECIFIC;
            return new StateKey(watch, hijack, prefix, route.origin().toString());
        }
        return new StateKey(watch, EventType.ANNOUNCEMENT, prefix, "");
    }

    private void leave(StateKey key, int peer, Instant time) {
        Episode episode = open.get(key);
        if (episode.leave(peer, time)) {
            open.remove(key);
            finish(key, episode);
        }
    }

    /** An episode that ended, or the day did, becomes an event when enough peers were in it at once. */
    private void finish(StateKey key, Episode episode) {
        if (episode.quorum != null && !episode.preexisting) {
            events.add(new PrefixEvent(
                    date,
                    key.watch(),
                    key.prefix(),
                    key.type(),
                    episode.start,
                    episode.quorum,
                    episode.end,
                    episode.origin,
                    episode.peersMax,
                    episode.announcements,
                    episode.examplePath,
                    Summaries.of(key.type(), key.watch(), key.prefix(), episode, settings),
                    0));
        }
    }

    /**
     * Ends the day and gives its events: those that ended, those still so at the day's end (no end time), and one
     * active path per watch; by customer, connection, registered prefix, event type, prefix, origin and start,
     * numbered per (connection, type, prefix, origin). Call it once, after the last change.
     */
    public List<PrefixEvent> events() {
        if (!started) {
            markStart();
        }
        open.forEach(this::finish); // still so at the day's end: the episode has no end time
        open.clear();
        visibility.forEach((watch, v) -> events.addAll(v.events(date, watch, settings)));
        for (Prefix registered : watched.registered()) {
            for (Watch watch : watched.watchesOf(registered)) {
                events.add(activePath(watch));
            }
        }
        return Numbering.ordered(events);
    }

    private PrefixEvent activePath(Watch watch) {
        PeerRoutes held = routes.getOrDefault(watch.prefix(), new PeerRoutes());
        List<RouteTable.Route> heldRoutes = new ArrayList<>(held.size());
        for (int i = 0; i < held.size(); i++) {
            heldRoutes.add(routeTable.route(held.routeAt(i)));
        }
        Map<String, Integer> paths = new TreeMap<>();
        heldRoutes.forEach(route -> paths.merge(route.asPath(), 1, Integer::sum));
        String common = paths.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
        // numeric order, AS_SETs after single origins
        List<String> origins = heldRoutes.stream()
                .map(RouteTable.Route::origin)
                .distinct()
                .sorted(Comparator.comparing(Origin::set)
                        .thenComparing(o -> o.asns().get(0))
                        .thenComparing(Origin::toString))
                .map(Origin::toString)
                .toList();
        return new PrefixEvent(
                date,
                watch,
                watch.prefix(),
                EventType.ACTIVE_PATH,
                null,
                null,
                null,
                null,
                held.size(),
                registeredAnnouncements.getOrDefault(watch.prefix(), 0L),
                common,
                held.size() == 0
                        ? "held by no peer at the day's end"
                        : "held by " + Summaries.peers(held.size()) + " at the day's end, "
                                + (origins.size() == 1 ? "origin " : "origins ") + String.join(" ", origins)
                                + ", most common path " + common,
                0);
    }
}
