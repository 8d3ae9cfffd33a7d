-- Forgets whatever an earlier, interrupted attempt left in staging for the day (every ? is that day).
DELETE FROM staging_measurements WHERE day = ?;
DELETE FROM staging_unattributed WHERE day = ?;
DELETE FROM staging_rejects WHERE day = ?;
DELETE FROM staging_input_files WHERE day = ?;
DELETE FROM staging_skipped_files WHERE day = ?;
DELETE FROM staging_days WHERE day = ?;
