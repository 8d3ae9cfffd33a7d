package org.peertel.bgp;

/** Told of each problem as it is counted, with where it was found: the rejects of a day's BGP files. */
@FunctionalInterface
public interface MrtProblemSink {

    MrtProblemSink NONE = (offset, problem) -> {};

    /**
     * @param offset the byte offset, in the uncompressed stream, of the record the problem was found in (for a
     *               truncation: of the record cut short)
     */
    void problem(long offset, MrtProblem problem);
}
