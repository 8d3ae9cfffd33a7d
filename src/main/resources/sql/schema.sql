-- The telemetry store. Every table carries the UTC day it belongs to, so a re-run replaces exactly that day.
-- A day's rows reach these tables from its spool files (store/DaySpool) in one transaction: publish-day.sql.

-- Attributed measurements, compact: every text that can be rebuilt exactly is a number (the file, the connection,
-- the prefix, the edge PoP as numbers into day_names and registry_names; the client, country and state as
-- values). Grouping by integer keys measured 20 times faster than by their texts, and loading numbers about twice
-- as fast as text (BENCHMARKS.md). Read them through the view `measurements` (below), which gives the texts back.
-- The code's declaration of this row is store/MeasurementColumn (MeasurementColumnTest compares the two).
CREATE TABLE IF NOT EXISTS measurement_rows (
    day           DATE          NOT NULL,
    file_no       INTEGER       NOT NULL, -- day_names.files[file_no + 1]
    line          BIGINT        NOT NULL,
    ts            TIMESTAMP     NOT NULL, -- UTC
    client_ipv4   UINTEGER,               -- an IPv4 client as its 32-bit value, else NULL
    client_ipv6   VARCHAR,                -- an IPv6 client in its canonical text (RFC 5952), else NULL
    country_code  SMALLINT      NOT NULL, -- (first letter - 'A') * 26 + (second letter - 'A')
    state_code    SMALLINT      NOT NULL, -- the same for a US state; -1 for none
    edge_pop_no   INTEGER       NOT NULL, -- day_names.edge_pops[file_no + 1][edge_pop_no + 1]
    rtt_ms        DECIMAL(15,6) NOT NULL, -- exact: sums and means do not depend on summation order
    connection_no INTEGER       NOT NULL, -- registry_names.connections[connection_no + 1]
    prefix_no     INTEGER       NOT NULL  -- registry_names.prefixes[prefix_no + 1]: the longest prefix that matched
);

-- One row a published day: the names behind its numbers.
CREATE TABLE IF NOT EXISTS day_names (
    day              DATE        NOT NULL,
    files            VARCHAR[]   NOT NULL, -- the day's input files in name order
    edge_pops        VARCHAR[][] NOT NULL, -- by file, its edge PoPs in order of first appearance
    registry_version VARCHAR     NOT NULL  -- its connections and prefixes in registry_names
);

-- The registry's connection ids and prefixes in the matcher's order, once per distinct registry (the SHA-256 of
-- both lists), so that a year of days against one registry of a million prefixes holds them once.
CREATE TABLE IF NOT EXISTS registry_names (
    registry_version VARCHAR   NOT NULL,
    connections      VARCHAR[] NOT NULL,
    prefixes         VARCHAR[] NOT NULL
);

CREATE TABLE IF NOT EXISTS unattributed (
    day       DATE          NOT NULL,
    file      VARCHAR       NOT NULL,
    line      BIGINT        NOT NULL,
    ts        TIMESTAMP     NOT NULL,
    client_ip VARCHAR       NOT NULL,
    country   VARCHAR       NOT NULL,
    state     VARCHAR       NOT NULL,
    edge_pop  VARCHAR       NOT NULL,
    rtt_ms    DECIMAL(15,6) NOT NULL,
    reason    VARCHAR       NOT NULL, -- no_prefix | location_mismatch
    prefix    VARCHAR                 -- for location_mismatch: the longest prefix that matched
);

CREATE TABLE IF NOT EXISTS rejects (
    day    DATE    NOT NULL,
    file   VARCHAR NOT NULL,
    line   BIGINT  NOT NULL,
    reason VARCHAR NOT NULL,
    raw    VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS input_files (
    day    DATE    NOT NULL,
    name   VARCHAR NOT NULL,
    rows   BIGINT  NOT NULL,
    bytes  BIGINT  NOT NULL,
    sha256 VARCHAR NOT NULL  -- the day's manifest: a later run compares it with the folder (late data)
);

-- The files of the day left out by --skip-bad-files (none of their rows count; input_files still lists them).
-- A day with a row here is partial.
CREATE TABLE IF NOT EXISTS skipped_files (
    day     DATE    NOT NULL,
    name    VARCHAR NOT NULL,
    reason  VARCHAR NOT NULL, -- unreadable | not_gzip | corrupt_gzip | truncated_gzip | too_large | bad_header
    message VARCHAR NOT NULL
);

-- Until 2026-11 a day was staged in tables; it now goes through CSV spool files (store/DaySpool).
DROP TABLE IF EXISTS staging_measurements;
DROP TABLE IF EXISTS staging_unattributed;
DROP TABLE IF EXISTS staging_rejects;
DROP TABLE IF EXISTS staging_input_files;
DROP TABLE IF EXISTS staging_days;

-- Aggregates. median/p95/p99 are quantile_cont over the rtt as DOUBLE; sum is exact, mean = sum / samples.
CREATE TABLE IF NOT EXISTS connection_daily (
    day           DATE          NOT NULL,
    connection_id VARCHAR       NOT NULL,
    samples       BIGINT        NOT NULL,
    min_ms        DECIMAL(15,6) NOT NULL,
    max_ms        DECIMAL(15,6) NOT NULL,
    sum_ms        DECIMAL(38,6) NOT NULL,
    mean_ms       DOUBLE        NOT NULL,
    median_ms     DOUBLE        NOT NULL,
    p95_ms        DOUBLE        NOT NULL,
    p99_ms        DOUBLE        NOT NULL
);

CREATE TABLE IF NOT EXISTS connection_hourly (
    day           DATE          NOT NULL,
    hour          TINYINT       NOT NULL, -- 0..23 UTC
    connection_id VARCHAR       NOT NULL,
    samples       BIGINT        NOT NULL,
    min_ms        DECIMAL(15,6) NOT NULL,
    max_ms        DECIMAL(15,6) NOT NULL,
    sum_ms        DECIMAL(38,6) NOT NULL,
    mean_ms       DOUBLE        NOT NULL,
    median_ms     DOUBLE        NOT NULL,
    p95_ms        DOUBLE        NOT NULL,
    p99_ms        DOUBLE        NOT NULL
);

CREATE TABLE IF NOT EXISTS prefix_daily (
    day           DATE          NOT NULL,
    connection_id VARCHAR       NOT NULL,
    prefix        VARCHAR       NOT NULL,
    samples       BIGINT        NOT NULL,
    min_ms        DECIMAL(15,6) NOT NULL,
    max_ms        DECIMAL(15,6) NOT NULL,
    sum_ms        DECIMAL(38,6) NOT NULL,
    mean_ms       DOUBLE        NOT NULL,
    median_ms     DOUBLE        NOT NULL,
    p95_ms        DOUBLE        NOT NULL,
    p99_ms        DOUBLE        NOT NULL
);

-- The days whose alerts were evaluated: a re-run of a day judges again those that follow it (REGRESSION baselines).
CREATE TABLE IF NOT EXISTS evaluated_days (
    day DATE PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS alerts (
    day             DATE    NOT NULL,
    alert_id        VARCHAR NOT NULL,
    customer_id     VARCHAR NOT NULL,
    connection_id   VARCHAR NOT NULL,
    connection_name VARCHAR NOT NULL,
    rule            VARCHAR NOT NULL,
    severity        VARCHAR NOT NULL,
    observed_ms     DOUBLE,
    threshold_ms    DOUBLE,
    baseline_ms     DOUBLE,
    samples         BIGINT  NOT NULL,
    message         VARCHAR NOT NULL
);

-- The attributed measurements with their texts, as the table of this name held them before 2026-12.
CREATE OR REPLACE VIEW measurements AS
SELECT m.day, d.files[m.file_no + 1] AS file, m.line, m.ts,
       coalesce(m.client_ipv6, concat(m.client_ipv4 >> 24, '.', (m.client_ipv4 >> 16) & 255, '.',
                                      (m.client_ipv4 >> 8) & 255, '.', m.client_ipv4 & 255)) AS client_ip,
       chr(65 + m.country_code // 26) || chr(65 + m.country_code % 26) AS country,
       CASE WHEN m.state_code < 0 THEN '' ELSE chr(65 + m.state_code // 26) || chr(65 + m.state_code % 26) END
           AS state,
       d.edge_pops[m.file_no + 1][m.edge_pop_no + 1] AS edge_pop, m.rtt_ms,
       r.connections[m.connection_no + 1] AS connection_id, r.prefixes[m.prefix_no + 1] AS prefix
FROM measurement_rows m
JOIN day_names d USING (day)
JOIN registry_names r USING (registry_version);
