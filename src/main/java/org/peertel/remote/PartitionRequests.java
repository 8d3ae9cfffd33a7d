package org.peertel.remote;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request as it travels through the broker: Spring Batch's {@link StepExecutionRequest} (which worker
 * step, which step execution of the shared job repository) as the text {@code <stepExecutionId> <stepName>}. Text
 * instead of a serialized Java object, which a broker's deserialization filters would have to allow.
 */
final class PartitionRequests {

    /** The queue of partition requests on the broker. */
    static final String QUEUE = "peertel.partitions";

    private PartitionRequests() {}

    static String text(StepExecutionRequest request) {
        return request.getStepExecutionId() + " " + request.getStepName();
    }

    /** @throws IllegalArgumentException naming {@code text} when it is no request (an id of digits, a space, a name) */
    static StepExecutionRequest parse(String text) {
        int space = text.indexOf(' ');
        if (space < 1 || space == text.length() - 1 || !text.substring(0, space).matches("[0-9]+")) {
            throw notARequest(text, null);
        }
        try {
            return new StepExecutionRequest(text.substring(space + 1), Long.parseLong(text.substring(0, space)));
        } catch (NumberFormatException tooLarge) {
            throw notARequest(text, tooLarge);
        }
    }

    private static IllegalArgumentException notARequest(String text, Throwable cause) {
        return new IllegalArgumentException("not a partition request: " + text, cause);
    }
}
