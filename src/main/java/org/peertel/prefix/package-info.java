/**
 * prefix: IP addresses as 128-bit keys, their text forms, prefixes and the immutable longest-match table (Poptrie).
 * The bottom of the house: uses nothing of peertel.
 */
package org.peertel.prefix;
