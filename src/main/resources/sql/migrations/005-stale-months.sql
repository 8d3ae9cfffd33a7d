-- The months whose month-to-date report files are behind the store: a day of the month was published, or its
-- alerts changed (a re-judged REGRESSION can reach into the next month). Marked in the same transaction as the
-- change, cleared once the month's files are written after the run, so a crash in between only delays them to the
-- next run. Empty at first: the months of days published before this table get files when next touched.
CREATE TABLE stale_months (
    month DATE PRIMARY KEY -- the first day of the month
);
