package org.peertel.bgp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** What reading one MRT stream came to: records framed, records decoded, and a count per problem. */
public final class MrtReadReport {

    private long records;
    private long decoded;
    private final EnumMap<MrtProblem, Long> problems = new EnumMap<>(MrtProblem.class);

    private String streamError;
    private long recordOffset;
    private MrtProblemSink sink = MrtProblemSink.NONE;

    /** From now on, also tells {@code problems} of each problem counted (one file's rejects). */
    public void sendProblemsTo(MrtProblemSink problems) {
        this.sink = problems;
    }

    /** The reader is at the record starting at {@code offset}: the problems found next are that record's. */
    void at(long offset) {
        recordOffset = offset;
    }

    void streamFailed(String message) {
        streamError = message;
    }

    /** The message of the error that ended the stream early ({@link MrtProblem#DAMAGED_STREAM}), or null. */
    public String streamError() {
        return streamError;
    }

    void framed() {
        records++;
    }

    void decodedOne() {
        decoded++;
    }

    void problem(MrtProblem problem) {
        problems.merge(problem, 1L, Long::sum);
        sink.problem(recordOffset, problem);
    }

    /** Records whose header and body were read whole. */
    public long records() {
        return records;
    }

    /** Records decoded into an entry (a record can decode and still have counted an inner-length overrun). */
    public long decoded() {
        return decoded;
    }

    public long count(MrtProblem problem) {
        return problems.getOrDefault(problem, 0L);
    }

    public Map<MrtProblem, Long> problems() {
        return Collections.unmodifiableMap(problems);
    }

    /** One line for people, e.g. "1,234 records, 1,233 decoded; 1 file ends inside a record". */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%,d records, %,d decoded", records, decoded));
        String separator = "; ";
        for (Map.Entry<MrtProblem, Long> problem : problems.entrySet()) {
            text.append(separator)
                    .append(String.format(Locale.ROOT, "%,d ", problem.getValue()))
                    .append(problem.getKey().description());
            if (problem.getKey() == MrtProblem.DAMAGED_STREAM && streamError != null) {
                text.append(" (").append(streamError).append(')');
            }
            separator = ", ";
        }
        return text.toString();
    }
}
