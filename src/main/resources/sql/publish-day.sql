-- Replaces one day (every ? is that day) with what staging holds for it, and recomputes the day's aggregates.
-- TelemetryStore runs these statements in one transaction: readers see the old day or the new day, never a mix.
-- It runs them only when staging_days holds the day (its staging is complete and not yet published); the last
-- statement removes that marker, so running the publish again after a crash changes nothing.

DELETE FROM measurements WHERE day = ?;
INSERT INTO measurements SELECT * FROM staging_measurements WHERE day = ?;
DELETE FROM unattributed WHERE day = ?;
INSERT INTO unattributed SELECT * FROM staging_unattributed WHERE day = ?;
DELETE FROM rejects WHERE day = ?;
INSERT INTO rejects SELECT * FROM staging_rejects WHERE day = ?;
DELETE FROM input_files WHERE day = ?;
INSERT INTO input_files SELECT * FROM staging_input_files WHERE day = ?;
DELETE FROM skipped_files WHERE day = ?;
INSERT INTO skipped_files SELECT * FROM staging_skipped_files WHERE day = ?;

DELETE FROM connection_daily WHERE day = ?;
INSERT INTO connection_daily
SELECT day, connection_id, samples, min_ms, max_ms, sum_ms, sum_ms::DOUBLE / samples, q[1], q[2], q[3]
FROM (SELECT day, connection_id, count(*) AS samples, min(rtt_ms) AS min_ms, max(rtt_ms) AS max_ms,
             sum(rtt_ms) AS sum_ms, quantile_cont(rtt_ms::DOUBLE, [0.5, 0.95, 0.99]) AS q
      FROM measurements WHERE day = ? GROUP BY day, connection_id);

DELETE FROM connection_hourly WHERE day = ?;
INSERT INTO connection_hourly
SELECT day, hour, connection_id, samples, min_ms, max_ms, sum_ms, sum_ms::DOUBLE / samples, q[1], q[2], q[3]
FROM (SELECT day, hour(ts) AS hour, connection_id, count(*) AS samples, min(rtt_ms) AS min_ms,
             max(rtt_ms) AS max_ms, sum(rtt_ms) AS sum_ms, quantile_cont(rtt_ms::DOUBLE, [0.5, 0.95, 0.99]) AS q
      FROM measurements WHERE day = ? GROUP BY day, hour(ts), connection_id);

DELETE FROM prefix_daily WHERE day = ?;
INSERT INTO prefix_daily
SELECT day, connection_id, prefix, samples, min_ms, max_ms, sum_ms, sum_ms::DOUBLE / samples, q[1], q[2], q[3]
FROM (SELECT day, connection_id, prefix, count(*) AS samples, min(rtt_ms) AS min_ms, max(rtt_ms) AS max_ms,
             sum(rtt_ms) AS sum_ms, quantile_cont(rtt_ms::DOUBLE, [0.5, 0.95, 0.99]) AS q
      FROM measurements WHERE day = ? GROUP BY day, connection_id, prefix);

DELETE FROM staging_measurements WHERE day = ?;
DELETE FROM staging_unattributed WHERE day = ?;
DELETE FROM staging_rejects WHERE day = ?;
DELETE FROM staging_input_files WHERE day = ?;
DELETE FROM staging_skipped_files WHERE day = ?;
DELETE FROM staging_days WHERE day = ?;
