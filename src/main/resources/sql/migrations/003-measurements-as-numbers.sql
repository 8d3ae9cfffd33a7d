-- Measurements as numbers (released 2026-12): the rows of `measurements`, a table with the texts in every row, move
-- to measurement_rows, whose texts are numbers named by day_names and registry_names, and `measurements` becomes a
-- view that gives the texts back. Frozen: a later change of measurement_rows is a migration of its own (the row as
-- the code writes it today is store/MeasurementColumn). Each day found gets a registry version of its own
-- ('migrated <day>'), with the connections, prefixes, files and (per file) edge PoPs it holds numbered in text order.

-- Attributed measurements, compact: every text that can be rebuilt exactly is a number (the file, the connection,
-- the prefix, the edge PoP as numbers into day_names and registry_names; the client, country and state as
-- values). Grouping by integer keys measured 20 times faster than by their texts, and loading numbers about twice
-- as fast as text (BENCHMARKS.md). Read them through the view `measurements` (below), which gives the texts back.
CREATE TABLE measurement_rows (
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
CREATE TABLE day_names (
    day              DATE        NOT NULL,
    files            VARCHAR[]   NOT NULL, -- the day's input files in name order
    edge_pops        VARCHAR[][] NOT NULL, -- by file, its edge PoPs in order of first appearance
    registry_version VARCHAR     NOT NULL  -- its connections and prefixes in registry_names
);

-- The registry's connection ids and prefixes in the matcher's order, once per distinct registry (the SHA-256 of
-- both lists), so that a year of days against one registry of a million prefixes holds them once.
CREATE TABLE registry_names (
    registry_version VARCHAR   NOT NULL,
    connections      VARCHAR[] NOT NULL,
    prefixes         VARCHAR[] NOT NULL
);

-- The rows of the table of texts, if there are any (a database made before 2026-12).
CREATE TEMP TABLE migrated_files AS
SELECT day, file AS text, CAST(row_number() OVER (PARTITION BY day ORDER BY file) - 1 AS INTEGER) AS no
FROM (SELECT DISTINCT day, file FROM measurements);

CREATE TEMP TABLE migrated_connections AS
SELECT day, connection_id AS text,
       CAST(row_number() OVER (PARTITION BY day ORDER BY connection_id) - 1 AS INTEGER) AS no
FROM (SELECT DISTINCT day, connection_id FROM measurements);

CREATE TEMP TABLE migrated_prefixes AS
SELECT day, prefix AS text, CAST(row_number() OVER (PARTITION BY day ORDER BY prefix) - 1 AS INTEGER) AS no
FROM (SELECT DISTINCT day, prefix FROM measurements);

CREATE TEMP TABLE migrated_edge_pops AS
SELECT day, file, edge_pop AS text,
       CAST(row_number() OVER (PARTITION BY day, file ORDER BY edge_pop) - 1 AS INTEGER) AS no
FROM (SELECT DISTINCT day, file, edge_pop FROM measurements);

INSERT INTO registry_names
SELECT 'migrated ' || c.day, c.connections, p.prefixes
FROM (SELECT day, list(text ORDER BY no) AS connections FROM migrated_connections GROUP BY day) c
JOIN (SELECT day, list(text ORDER BY no) AS prefixes FROM migrated_prefixes GROUP BY day) p USING (day);

INSERT INTO day_names
SELECT f.day, list(f.text ORDER BY f.no), list(e.names ORDER BY f.no), 'migrated ' || f.day
FROM migrated_files f
JOIN (SELECT day, file, list(text ORDER BY no) AS names FROM migrated_edge_pops GROUP BY day, file) e
    ON e.day = f.day AND e.file = f.text
GROUP BY f.day;

-- client_ip was the canonical text: the dotted quad for every IPv4 client, an IPv6 text (with ':') otherwise
INSERT INTO measurement_rows
SELECT m.day, f.no, m.line, m.ts,
       CASE WHEN NOT contains(m.client_ip, ':') THEN
           (CAST(split_part(m.client_ip, '.', 1) AS BIGINT) << 24)
           + (CAST(split_part(m.client_ip, '.', 2) AS BIGINT) << 16)
           + (CAST(split_part(m.client_ip, '.', 3) AS BIGINT) << 8) + CAST(split_part(m.client_ip, '.', 4) AS BIGINT)
       END,
       CASE WHEN contains(m.client_ip, ':') THEN m.client_ip END,
       (ascii(m.country[1]) - 65) * 26 + ascii(m.country[2]) - 65,
       CASE WHEN m.state = '' THEN -1 ELSE (ascii(m.state[1]) - 65) * 26 + ascii(m.state[2]) - 65 END,
       e.no, m.rtt_ms, c.no, p.no
FROM measurements m
JOIN migrated_files f ON f.day = m.day AND f.text = m.file
JOIN migrated_edge_pops e ON e.day = m.day AND e.file = m.file AND e.text = m.edge_pop
JOIN migrated_connections c ON c.day = m.day AND c.text = m.connection_id
JOIN migrated_prefixes p ON p.day = m.day AND p.text = m.prefix;

DROP TABLE migrated_files;
DROP TABLE migrated_edge_pops;
DROP TABLE migrated_connections;
DROP TABLE migrated_prefixes;
DROP TABLE measurements;

-- The attributed measurements with their texts, as the table of this name held them before 2026-12.
CREATE VIEW measurements AS
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
