/**
 * testhook: the crash points where a test stops a real run dead or pauses it, and the system properties that arm
 * them. Every layer may call it; it uses nothing of peertel, and does nothing unless a test armed one of its points.
 */
package org.peertel.testhook;
