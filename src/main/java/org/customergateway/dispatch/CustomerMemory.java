package org.customergateway.dispatch;

import java.time.OffsetDateTime;
import java.util.List;
import org.customergateway.canonical.Customer;

/**
 * What the gateway remembers of each customer a vendor holds (docs/flow.md, the facades' look-ups and
 * {@code GET /api/v1/customers/{customerId}}): which vendor, under which id, since when and through which
 * way in, and the customer itself. Defined here, kept by the ledger.
 */
public interface CustomerMemory {

    /** A customer one vendor holds. */
    record Remembered(String customerId, String vendor, String vendorCustomerId, String status, String wayIn,
                      OffsetDateTime recordedAt, Integer attempts, Customer customer) {
    }

    /** The customer now exists at the outcome's vendor (CREATED or ALREADY_EXISTS). */
    void remember(Customer customer, Outcome outcome, String wayIn);

    /** Every vendor that holds this customer, as far as the gateway knows. */
    List<Remembered> find(String customerId);
}
