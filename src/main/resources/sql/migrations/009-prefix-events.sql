-- Prefix events (peertel bgp events): the day's rows of events/<date>.csv, replaced as a whole when the day is
-- computed again. Times are UTC, to the microsecond the dumps give; end_time is NULL for an event still so at the
-- day's end.
CREATE TABLE prefix_events (
    day               DATE      NOT NULL,
    event_id          VARCHAR   NOT NULL, -- <date>/<connection_id>/<event_type>/<prefix>/<origin or ->/<n>
    customer_id       VARCHAR   NOT NULL,
    connection_id     VARCHAR   NOT NULL,
    registered_prefix VARCHAR   NOT NULL,
    prefix            VARCHAR   NOT NULL,
    event_type        VARCHAR   NOT NULL,
    level             VARCHAR   NOT NULL, -- Critical, Warning or Information
    start_time        TIMESTAMP,
    quorum_time       TIMESTAMP,
    end_time          TIMESTAMP,
    origin_asn        VARCHAR,            -- an AS number, or an AS_SET as {a,b}
    allowed_origins   VARCHAR   NOT NULL, -- space-separated, empty when the registry gives none
    peers_max         INTEGER   NOT NULL,
    announcements     BIGINT    NOT NULL,
    example_path      VARCHAR,
    summary           VARCHAR   NOT NULL
);
