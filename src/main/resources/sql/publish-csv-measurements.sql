-- The measurements of a spool written by a peertel from before the binary records (store/DaySpool): such a spool
-- is left when that version stopped between attributeStep and publishStep and was then upgraded, and its restart
-- publishes it as it is. Runs in the publish transaction after publish-day.sql (which deleted the day's rows),
-- with the variable spool_measurements holding the CSV files and day the day (spool_csv: spool-csv.sql).
INSERT INTO measurement_rows
SELECT getvariable('day'), file_no, line, make_timestamp(ts_us), client_ipv4, client_ipv6, country_code, state_code,
       edge_pop_no, rtt_ms, connection_no, prefix_no
FROM spool_csv(getvariable('spool_measurements'),
               {'file_no': 'INTEGER', 'line': 'BIGINT', 'ts_us': 'BIGINT', 'client_ipv4': 'UINTEGER',
                'client_ipv6': 'VARCHAR', 'country_code': 'SMALLINT', 'state_code': 'SMALLINT',
                'edge_pop_no': 'INTEGER', 'rtt_ms': 'DECIMAL(15,6)', 'connection_no': 'INTEGER',
                'prefix_no': 'INTEGER'});
