-- Moves the rows of a database made before 2026-12, whose `measurements` was a table with the texts in every row,
-- into measurement_rows. TelemetryStore renames that table to measurements_before_2026_12 and runs the schema
-- first, then this, in one transaction. Each old day gets a registry version of its own ('migrated <day>'), with
-- the connections, prefixes, files and (per file) edge PoPs it holds numbered in text order.

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

CREATE TEMP TABLE migrated_edge_pops AS
SELECT day, file, edge_pop AS text,
       CAST(row_number() OVER (PARTITION BY day, file ORDER BY edge_pop) - 1 AS INTEGER) AS no
FROM (SELECT DISTINCT day, file, edge_pop FROM measurements_before_2026_12);

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
           (CAST(split_part(m.client_ip, '.', 1) AS BIGINT) << 24) + (CAST(split_part(m.client_ip, '.', 2) AS BIGINT) << 16)
           + (CAST(split_part(m.client_ip, '.', 3) AS BIGINT) << 8) + CAST(split_part(m.client_ip, '.', 4) AS BIGINT)
       END,
       CASE WHEN contains(m.client_ip, ':') THEN m.client_ip END,
       (ascii(m.country[1]) - 65) * 26 + ascii(m.country[2]) - 65,
       CASE WHEN m.state = '' THEN -1 ELSE (ascii(m.state[1]) - 65) * 26 + ascii(m.state[2]) - 65 END,
       e.no, m.rtt_ms, c.no, p.no
FROM measurements_before_2026_12 m
JOIN migrated_files f ON f.day = m.day AND f.text = m.file
JOIN migrated_edge_pops e ON e.day = m.day AND e.file = m.file AND e.text = m.edge_pop
JOIN migrated_connections c ON c.day = m.day AND c.text = m.connection_id
JOIN migrated_prefixes p ON p.day = m.day AND p.text = m.prefix;

DROP TABLE migrated_files;
DROP TABLE migrated_edge_pops;
DROP TABLE migrated_connections;
DROP TABLE migrated_prefixes;
DROP TABLE measurements_before_2026_12;
