/**
 * sample: the deterministic data generator behind {@code sample-data/} and {@code generate scale}. Uses prefix and
 * registry; the job never uses it.
 */
package org.peertel.sample;
