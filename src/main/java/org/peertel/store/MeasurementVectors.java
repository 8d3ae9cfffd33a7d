package org.peertel.store;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The typed vectors of a batch of {@link MeasurementColumn#ARROW_SCHEMA}, each found by its column: the vector
 * class is the one Arrow makes for the column's Arrow type.
 */
record MeasurementVectors(
        IntVector fileNo,
        BigIntVector line,
        TimeStampMicroVector ts,
        UInt4Vector ipv4,
        VarCharVector ipv6,
        SmallIntVector country,
        SmallIntVector state,
        IntVector edgePop,
        DecimalVector rtt,
        IntVector connection,
        IntVector prefix) {

    static MeasurementVectors of(VectorSchemaRoot root) {
        return new MeasurementVectors(
                MeasurementColumn.FILE_NO.vector(root, IntVector.class),
                MeasurementColumn.LINE.vector(root, BigIntVector.class),
                MeasurementColumn.TS.vector(root, TimeStampMicroVector.class),
                MeasurementColumn.CLIENT_IPV4.vector(root, UInt4Vector.class),
                MeasurementColumn.CLIENT_IPV6.vector(root, VarCharVector.class),
                MeasurementColumn.COUNTRY_CODE.vector(root, SmallIntVector.class),
                MeasurementColumn.STATE_CODE.vector(root, SmallIntVector.class),
                MeasurementColumn.EDGE_POP_NO.vector(root, IntVector.class),
                MeasurementColumn.RTT_MS.vector(root, DecimalVector.class),
                MeasurementColumn.CONNECTION_NO.vector(root, IntVector.class),
                MeasurementColumn.PREFIX_NO.vector(root, IntVector.class));
    }
}
