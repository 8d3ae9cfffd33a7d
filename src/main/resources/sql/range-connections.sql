-- One customer's connections over a range of days (session variables customer, range_from, range_to), from every
-- measurement of the days on which that customer owned the connection (range_owners: day_connections, or the
-- registry given for days published before owners were kept). Statistics over the rows themselves: the median of a
-- month is not the median of its daily medians. The connection's name, partner and location are those of the last
-- day of the range on which the customer owned it.
WITH owned AS (
    SELECT day, connection_id, connection_name, partner, country, state
    FROM range_owners
    WHERE customer_id = getvariable('customer') AND day BETWEEN getvariable('range_from') AND getvariable('range_to')),
numbers AS (
    SELECT d.day, n.connection_id, n.connection_no
    FROM day_names d
    JOIN (SELECT registry_version, unnest(connections) AS connection_id,
                 unnest(range(len(connections))) AS connection_no
          FROM registry_names) n USING (registry_version)
    WHERE d.day BETWEEN getvariable('range_from') AND getvariable('range_to')),
wanted AS (
    SELECT o.day, o.connection_id, n.connection_no FROM owned o JOIN numbers n USING (day, connection_id)),
stats AS (
    SELECT w.connection_id, count(*) AS samples, min(m.rtt_ms) AS min_ms, max(m.rtt_ms) AS max_ms,
           sum(m.rtt_ms) AS sum_ms, quantile_cont(m.rtt_ms::DOUBLE, [0.5, 0.95, 0.99]) AS q
    FROM measurement_rows m
    JOIN wanted w ON m.day = w.day AND m.connection_no = w.connection_no
    WHERE m.day BETWEEN getvariable('range_from') AND getvariable('range_to')
    GROUP BY w.connection_id),
days AS (
    SELECT o.connection_id,
           count(*) FILTER (WHERE c.samples IS NOT NULL) AS days_with_data,
           count(*) FILTER (WHERE c.samples IS NULL) AS days_without_data,
           arg_max(o.connection_name, o.day) AS connection_name, arg_max(o.partner, o.day) AS partner,
           arg_max(o.country, o.day) AS country, arg_max(o.state, o.day) AS state
    FROM owned o LEFT JOIN connection_daily c USING (day, connection_id)
    GROUP BY o.connection_id),
alert_days AS (
    SELECT a.connection_id, count(DISTINCT a.day) AS alert_days
    FROM alerts a JOIN owned o USING (day, connection_id)
    WHERE a.customer_id = getvariable('customer')
    GROUP BY a.connection_id)
SELECT d.connection_id, d.connection_name, d.partner, d.country, d.state,
       coalesce(s.samples, 0), s.min_ms, s.max_ms, s.sum_ms, s.q[1], s.q[2], s.q[3],
       d.days_with_data, d.days_without_data, coalesce(a.alert_days, 0)
FROM days d
LEFT JOIN stats s USING (connection_id)
LEFT JOIN alert_days a USING (connection_id)
ORDER BY d.connection_id;
