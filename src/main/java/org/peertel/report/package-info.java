/**
 * report: the day's output files (customer reports, alerts, rejects, the run summary) and where they go. Reads the
 * day through store's queries; writes every file through output; never writes SQL.
 */
package org.peertel.report;
