/**
 * bgp: the project's own MRT (RFC 6396) reader for BGP update and RIB dumps, and the bgpdump {@code -m} one-line text
 * form of what it reads. Uses {@code java.*} and commons-compress (bzip2), nothing of peertel.
 */
package org.peertel.bgp;
