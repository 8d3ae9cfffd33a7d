/**
 * peertel: batch pipeline for peering-service connection telemetry. The components are the sub-packages, from
 * prefix at the bottom to cli at the top, with testhook (the crash points) beside them for every layer to call.
 */
package org.peertel;
