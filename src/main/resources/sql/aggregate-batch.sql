-- The aggregates of one batch of the day's connections, numbers first_connection..last_connection, of the day
-- `day` (session variables), inside the publish transaction. They group by numbers and look the texts up once per
-- group. Batches, because quantile_cont holds every value of its groups in memory at once: a batch of at most
-- AggregateBatches.maxRows rows (a share of DuckDB's memory limit) keeps memory flat however many rows the day has.
INSERT INTO connection_daily
SELECT getvariable('day'), d.connections[s.connection_no + 1], samples, min_ms, max_ms, sum_ms,
       sum_ms::DOUBLE / samples, q[1], q[2], q[3]
FROM (SELECT connection_no, count(*) AS samples, min(rtt_ms) AS min_ms, max(rtt_ms) AS max_ms,
             sum(rtt_ms) AS sum_ms, quantile_cont(rtt_ms::DOUBLE, [0.5, 0.95, 0.99]) AS q
      FROM measurement_rows
      WHERE day = getvariable('day')
        AND connection_no BETWEEN getvariable('first_connection') AND getvariable('last_connection')
      GROUP BY connection_no) s
CROSS JOIN spool_dictionary d;

INSERT INTO connection_hourly
SELECT getvariable('day'), hour, d.connections[s.connection_no + 1], samples, min_ms, max_ms, sum_ms,
       sum_ms::DOUBLE / samples, q[1], q[2], q[3]
FROM (SELECT hour(ts) AS hour, connection_no, count(*) AS samples, min(rtt_ms) AS min_ms,
             max(rtt_ms) AS max_ms, sum(rtt_ms) AS sum_ms, quantile_cont(rtt_ms::DOUBLE, [0.5, 0.95, 0.99]) AS q
      FROM measurement_rows
      WHERE day = getvariable('day')
        AND connection_no BETWEEN getvariable('first_connection') AND getvariable('last_connection')
      GROUP BY hour(ts), connection_no) s
CROSS JOIN spool_dictionary d;

INSERT INTO prefix_daily
SELECT getvariable('day'), d.connections[s.connection_no + 1], d.prefixes[s.prefix_no + 1], samples, min_ms, max_ms,
       sum_ms, sum_ms::DOUBLE / samples, q[1], q[2], q[3]
FROM (SELECT connection_no, prefix_no, count(*) AS samples, min(rtt_ms) AS min_ms, max(rtt_ms) AS max_ms,
             sum(rtt_ms) AS sum_ms, quantile_cont(rtt_ms::DOUBLE, [0.5, 0.95, 0.99]) AS q
      FROM measurement_rows
      WHERE day = getvariable('day')
        AND connection_no BETWEEN getvariable('first_connection') AND getvariable('last_connection')
      GROUP BY connection_no, prefix_no) s
CROSS JOIN spool_dictionary d;

