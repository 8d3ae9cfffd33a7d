/**
 * Remote workers ({@code run --workers remote}, {@code peertel worker}): Spring Batch's remote partitioning of the job's
 * attribution and aggregation over an ActiveMQ Artemis broker, with the job repository and a folder shared by all
 * machines (docs/remote-workers.md). The partitioned steps' tasklets are in {@code job}.
 */
package org.peertel.remote;
