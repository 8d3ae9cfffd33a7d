package org.peertel.routing;

import org.peertel.prefix.Prefix;

/** The {@code summary} column: one sentence an operator reads at 3 a.m. */
final class Summaries {

    private Summaries() {}

    static String of(EventType type, Watch watch, Prefix prefix, Episode episode, EventSettings settings) {
        String allowed = PrefixEvent.allowedText(watch.allowedOrigins());
        return switch (type) {
            case ORIGIN_CHANGE ->
                prefix + " held with origin " + episode.origin + ", not one of " + allowed + ", by up to "
                        + peers(episode.peersMax);
            case MORE_SPECIFIC ->
                prefix + ", a more-specific of " + watch.prefix() + ", held with origin " + episode.origin
                        + ", not one of " + allowed + ", by up to " + peers(episode.peersMax);
            case WITHDRAWAL ->
                watch.prefix() + " held by fewer than " + settings.visibilityMinPeers() + " peers, down from "
                        + episode.peersMax;
            case ANNOUNCEMENT ->
                prefix + (prefix.equals(watch.prefix()) ? "" : ", a more-specific of " + watch.prefix())
                        + ", held with origin " + episode.origin + " by up to " + peers(episode.peersMax);
            case ACTIVE_PATH -> throw new IllegalArgumentException("the active path is no episode");
        };
    }

    /** "1 peer", "3 peers". */
    static String peers(int count) {
        return count + (count == 1 ? " peer" : " peers");
    }
}
