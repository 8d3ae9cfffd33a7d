-- Moves the rows of a database made before 2026-12, whose `measurements` was a table with the texts in every row,
-- into measurement_rows. TelemetryStore renames that table to measurements_before_2026_12 and runs the schema
-- first, then this, in one transaction. Each old day gets a registry version of its own ('migrated <day>'), with
-- the connections, prefixes and files it holds numbered in text order.

CREATE TEMP TABLE migrated_files AS
SELECT day, file AS text, CAST(row_number() OVER (PARTITION BY day ORDER BY file) - 1 AS INTEGER) AS no
FROM (SELECT DISTINCT day, file FROM measurements_before_2026_12);

CREATE TEMP TABLE migrated_connections AS
SELECT day, connection_id AS text,
       CAST(row_number() OVER (PARTITION BY day ORDER BY connection_id) - 1 AS INTEGER) AS no
FROM (SELECT DISTINCT day, connection_id FROM measurements_before_2026_12);

CREATE TEMP TABLE migrated_prefixes AS
SELECT day, prefix AS text, CAST(row_number() OVER (PARTITION BY day ORDER BY prefix) - 1 AS INTEGER) AS no
FROM (SELECT DISTINCT day, prefix FROM measurements_before_2026_12);

INSERT INTO registry_names
SELECT 'migrated ' || c.day, c.connections, p.prefixes
FROM (SELECT day, list(text ORDER BY no) AS connections FROM migrated_connections GROUP BY day) c
JOIN (SELECT day, list(text ORDER BY no) AS prefixes FROM migrated_prefixes GROUP BY day) p USING (day);

INSERT INTO day_names
SELECT day, list(text ORDER BY no), 'migrated ' || day FROM migrated_files GROUP BY day;

INSERT INTO measurement_rows
SELECT m.day, f.no, m.line, m.ts, m.client_ip, m.country, m.state, m.edge_pop, m.rtt_ms, c.no, p.no
FROM measurements_before_2026_12 m
JOIN migrated_files f ON f.day = m.day AND f.text = m.file
JOIN migrated_connections c ON c.day = m.day AND c.text = m.connection_id
JOIN migrated_prefixes p ON p.day = m.day AND p.text = m.prefix;

DROP TABLE migrated_files;
DROP TABLE migrated_connections;
DROP TABLE migrated_prefixes;
DROP TABLE measurements_before_2026_12;
