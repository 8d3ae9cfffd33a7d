-- The alert lifecycle (incidents) of every evaluated day is recomputed from what is stored, so that any order of runs
-- ends as one clean run. It needs two things the alerts table did not keep:
--
-- Which rules could be judged for each registered connection on each evaluated day: an incident resolves only on a
-- day its rule was judged and did not fire, and a connection without a row on an evaluated day was not in that
-- day's registry (its incidents resolve). Days evaluated before this table have no rows: they resolve nothing.
CREATE TABLE alert_judgements (
    day           DATE    NOT NULL,
    connection_id VARCHAR NOT NULL,
    rules         VARCHAR NOT NULL -- the rules judged, by name, space-separated in the rules' order
);

-- The alert's figures exactly, as decimal text: the alert files of later days are written again from the stored rows
-- when their lifecycle changes, and a DOUBLE can round a threshold such as 1.5 x a baseline across the third
-- decimal. NULL in rows of earlier releases, which are read from the DOUBLE columns.
ALTER TABLE alerts ADD COLUMN observed_exact VARCHAR;
ALTER TABLE alerts ADD COLUMN threshold_exact VARCHAR;
ALTER TABLE alerts ADD COLUMN baseline_exact VARCHAR;
