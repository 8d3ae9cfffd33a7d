package org.peertel.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct routes (AS path and origin) of a day, each stored once and numbered: a collector's updates repeat the
 * same few paths over and over, so (peer, prefix) routes hold a number instead of their own path text and origin.
 */
final class RouteTable {

    /** One distinct route. */
    record Route(String asPath, Origin origin) {}

    private final Map<Route, Integer> numbers = new HashMap<>();
    private final List<Route> routes = new ArrayList<>();

    /** The number of the route {@code asPath} from {@code origin}, numbering it when it is new. */
    int number(String asPath, Origin origin) {
        Route route = new Route(asPath, origin);
        Integer known = numbers.get(route);
        if (known != null) {
            return known;
        }
        routes.add(route);
        numbers.put(route, routes.size() - 1);
        return routes.size() - 1;
    }

    Route route(int number) {
        return routes.get(number);
    }
}
