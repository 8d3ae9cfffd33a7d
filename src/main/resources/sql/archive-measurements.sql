-- One day's measurements (session variable archive_day) with their texts, for the Parquet archive: the columns of
-- the measurements view, much faster. The view indexes each row into its registry's lists (connections, prefixes),
-- which DuckDB copies with every row (7 s for a day of 1 M rows); here the day's names are unnested once into small
-- tables and joined by number (0.3 s). LEFT JOINs: a row is never dropped, DayArchive checks the count.
WITH d AS (SELECT files, edge_pops, registry_version FROM day_names WHERE day = getvariable('archive_day')),
conns AS (SELECT unnest(connections) AS connection_id, unnest(range(len(connections))) AS connection_no
          FROM registry_names WHERE registry_version = (SELECT registry_version FROM d)),
prefs AS (SELECT unnest(prefixes) AS prefix, unnest(range(len(prefixes))) AS prefix_no
          FROM registry_names WHERE registry_version = (SELECT registry_version FROM d)),
files AS (SELECT unnest(files) AS file, unnest(range(len(files))) AS file_no, unnest(edge_pops) AS pops FROM d),
pops AS (SELECT file_no, unnest(pops) AS edge_pop, unnest(range(len(pops))) AS edge_pop_no FROM files)
SELECT f.file, m.line, m.ts,
       coalesce(m.client_ipv6, concat(m.client_ipv4 >> 24, '.', (m.client_ipv4 >> 16) & 255, '.',
                                      (m.client_ipv4 >> 8) & 255, '.', m.client_ipv4 & 255)) AS client_ip,
       chr(65 + m.country_code // 26) || chr(65 + m.country_code % 26) AS country,
       CASE WHEN m.state_code < 0 THEN '' ELSE chr(65 + m.state_code // 26) || chr(65 + m.state_code % 26) END AS state,
       p.edge_pop, m.rtt_ms, c.connection_id, x.prefix
FROM measurement_rows m
LEFT JOIN files f ON f.file_no = m.file_no
LEFT JOIN pops p ON p.file_no = m.file_no AND p.edge_pop_no = m.edge_pop_no
LEFT JOIN conns c ON c.connection_no = m.connection_no
LEFT JOIN prefs x ON x.prefix_no = m.prefix_no
WHERE m.day = getvariable('archive_day')
