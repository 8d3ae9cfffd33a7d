-- The spool's dictionary (store/DaySpool) as the temporary table spool_dictionary, one row, from the session
-- variables spool_dictionary and spool_edge_pops (file lists read by spool_csv, spool-csv.sql). Read by the publish
-- transaction (publish-day.sql) and by a remote worker aggregating a bucket of connections (aggregate-bucket).

-- The dictionary as three lists (file names, connection ids, prefixes): a row's number n is the list's
-- element n + 1. Looking texts up in lists measured 3 to 4 times faster than joining a dictionary table.
-- The registry's version is the SHA-256 of its two lists (ids and prefixes hold no line feed).
CREATE OR REPLACE TEMP TABLE spool_names AS
SELECT * FROM spool_csv(getvariable('spool_dictionary'), {'kind': 'VARCHAR', 'no': 'INTEGER', 'text': 'VARCHAR'});

-- The edge PoPs of each file (SpoolFileWriter numbers them per file), a list for every file, empty for some.
CREATE OR REPLACE TEMP TABLE spool_edge_pops AS
SELECT coalesce(list(coalesce(e.names, []::VARCHAR[]) ORDER BY f.no), []::VARCHAR[][]) AS edge_pops
FROM (SELECT no FROM spool_names WHERE kind = 'file') f
LEFT JOIN (SELECT file_no, list(text ORDER BY no) AS names
           FROM spool_csv(getvariable('spool_edge_pops'), {'file_no': 'INTEGER', 'no': 'INTEGER', 'text': 'VARCHAR'})
           GROUP BY file_no) e ON e.file_no = f.no;

CREATE OR REPLACE TEMP TABLE spool_dictionary AS
SELECT files, connections, prefixes, edge_pops,
       sha256(array_to_string(connections, chr(10)) || chr(10) || chr(10) || array_to_string(prefixes, chr(10)))
           AS registry_version
FROM (SELECT coalesce(list(text ORDER BY no) FILTER (kind = 'file'), []) AS files,
             coalesce(list(text ORDER BY no) FILTER (kind = 'connection'), []) AS connections,
             coalesce(list(text ORDER BY no) FILTER (kind = 'prefix'), []) AS prefixes
      FROM spool_names)
CROSS JOIN spool_edge_pops;
DROP TABLE spool_names;
DROP TABLE spool_edge_pops;
