/**
 * config: the {@code key = value} settings files under {@code jobs/}, read with their line numbers, and the typed
 * settings made from them (DuckDB, ingest limits, job repository). Uses ingest for its limits only; opens no
 * database.
 */
package org.peertel.config;
