-- The days whose per-row tables were moved into the Parquet archive (retention): one row per (day, table) with the
-- file that holds its rows, written in the transaction that deletes them from DuckDB. Reports over a range read the
-- measurements of these days from their files; a day published again (reprocessed) loses its rows here, since its
-- rows are in DuckDB again until it is archived anew.
CREATE TABLE archived_days (
    day         DATE      NOT NULL,
    table_name  VARCHAR   NOT NULL, -- measurements, unattributed or rejects
    file        VARCHAR   NOT NULL, -- the verified Parquet file (absolute path)
    rows        BIGINT    NOT NULL,
    archived_at TIMESTAMP NOT NULL  -- UTC
);
