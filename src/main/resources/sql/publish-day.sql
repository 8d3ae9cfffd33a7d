-- Replaces one day (every ? is that day) with the rows of its spool (store/DaySpool), and recomputes the day's
-- aggregates. TelemetryStore runs these statements in one transaction, after setting the variables spool_*
-- to the spool's file lists: readers see the old day or the new day, never a mix. Publishing the same complete
-- spool twice gives the same day, so a crash after the commit (before the spool is removed) costs nothing.
-- The read options: \N is NULL, a quoted empty string stays an empty string (SpoolCsvOut writes the files).

CREATE OR REPLACE TEMP TABLE spool_dictionary AS
SELECT * FROM read_csv(getvariable('spool_dictionary'), header = false, auto_detect = false, new_line = '\n', delim = ',', quote = '"', escape = '"',
                       nullstr = '\N', allow_quoted_nulls = false,
                       columns = {'kind': 'VARCHAR', 'no': 'INTEGER', 'text': 'VARCHAR'});

DELETE FROM measurements WHERE day = ?;
INSERT INTO measurements
SELECT CAST(? AS DATE), f.text, s.line, make_timestamp(s.ts_us), s.client_ip, s.country, s.state, s.edge_pop,
       s.rtt_ms, c.text, p.text
FROM read_csv(getvariable('spool_measurements'), header = false, auto_detect = false, new_line = '\n', delim = ',', quote = '"', escape = '"',
              nullstr = '\N', allow_quoted_nulls = false,
              columns = {'file_no': 'INTEGER', 'line': 'BIGINT', 'ts_us': 'BIGINT', 'client_ip': 'VARCHAR',
                         'country': 'VARCHAR', 'state': 'VARCHAR', 'edge_pop': 'VARCHAR',
                         'rtt_ms': 'DECIMAL(15,6)', 'connection_no': 'INTEGER', 'prefix_no': 'INTEGER'}) s
JOIN spool_dictionary f ON f.kind = 'file' AND f.no = s.file_no
JOIN spool_dictionary c ON c.kind = 'connection' AND c.no = s.connection_no
JOIN spool_dictionary p ON p.kind = 'prefix' AND p.no = s.prefix_no;

DELETE FROM unattributed WHERE day = ?;
INSERT INTO unattributed
SELECT CAST(? AS DATE), f.text, s.line, make_timestamp(s.ts_us), s.client_ip, s.country, s.state, s.edge_pop,
       s.rtt_ms, s.reason, p.text
FROM read_csv(getvariable('spool_unattributed'), header = false, auto_detect = false, new_line = '\n', delim = ',', quote = '"', escape = '"',
              nullstr = '\N', allow_quoted_nulls = false,
              columns = {'file_no': 'INTEGER', 'line': 'BIGINT', 'ts_us': 'BIGINT', 'client_ip': 'VARCHAR',
                         'country': 'VARCHAR', 'state': 'VARCHAR', 'edge_pop': 'VARCHAR',
                         'rtt_ms': 'DECIMAL(15,6)', 'reason': 'VARCHAR', 'prefix_no': 'INTEGER'}) s
JOIN spool_dictionary f ON f.kind = 'file' AND f.no = s.file_no
LEFT JOIN spool_dictionary p ON p.kind = 'prefix' AND p.no = s.prefix_no;

DELETE FROM rejects WHERE day = ?;
INSERT INTO rejects
SELECT CAST(? AS DATE), f.text, s.line, s.reason, s.raw
FROM read_csv(getvariable('spool_rejects'), header = false, auto_detect = false, new_line = '\n', delim = ',', quote = '"', escape = '"',
              nullstr = '\N', allow_quoted_nulls = false, parallel = false,
              columns = {'file_no': 'INTEGER', 'line': 'BIGINT', 'reason': 'VARCHAR', 'raw': 'VARCHAR'}) s
JOIN spool_dictionary f ON f.kind = 'file' AND f.no = s.file_no;

DELETE FROM input_files WHERE day = ?;
INSERT INTO input_files
SELECT CAST(? AS DATE), name, rows, bytes, sha256
FROM read_csv(getvariable('spool_input_files'), header = false, auto_detect = false, new_line = '\n', delim = ',', quote = '"', escape = '"',
              nullstr = '\N', allow_quoted_nulls = false,
              columns = {'name': 'VARCHAR', 'rows': 'BIGINT', 'bytes': 'BIGINT', 'sha256': 'VARCHAR'});

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

DROP TABLE spool_dictionary;
