/**
 * peertel: batch pipeline for peering-service connection telemetry. This package holds only the test hooks that
 * every layer may reach ({@link org.peertel.CrashPoints}); the components are its sub-packages, from prefix at
 * the bottom to cli at the top.
 */
package org.peertel;
