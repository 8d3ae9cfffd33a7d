/**
 * bgp: the project's own MRT (RFC 6396) reader for BGP update and RIB dumps, and the bgpdump {@code -m} one-line text
 * form of what it reads. Uses only {@code java.*}; nothing of peertel above it.
 */
package org.peertel.bgp;
