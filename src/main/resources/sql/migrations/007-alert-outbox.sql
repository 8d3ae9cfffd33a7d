-- Alert delivery, exactly once in effect. The alert step records every state change of an incident (opened,
-- continuing, escalated, resolved) in the outbox, in the transaction that stores the alerts, whether or not a
-- receiver is set; delivery reads it after the run and records what each receiver acknowledged. A crash between a
-- send and its record sends the same key with the same content again, never another story.
CREATE TABLE alert_outbox (
    key         VARCHAR   NOT NULL, -- <incident_id>/<change>/<day>: one row per key
    day         DATE      NOT NULL, -- the processed day the change belongs to
    change      VARCHAR   NOT NULL, -- opened, continuing, escalated or resolved
    content     VARCHAR   NOT NULL, -- the change as receivers get it: a JSON object (docs/alerts.md)
    recorded_at TIMESTAMP NOT NULL, -- UTC, when a run recorded this content (a resolved alert's end in Alertmanager)
    seq         BIGINT    NOT NULL  -- recording order; a re-run that changes the content records it anew
);

-- What each receiver acknowledged (delivered) or refused with a 4xx answer (failed), per key and content: a key whose
-- content changed since (a re-run after late data) is pending again.
CREATE TABLE alert_deliveries (
    receiver VARCHAR NOT NULL, -- webhook or alertmanager
    key      VARCHAR NOT NULL,
    content  VARCHAR NOT NULL,
    state    VARCHAR NOT NULL, -- delivered or failed
    answer   VARCHAR           -- failed: the receiver's status and the start of its body
);

-- When each receiver was first set: it is sent the changes recorded after that, not the whole history before it.
CREATE TABLE alert_receivers (
    receiver  VARCHAR NOT NULL,
    first_seq BIGINT  NOT NULL -- the outbox's highest seq when the receiver was first seen
);
