-- How each day's BGP folder was read by a run with BGP on (peertel run --bgp, peertel bgp events), replaced with
-- the day: whether the folder was there, what its files were (the day's BGP manifest, compared by the scheduler to
-- find late BGP data, like input_files for latency) and the records that could not be read (bgp-rejects/<date>.csv).
CREATE TABLE bgp_days (
    day       DATE    NOT NULL,
    status    VARCHAR NOT NULL, -- read, or missing (no folder for the day)
    files     INTEGER NOT NULL,
    records   BIGINT  NOT NULL, -- MRT records framed, or text lines read
    multicast BIGINT  NOT NULL, -- multicast routes (SAFI 2) announced or withdrawn: counted, never events
    rejected  BIGINT  NOT NULL  -- rows of bgp_rejects
);

CREATE TABLE bgp_files (
    day    DATE    NOT NULL,
    name   VARCHAR NOT NULL, -- the file's name in the day folder
    bytes  BIGINT  NOT NULL,
    sha256 VARCHAR NOT NULL  -- lower-case hex; empty for a file that could not be read to its end
);

CREATE TABLE bgp_rejects (
    day         DATE    NOT NULL,
    file        VARCHAR NOT NULL,
    byte_offset BIGINT  NOT NULL, -- the CSV's offset column: of the record or line, in the uncompressed file
    reason      VARCHAR NOT NULL
);
