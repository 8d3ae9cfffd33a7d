/**
 * store: the DuckDB file and every SQL statement: the schema and its migrations, the day's spool, the publish
 * transaction and the queries. Nothing above job opens a DuckDB connection; store knows nothing of Spring Batch.
 */
package org.peertel.store;
