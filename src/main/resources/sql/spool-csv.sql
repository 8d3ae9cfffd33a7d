-- The CSV files of a day's spool (store/DaySpool) as DuckDB reads them, the read options stated once: as
-- SpoolCsvOut writes them, no header, LF, \N is NULL, a quoted empty string stays an empty string. A temporary
-- macro, made when the store opens its connection, for publish-day.sql and publish-csv-measurements.sql.
-- `fields` is read_csv's columns (names and types); parallel_read := false turns its parallel scan off.
-- (A parameter named after a read_csv option, e.g. columns, would be substituted into that option's name.)
CREATE OR REPLACE TEMP MACRO spool_csv(files, fields, parallel_read := true) AS TABLE
SELECT * FROM read_csv(files, header = false, auto_detect = false, new_line = '\n', delim = ',', quote = '"',
                       escape = '"', nullstr = '\N', allow_quoted_nulls = false, parallel = parallel_read,
                       columns = fields);
