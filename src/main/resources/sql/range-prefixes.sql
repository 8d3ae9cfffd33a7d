-- One customer's (connection, matched prefix) pairs over a range, as range-connections.sql counts its rows.
WITH owned AS (
    SELECT day, connection_id
    FROM range_owners
    WHERE customer_id = getvariable('customer') AND day BETWEEN getvariable('range_from') AND getvariable('range_to')),
numbers AS (
    SELECT d.day, n.connection_id, n.connection_no, r.prefixes
    FROM day_names d
    JOIN registry_names r USING (registry_version)
    JOIN (SELECT registry_version, unnest(connections) AS connection_id,
                 unnest(range(len(connections))) AS connection_no
          FROM registry_names) n USING (registry_version)
    WHERE d.day BETWEEN getvariable('range_from') AND getvariable('range_to')),
wanted AS (
    SELECT o.day, o.connection_id, n.connection_no, n.prefixes FROM owned o JOIN numbers n USING (day, connection_id))
SELECT w.connection_id, w.prefixes[m.prefix_no + 1] AS prefix, count(*) AS samples,
       quantile_cont(m.rtt_ms::DOUBLE, [0.5, 0.95]) AS q
FROM measurement_rows m
JOIN wanted w ON m.day = w.day AND m.connection_no = w.connection_no
WHERE m.day BETWEEN getvariable('range_from') AND getvariable('range_to')
GROUP BY w.connection_id, prefix
ORDER BY w.connection_id, prefix;
