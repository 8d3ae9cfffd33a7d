package org.peertel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request as text on the broker ({@link PartitionRequests}): {@code <stepExecutionId> <stepName>} there
 * and back, and any other text refused with the text in the message.
 */
class PartitionRequestsTest {

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("a file partition", "attributeStep:files-000", 1L, "1 attributeStep:files-000"),
                Arguments.of("a bucket partition", "aggregateStep:bucket-127", 4711L, "4711 aggregateStep:bucket-127"),
                Arguments.of("the largest id", "s", Long.MAX_VALUE, Long.MAX_VALUE + " s"),
                Arguments.of("a name with spaces", "a step named oddly", 0L, "0 a step named oddly"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aRequestSurvivesTheTextRoundTrip(String description, String stepName, long id, String text) {
        // given
        StepExecutionRequest request = new StepExecutionRequest(stepName, id);

        // when
        String written = PartitionRequests.text(request);
        StepExecutionRequest read = PartitionRequests.parse(written);

        // then
        assertThat(written).isEqualTo(text);
        assertThat(read.getStepExecutionId()).isEqualTo(id);
        assertThat(read.getStepName()).isEqualTo(stepName);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("a space only", " "),
                Arguments.of("an id without a step", "12"),
                Arguments.of("an id and a space without a step", "12 "),
                Arguments.of("a step without an id", " attributeStep"),
                Arguments.of("an id that is no number", "x attributeStep"),
                Arguments.of("a decimal id", "1.5 attributeStep"),
                Arguments.of("a negative id", "-3 attributeStep"),
                Arguments.of("an id beyond a long", "9223372036854775808 attributeStep"),
                Arguments.of("a serialized Java object", "\u00ac\u00ed\u0000\u0005sr"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void anyOtherTextIsRefusedNamingIt(String description, String text) {
        assertThatThrownBy(() -> PartitionRequests.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a partition request: " + text);
    }
}
