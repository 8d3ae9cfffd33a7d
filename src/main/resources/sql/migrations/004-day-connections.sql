-- Who owned each connection on each published day, with its name, partner and location then: the registry the day
-- was attributed with, published with the day from its spool. Reports over a range give each day's rows to the
-- customer of that day, and show a connection as it was on the last day that customer owned it. Days published by
-- a release from before this table have no rows here: reports take the registry they are given for those days.
CREATE TABLE day_connections (
    day             DATE    NOT NULL,
    connection_id   VARCHAR NOT NULL,
    customer_id     VARCHAR NOT NULL,
    connection_name VARCHAR NOT NULL,
    partner         VARCHAR NOT NULL,
    country         VARCHAR NOT NULL,
    state           VARCHAR NOT NULL  -- empty outside the US
);
