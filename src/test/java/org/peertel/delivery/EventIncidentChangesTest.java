package org.peertel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peertel.prefix.Prefix;
import org.peertel.routing.EventType;
import org.peertel.routing.Origin;
import org.peertel.routing.PrefixEvent;
import org.peertel.routing.Watch;
import org.peertel.store.OpenPrefixEvent;
import org.peertel.store.OutboxChange;

/** The outbox changes of a day's prefix events, with hand-made events, stored open events and recorded changes. */
class EventIncidentChangesTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-22");
    static final Watch DOCNET = new Watch("docnet", "docnet-1", Prefix.parse("203.0.113.128/25"), List.of(64500L));
    static final String HIJACK = "docnet-1/PrefixMoreSpecificOriginAsEvent/203.0.113.192/26/64666";
    static final String WITHDRAWAL = "docnet-1/PrefixWithdrawalEvent/203.0.113.128/25/-";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anIncidentOpenForTwoDaysContinuesFromItsFirstDayAndASecondEpisodeHasItsOwnKeys() throws Exception {
        List<OpenPrefixEvent> openBefore =
                List.of(open(DAY.minusDays(3)), open(DAY.minusDays(2)), open(DAY.minusDays(1)));
        List<PrefixEvent> events =
                List.of(hijack("00:00:05", "00:30:00", 1), hijack("02:00:00", null, 2), withdrawal(), announcement());

        List<OutboxChange> changes = EventIncidentChanges.of(DAY, events, Map.of(), openBefore, List.of());

        assertThat(changes)
                .extracting(OutboxChange::key)
                .containsExactly(
                        HIJACK + "/continuing/2026-11-22",
                        HIJACK + "/resolved/2026-11-22",
                        HIJACK + "/opened/2026-11-22/2",
                        WITHDRAWAL + "/opened/2026-11-22");
        assertThat(changes)
                .extracting(c -> json(c).get("opened_on").asText())
                .containsExactly("2026-11-19", "2026-11-19", "2026-11-22", "2026-11-22");
        JsonNode withdrawal = json(changes.get(3));
        assertEquals("WARNING", withdrawal.get("severity").asText());
        assertEquals("docnet-1", withdrawal.get("connection_name").asText(), "no name at hand: the id");
        assertThat(withdrawal.get("origin_asn").isNull()).isTrue();
        assertEquals(
                "2026-11-22/docnet-1/PrefixMoreSpecificOriginAsEvent/203.0.113.192/26/64666/2",
                json(changes.get(2)).get("event_id").asText());
        assertThat(EventIncidentChanges.of(DAY, events, Map.of(), openBefore, List.of()))
                .as("the same bytes again")
                .isEqualTo(changes);
    }

    @Test
    void anIncidentAnEarlierRunToldOfThatTheDayNoLongerHasIsResolvedOnceAndAResolvedOneIsLeftAlone() {
        List<OutboxChange> told = EventIncidentChanges.of(
                DAY,
                List.of(hijack("01:00:00", null, 1), hijack("03:00:00", "04:00:00", 2)),
                Map.of(),
                List.of(),
                List.of());

        List<OutboxChange> again = EventIncidentChanges.of(DAY, List.of(announcement()), Map.of(), List.of(), told);

        assertThat(again).extracting(OutboxChange::key).containsExactly(HIJACK + "/resolved/2026-11-22");
        JsonNode withdrawn = json(again.get(0));
        assertEquals("2026-11-22", withdrawn.get("resolved_on").asText());
        assertEquals("2026-11-22/" + HIJACK + "/1", withdrawn.get("event_id").asText());
        assertThat(withdrawn.get("message").asText())
                .startsWith("no longer seen when 2026-11-22 was computed again; was: ");
    }

    private static PrefixEvent hijack(String start, String end, int number) {
        return new PrefixEvent(
                DAY,
                DOCNET,
                Prefix.parse("203.0.113.192/26"),
                EventType.MORE_SPECIFIC,
                at(start),
                at(start),
                end == null ? null : at(end),
                Origin.of(64666),
                3,
                3,
                "65001 64666",
                "203.0.113.192/26 hijacked",
                number);
    }

    private static PrefixEvent withdrawal() {
        return new PrefixEvent(
                DAY,
                DOCNET,
                DOCNET.prefix(),
                EventType.WITHDRAWAL,
                at("05:00:00"),
                at("05:00:00"),
                null,
                null,
                12,
                12,
                null,
                "withdrawn",
                1);
    }

    private static PrefixEvent announcement() {
        return new PrefixEvent(
                DAY,
                DOCNET,
                DOCNET.prefix(),
                EventType.ANNOUNCEMENT,
                at("06:00:00"),
                at("06:00:00"),
                null,
                Origin.of(64500),
                3,
                3,
                "65001 64500",
                "announced",
                1);
    }

    private static OpenPrefixEvent open(LocalDate day) {
        return new OpenPrefixEvent(
                day,
                day + "/" + HIJACK + "/1",
                "docnet",
                "docnet-1",
                "203.0.113.192/26",
                "PrefixMoreSpecificOriginAsEvent",
                "Critical",
                day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                "64666",
                "hijacked");
    }

    private static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + "Z");
    }

    private static JsonNode json(OutboxChange change) {
        try {
            return JSON.readTree(change.content());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
