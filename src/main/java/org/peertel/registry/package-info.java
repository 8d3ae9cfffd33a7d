/**
 * registry: loading and checking the connections registry (every error and warning with its file and line). Uses
 * prefix and geo; knows nothing of measurements.
 */
package org.peertel.registry;
