package org.peertel.store;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The typed columns of a batch of {@link MeasurementSpoolReader#SCHEMA}, in its order. */
record MeasurementVectors(IntVector fileNo, BigIntVector line, TimeStampMicroVector ts, UInt4Vector ipv4,
                          VarCharVector ipv6, SmallIntVector country, SmallIntVector state, IntVector edgePop,
                          DecimalVector rtt, IntVector connection, IntVector prefix) {

    static MeasurementVectors of(VectorSchemaRoot root) {
        return new MeasurementVectors((IntVector) root.getVector(0), (BigIntVector) root.getVector(1),
                (TimeStampMicroVector) root.getVector(2), (UInt4Vector) root.getVector(3),
                (VarCharVector) root.getVector(4), (SmallIntVector) root.getVector(5),
                (SmallIntVector) root.getVector(6), (IntVector) root.getVector(7), (DecimalVector) root.getVector(8),
                (IntVector) root.getVector(9), (IntVector) root.getVector(10));
    }
}
