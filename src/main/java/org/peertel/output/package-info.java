/**
 * output: writing output files: CSV cells and lines, the formula guard, milliseconds, atomic writes. Uses nothing
 * of peertel but the crash points; knows no output's columns (report does).
 */
package org.peertel.output;
