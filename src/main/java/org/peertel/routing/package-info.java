/**
 * Prefix events: the routes that peers of public route collectors hold for the registered prefixes and their
 * more-specifics over one UTC day, replayed from route changes in time order, and the events that follow from them
 * for each connection (an origin that is not allowed, a more-specific hijack, a prefix that lost visibility, a new
 * announcement, the active path at the day's end). Reads a day's BGP folder (MRT through package bgp, bgpdump's text
 * on its own) and the settings; writes nothing: the job stores and writes what it gives.
 */
package org.peertel.routing;
