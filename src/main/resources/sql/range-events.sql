-- The prefix events of a range (the view range_events: DuckDB's and the archive's) for the range and month reports, every
-- customer at once: one query per range, not one per customer or connection. An event counts for the customer
-- stored with it (the registry's owner when its day was computed), and only when that customer owned the connection
-- on some day of the range (range_owners), so no customer sees another's. The daily PrefixActivePath rows are not
-- listed (a state, not an event); they only count the days whose events were computed, so that a connection with
-- computed days but no event gives one row without an event, and the page can tell "none" from "not computed".
-- Per customer and connection: Critical, then Warning, then Information, then by start time.
WITH owned AS (
    SELECT DISTINCT customer_id, connection_id FROM range_owners),
stored AS (
    SELECT e.*
    FROM range_events e JOIN owned o USING (customer_id, connection_id)),
computed AS (
    SELECT customer_id, connection_id, count(DISTINCT day) AS days_computed
    FROM stored
    GROUP BY customer_id, connection_id),
listed AS (
    SELECT * FROM stored WHERE event_type <> 'PrefixActivePath')
SELECT c.customer_id, c.connection_id, c.days_computed, l.day, l.event_type, l.level, l.prefix, l.origin_asn,
       l.start_time, l.end_time, l.peers_max, l.summary
FROM computed c LEFT JOIN listed l USING (customer_id, connection_id)
ORDER BY c.customer_id, c.connection_id,
         CASE l.level WHEN 'Critical' THEN 0 WHEN 'Warning' THEN 1 ELSE 2 END,
         l.start_time NULLS LAST, l.event_id;
