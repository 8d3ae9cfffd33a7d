-- Replaces one day, the session variable day (a DATE), with the rows of its spool (store/DaySpool), and recomputes
-- the day's aggregates. TelemetryStore runs this script in one transaction, after setting the variables spool_*
-- to the spool's CSV file lists (read by spool_csv, spool-csv.sql): readers see the old day or the new day, never a
-- mix. Publishing the same complete spool twice gives the same day, so a crash after the commit (before the spool
-- is removed) costs nothing.

-- The spool's dictionary is read first, by spool-dictionary.sql, into the temporary table spool_dictionary.

DELETE FROM day_names WHERE day = getvariable('day');
INSERT INTO registry_names
SELECT registry_version, connections, prefixes FROM spool_dictionary
WHERE registry_version NOT IN (SELECT registry_version FROM registry_names);
INSERT INTO day_names SELECT getvariable('day'), files, edge_pops, registry_version FROM spool_dictionary;
DELETE FROM registry_names WHERE registry_version NOT IN (SELECT registry_version FROM day_names);

-- The measurements are not read here: TelemetryStore inserts them after this script, in the same transaction,
-- from the spool's binary files as Arrow batches (store/ArrowMeasurementLoad).
DELETE FROM measurement_rows WHERE day = getvariable('day');
-- A day published again holds its rows here again, whatever an earlier retention archived of it.
DELETE FROM archived_days WHERE day = getvariable('day');

DELETE FROM unattributed WHERE day = getvariable('day');
INSERT INTO unattributed
SELECT getvariable('day'), d.files[s.file_no + 1], s.line, make_timestamp(s.ts_us), s.client_ip, s.country,
       s.state, s.edge_pop, s.rtt_ms, s.reason, d.prefixes[s.prefix_no + 1]
FROM spool_csv(getvariable('spool_unattributed'),
               {'file_no': 'INTEGER', 'line': 'BIGINT', 'ts_us': 'BIGINT', 'client_ip': 'VARCHAR',
                'country': 'VARCHAR', 'state': 'VARCHAR', 'edge_pop': 'VARCHAR', 'rtt_ms': 'DECIMAL(15,6)',
                'reason': 'VARCHAR', 'prefix_no': 'INTEGER'}) s
CROSS JOIN spool_dictionary d;

DELETE FROM rejects WHERE day = getvariable('day');
INSERT INTO rejects
SELECT getvariable('day'), d.files[s.file_no + 1], s.line, s.reason, s.raw
FROM spool_csv(getvariable('spool_rejects'),
               {'file_no': 'INTEGER', 'line': 'BIGINT', 'reason': 'VARCHAR', 'raw': 'VARCHAR'},
               parallel_read := false) s
CROSS JOIN spool_dictionary d;

-- The month's report files are behind from now on (cleared when they are written, store/TelemetryStore).
INSERT OR IGNORE INTO stale_months VALUES (date_trunc('month', getvariable('day'))::DATE);

-- The day's owners: publish-day-connections.sql inserts them when the spool has them (an older release's has not).
DELETE FROM day_connections WHERE day = getvariable('day');

DELETE FROM input_files WHERE day = getvariable('day');
INSERT INTO input_files
SELECT getvariable('day'), name, rows, bytes, sha256
FROM spool_csv(getvariable('spool_input_files'),
               {'name': 'VARCHAR', 'rows': 'BIGINT', 'bytes': 'BIGINT', 'sha256': 'VARCHAR'});

DELETE FROM skipped_files WHERE day = getvariable('day');
INSERT INTO skipped_files
SELECT getvariable('day'), name, reason, message
FROM spool_csv(getvariable('spool_skipped_files'), {'name': 'VARCHAR', 'reason': 'VARCHAR', 'message': 'VARCHAR'});

-- The day's aggregates are inserted by aggregate-batch.sql, once per batch of connections.
DELETE FROM connection_daily WHERE day = getvariable('day');
DELETE FROM connection_hourly WHERE day = getvariable('day');
DELETE FROM prefix_daily WHERE day = getvariable('day');
