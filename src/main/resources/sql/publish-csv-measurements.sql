-- The measurements of a spool written by a peertel from before the binary records (store/DaySpool): such a spool
-- is left when that version stopped between attributeStep and publishStep and was then upgraded, and its restart
-- publishes it as it is (the day resumes at publishStep: nothing would write its spool again). Not a schema change
-- but an upgrade path, so not a migration. Runs in the publish transaction after publish-day.sql (which deleted the
-- day's rows), with the variable spool_measurements holding the CSV files and `day` the day (spool_csv:
-- spool-csv.sql). The CSV columns are that release's file format, frozen; the target columns are matched by name.
--
-- When it may go: once no installation can still hold such a spool, that is once every installation has run a
-- release with the binary measurement spool (commit e361e77, 2026-12-06, or later) on every day an older release
-- left between attributeStep and publishStep (the first run of the same command after the upgrade finishes such a
-- day). Then delete this file and its call in TelemetryStore.publishDay, and make the publish refuse a spool that
-- holds *-measurements.csv files (as it did before it read them), so that no day is published without its rows.
INSERT INTO measurement_rows BY NAME
SELECT getvariable('day') AS day, file_no, line, make_timestamp(ts_us) AS ts, client_ipv4, client_ipv6,
       country_code, state_code, edge_pop_no, rtt_ms, connection_no, prefix_no
FROM spool_csv(getvariable('spool_measurements'),
               {'file_no': 'INTEGER', 'line': 'BIGINT', 'ts_us': 'BIGINT', 'client_ipv4': 'UINTEGER',
                'client_ipv6': 'VARCHAR', 'country_code': 'SMALLINT', 'state_code': 'SMALLINT',
                'edge_pop_no': 'INTEGER', 'rtt_ms': 'DECIMAL(15,6)', 'connection_no': 'INTEGER',
                'prefix_no': 'INTEGER'});
