-- One customer's (connection, matched prefix) pairs over a range, as range-connections.sql counts its rows. The
-- prefix texts are looked up once per (registry, prefix number), not carried with every row: a registry's list of
-- prefixes joined to each measurement made this query several times slower than range-connections.sql.
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
    WHERE registry_version IN (SELECT registry_version FROM wanted))
SELECT c.connection_id, p.prefix, count(*) AS samples, quantile_cont(c.rtt_ms::DOUBLE, [0.5, 0.95]) AS q
FROM counted c
JOIN prefix_names p USING (registry_version, prefix_no)
GROUP BY c.connection_id, p.prefix
ORDER BY c.connection_id, p.prefix;
