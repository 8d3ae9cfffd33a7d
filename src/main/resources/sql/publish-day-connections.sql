-- The registry's connections the day was attributed with (store/DaySpool, connections.csv), into day_connections,
-- inside the publish transaction of the day (publish-day.sql emptied the day's rows first). Run only when the spool
-- has the file: a spool written by a release from before it leaves the day without owners.
INSERT INTO day_connections
SELECT getvariable('day'), connection_id, customer_id, connection_name, partner, country, state
FROM spool_csv(getvariable('spool_connections'),
               {'connection_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'connection_name': 'VARCHAR',
                'partner': 'VARCHAR', 'country': 'VARCHAR', 'state': 'VARCHAR'},
               parallel_read := false);
