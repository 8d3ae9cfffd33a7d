-- One customer's connections over a range of days (session variables customer, range_from, range_to): the
-- statistics of range_figures (range-figures.sql, made for the same customer just before), the days with and
-- without data and with alerts of the days on which the customer owned each connection (range_owners, range_daily
-- and range_alerts: DuckDB's rows and the archive's, RangeQueries). The
-- connection's name, partner and location are those of the last day of the range on which the customer owned it.
WITH owned AS (
    SELECT day, connection_id, connection_name, partner, country, state
    FROM range_owners
    WHERE customer_id = getvariable('customer') AND day BETWEEN getvariable('range_from') AND getvariable('range_to')),
stats AS (
    SELECT connection_id, samples, min_ms, max_ms, sum_ms, q FROM range_figures WHERE prefix IS NULL),
days AS (
    SELECT o.connection_id,
           count(*) FILTER (WHERE c.samples IS NOT NULL) AS days_with_data,
           count(*) FILTER (WHERE c.samples IS NULL) AS days_without_data,
           arg_max(o.connection_name, o.day) AS connection_name, arg_max(o.partner, o.day) AS partner,
           arg_max(o.country, o.day) AS country, arg_max(o.state, o.day) AS state
    FROM owned o LEFT JOIN range_daily c USING (day, connection_id)
    GROUP BY o.connection_id),
alert_days AS (
    SELECT a.connection_id, count(DISTINCT a.day) AS alert_days
    FROM range_alerts a JOIN owned o USING (day, connection_id)
    WHERE a.customer_id = getvariable('customer')
    GROUP BY a.connection_id)
SELECT d.connection_id, d.connection_name, d.partner, d.country, d.state,
       coalesce(s.samples, 0), s.min_ms, s.max_ms, s.sum_ms, s.q[1], s.q[2], s.q[3],
       d.days_with_data, d.days_without_data, coalesce(a.alert_days, 0)
FROM days d
LEFT JOIN stats s USING (connection_id)
LEFT JOIN alert_days a USING (connection_id)
ORDER BY d.connection_id;
