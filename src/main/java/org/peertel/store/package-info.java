/**
 * store: the DuckDB file and every SQL statement: the numbered schema migrations, the day's spool, the publish
 * transaction and the queries; and loading DuckDB's and Arrow's native libraries. Uses config (DuckDB's settings), ingest, alert and routing (the records it stores), geo and
 * testhook. Opened by job's steps and by schedule (to read the manifests of completed days); knows nothing of
 * Spring Batch.
 */
package org.peertel.store;
