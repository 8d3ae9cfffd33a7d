package org.peertel.store;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows as Arrow record batches whose columns DuckDB takes without a cast: the columns of measurement_rows but
 * the day (one value for all, given by the INSERT), each in the Arrow type DuckDB maps to its column type
 * (UInt32 → UINTEGER, Timestamp(µs) → TIMESTAMP, Decimal128(15, 6) → DECIMAL(15,6), Utf8 → VARCHAR): the
 * schema the publish step's {@link MeasurementSpoolReader} hands over.
 */
final class ArrowRowBatches {

    static final Schema SCHEMA = MeasurementSpoolReader.SCHEMA;

    private ArrowRowBatches() {
    }

    /**
     * Fills {@code root} with rows [from, to) in fresh buffers: the buffers of an earlier batch may still be held by
     * DuckDB (or by a queued batch), and are released by whoever holds them last.
     */
    static void fill(VectorSchemaRoot root, HandOverRows rows, int from, int to) {
        int n = to - from;
        IntVector fileNo = (IntVector) root.getVector(0);
        BigIntVector line = (BigIntVector) root.getVector(1);
        TimeStampMicroVector ts = (TimeStampMicroVector) root.getVector(2);
        UInt4Vector ipv4 = (UInt4Vector) root.getVector(3);
        VarCharVector ipv6 = (VarCharVector) root.getVector(4);
        SmallIntVector country = (SmallIntVector) root.getVector(5);
        SmallIntVector state = (SmallIntVector) root.getVector(6);
        IntVector edgePop = (IntVector) root.getVector(7);
        DecimalVector rtt = (DecimalVector) root.getVector(8);
        IntVector connection = (IntVector) root.getVector(9);
        IntVector prefix = (IntVector) root.getVector(10);
        long ipv6Bytes = 0;
        for (int i = from; i < to; i++) {
            ipv6Bytes += rows.ipv6[i] == null ? 0 : rows.ipv6[i].length;
        }
        fileNo.allocateNew(n);
        line.allocateNew(n);
        ts.allocateNew(n);
        ipv4.allocateNew(n);
        ipv6.allocateNew(Math.max(1, ipv6Bytes), n);
        country.allocateNew(n);
        state.allocateNew(n);
        edgePop.allocateNew(n);
        rtt.allocateNew(n);
        connection.allocateNew(n);
        prefix.allocateNew(n);
        for (int i = from, r = 0; i < to; i++, r++) {
            fileNo.set(r, rows.fileNo[i]);
            line.set(r, rows.line[i]);
            ts.set(r, rows.epochMicros[i]);
            if (rows.ipv6[i] == null) {
                ipv4.set(r, rows.ipv4[i]); // a fresh validity buffer is all null: the other one stays null
            } else {
                ipv6.set(r, rows.ipv6[i]);
            }
            country.set(r, rows.country[i]);
            state.set(r, rows.state[i]);
            edgePop.set(r, rows.edgePopNo[i]);
            rtt.set(r, rows.rttMicros[i]); // the unscaled value
            connection.set(r, rows.connectionNo[i]);
            prefix.set(r, rows.prefixNo[i]);
        }
        root.setRowCount(n); // sets every vector's value count (and the offsets of the null texts)
    }
}
