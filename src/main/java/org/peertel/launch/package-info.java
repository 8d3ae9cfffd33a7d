/**
 * launch: starting and restarting job executions: the run lock of a database, the job repository database, the
 * Spring Boot application and the launcher; and opening the job repository for reading while a run may be working
 * (JobRepositoryReader; a run serves an H2 repository file to readers, RepositoryServer). Uses job, config, store
 * (to load DuckDB's library early) and ingest (to name a bad input file); nothing below it imports it.
 */
package org.peertel.launch;
