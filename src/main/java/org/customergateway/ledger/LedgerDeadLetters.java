package org.customergateway.ledger;

import java.sql.SQLException;
import org.customergateway.dispatch.DeadLetterSink;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.Vendor;
import org.customergateway.mapping.SchemaName;

/** Dead letters kept in the ledger's database. */
public final class LedgerDeadLetters implements DeadLetterSink {

    private final DeadLetterStore store;

    public LedgerDeadLetters(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public String keep(Origin origin, Vendor vendor, SchemaName schema, String customerId, String correlationId,
                       Outcome failed) {
        try {
            if (origin.replayOf() != null) {
                store.recordFailedReplay(origin.replayOf(), failed.error(), failed.attempts());
                return origin.replayOf();
            }
            return store.store(origin.wayIn(), vendor.id(), schema.id(), origin.contentType(), origin.body(),
                    origin.headers(), customerId, correlationId, failed.error(), failed.attempts());
        } catch (SQLException e) {
            throw new IllegalStateException("the dead letter could not be stored: " + e.getMessage(), e);
        }
    }
}
