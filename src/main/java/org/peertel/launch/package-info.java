/**
 * launch: starting and restarting job executions: the run lock of a database, the job repository database, the
 * Spring Boot application and the launcher. Uses job, config and store; nothing below it imports it.
 */
package org.peertel.launch;
