/**
 * geo: the country and US state code lists, and their two-letter numbers. Uses nothing of peertel.
 */
package org.peertel.geo;
