package org.peertel.store;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows as Arrow record batches whose columns DuckDB takes without a cast: {@link MeasurementColumn#ARROW_SCHEMA},
 * the schema the publish step's {@link MeasurementSpoolReader} hands over.
 */
final class ArrowRowBatches {

    static final Schema SCHEMA = MeasurementColumn.ARROW_SCHEMA;

    private ArrowRowBatches() {}

    /**
     * Fills {@code root} with rows [from, to) in fresh buffers: the buffers of an earlier batch may still be held by
     * DuckDB (or by a queued batch), and are released by whoever holds them last.
     */
    static void fill(VectorSchemaRoot root, HandOverRows rows, int from, int to) {
        int n = to - from;
        MeasurementVectors columns = MeasurementVectors.of(root);
        long ipv6Bytes = 0;
        for (int i = from; i < to; i++) {
            ipv6Bytes += rows.ipv6[i] == null ? 0 : rows.ipv6[i].length;
        }
        columns.fileNo().allocateNew(n);
        columns.line().allocateNew(n);
        columns.ts().allocateNew(n);
        columns.ipv4().allocateNew(n);
        columns.ipv6().allocateNew(Math.max(1, ipv6Bytes), n);
        columns.country().allocateNew(n);
        columns.state().allocateNew(n);
        columns.edgePop().allocateNew(n);
        columns.rtt().allocateNew(n);
        columns.connection().allocateNew(n);
        columns.prefix().allocateNew(n);
        for (int i = from, r = 0; i < to; i++, r++) {
            columns.fileNo().set(r, rows.fileNo[i]);
            columns.line().set(r, rows.line[i]);
            columns.ts().set(r, rows.epochMicros[i]);
            if (rows.ipv6[i] == null) {
                columns.ipv4().set(r, rows.ipv4[i]); // a fresh validity buffer is all null: the other one stays null
            } else {
                columns.ipv6().set(r, rows.ipv6[i]);
            }
            columns.country().set(r, rows.country[i]);
            columns.state().set(r, rows.state[i]);
            columns.edgePop().set(r, rows.edgePopNo[i]);
            columns.rtt().set(r, rows.rttMicros[i]); // the unscaled value
            columns.connection().set(r, rows.connectionNo[i]);
            columns.prefix().set(r, rows.prefixNo[i]);
        }
        root.setRowCount(n); // sets every vector's value count (and the offsets of the null texts)
    }
}
