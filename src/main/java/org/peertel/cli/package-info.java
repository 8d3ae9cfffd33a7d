/**
 * cli: the picocli commands, their exit codes and the checks that run before anything is written. The top of the
 * house: it may use every other package, and nothing imports it.
 */
package org.peertel.cli;
