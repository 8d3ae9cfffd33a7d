-- One customer's figures over a range of days (session variables customer, range_from, range_to) into the temporary
-- table range_figures: per connection (prefix NULL) and per (connection, matched prefix), from every measurement of
-- the days on which that customer owned the connection (range_owners: day_connections, or the registry given for
-- days published before owners were kept). Statistics over the rows themselves: the median of a month is not the
-- median of its daily medians. Both levels in one pass over the rows (GROUPING SETS): two queries, one a level,
-- read the rows twice and took about 1.4 times as long (BENCHMARKS.md, "Month-to-date files").
-- The customer's rows are those of its connections' numbers on each day; the rows are stored grouped by connection
-- number, so DuckDB reads only the row groups that hold them. The prefix texts are looked up once per (registry,
-- prefix number), not carried with every row.
CREATE OR REPLACE TEMP TABLE range_figures AS
WITH owned AS (
    SELECT day, connection_id
    FROM range_owners
    WHERE customer_id = getvariable('customer') AND day BETWEEN getvariable('range_from') AND getvariable('range_to')),
numbers AS (
    SELECT d.day, d.registry_version, n.connection_id, n.connection_no
    FROM day_names d
    JOIN (SELECT registry_version, unnest(connections) AS connection_id,
                 unnest(range(len(connections))) AS connection_no
          FROM registry_names) n USING (registry_version)
    WHERE d.day BETWEEN getvariable('range_from') AND getvariable('range_to')),
wanted AS (
    SELECT o.day, o.connection_id, n.connection_no, n.registry_version
    FROM owned o JOIN numbers n USING (day, connection_id)),
counted AS (
    SELECT w.connection_id, w.registry_version, m.prefix_no, m.rtt_ms
    FROM measurement_rows m
    JOIN wanted w ON m.day = w.day AND m.connection_no = w.connection_no
    WHERE m.day BETWEEN getvariable('range_from') AND getvariable('range_to')),
prefix_names AS (
    SELECT registry_version, unnest(prefixes) AS prefix, unnest(range(len(prefixes))) AS prefix_no
    FROM registry_names
    WHERE registry_version IN (SELECT registry_version FROM wanted)),
-- the days retention moved into the Parquet archive (archived_days), whose rows hold the texts themselves
archived AS (
    SELECT a.connection_id, a.prefix, a.rtt_ms
    FROM archived_measurements a
    JOIN owned o ON a.day = o.day AND a.connection_id = o.connection_id),
rows_of_range AS (
    SELECT c.connection_id, p.prefix, c.rtt_ms
    FROM counted c
    JOIN prefix_names p USING (registry_version, prefix_no)
    UNION ALL
    SELECT connection_id, prefix, rtt_ms FROM archived)
SELECT connection_id, prefix, count(*) AS samples, min(rtt_ms) AS min_ms, max(rtt_ms) AS max_ms,
       sum(rtt_ms) AS sum_ms, quantile_cont(rtt_ms::DOUBLE, [0.5, 0.95, 0.99]) AS q
FROM rows_of_range
GROUP BY GROUPING SETS ((connection_id), (connection_id, prefix));
