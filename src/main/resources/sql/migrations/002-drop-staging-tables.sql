-- Until 2026-11 a day was staged in tables; since then it goes through spool files beside the database
-- (store/DaySpool). The staging tables of those releases go.
DROP TABLE IF EXISTS staging_measurements;
DROP TABLE IF EXISTS staging_unattributed;
DROP TABLE IF EXISTS staging_rejects;
DROP TABLE IF EXISTS staging_input_files;
DROP TABLE IF EXISTS staging_days;
