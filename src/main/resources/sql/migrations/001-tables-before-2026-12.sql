-- The tables as released before 2026-12 (schema.sql until then), with `measurements` a table of texts. Frozen:
-- the schema changes later in migrations of their own. Every table is CREATE TABLE IF NOT EXISTS, so that on a
-- database of such a release, which has no schema_version yet, this fills in the tables an older one may lack.
-- Every table carries the UTC day it belongs to, so a re-run replaces exactly that day.

CREATE TABLE IF NOT EXISTS measurements (
    day           DATE          NOT NULL,
    file          VARCHAR       NOT NULL,
    line          BIGINT        NOT NULL,
    ts            TIMESTAMP     NOT NULL, -- UTC
    client_ip     VARCHAR       NOT NULL,
    country       VARCHAR       NOT NULL,
    state         VARCHAR       NOT NULL,
    edge_pop      VARCHAR       NOT NULL,
    rtt_ms        DECIMAL(15,6) NOT NULL, -- exact: sums and means do not depend on summation order
    connection_id VARCHAR       NOT NULL,
    prefix        VARCHAR       NOT NULL  -- the longest registered prefix that matched
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
