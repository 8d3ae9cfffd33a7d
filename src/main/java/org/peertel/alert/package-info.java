/**
 * alert: the alert rules, their settings per connection, and judging one day's statistics against them, as a pure
 * function. Uses config, registry and output; reads only its own settings file (through config) and writes no file
 * or database (store and report do).
 */
package org.peertel.alert;
