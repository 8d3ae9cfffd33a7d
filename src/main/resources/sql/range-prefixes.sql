-- One customer's (connection, matched prefix) pairs with data over the range, from range_figures
-- (range-figures.sql, made for the same customer just before).
SELECT connection_id, prefix, samples, q
FROM range_figures
WHERE prefix IS NOT NULL
ORDER BY connection_id, prefix;
