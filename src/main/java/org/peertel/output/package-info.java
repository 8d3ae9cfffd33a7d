/**
 * output: writing output files: CSV cells and lines, the formula guard, milliseconds, lists of days in one line,
 * atomic writes. Uses nothing
 * of peertel but testhook's crash points; knows no output's columns (report does).
 */
package org.peertel.output;
