package org.customergateway.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.customergateway.json.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.customergateway.canonical.Customer;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.dispatch.Outcome;

/**
 * {@link CustomerMemory} in the ledger: {@code customer_record}, one row per customer and vendor, the last
 * creation winning, and {@code customer_document}, the customer as last sent, once per customer (docs/configuration.md's
 * 1 KB per customer holds for a customer at both vendors too). Written through the {@link LedgerWriter} without waiting for its commit
 * (measured: waiting cost a third of the HTTP throughput), and without a commit of its own: it goes with
 * the next batch someone waits for (the create's result, at once), at the latest 100 ms later. Read
 * through the writer too, so that a look-up sees every record queued before it (the writer keeps one
 * key's work in order). A gateway killed between the vendor's answer and that commit forgets the
 * record, not the customer: a later create then finds it ALREADY_EXISTS at the vendor and remembers it
 * again.
 */
public final class LedgerCustomerMemory implements CustomerMemory {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCustomerMemory.class);

    private final LedgerWriter writer;
    private final ObjectMapper json;

    /** @param json the ledger keeps the customer without its absent fields: a third of the bytes */
    public LedgerCustomerMemory(LedgerWriter writer, ObjectMapper json) {
        this.writer = writer;
        this.json = json.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY);
    }

    @Override
    public void remember(Customer customer, Outcome outcome, String wayIn) {
        String packed;
        try {
            packed = CompactJson.pack(json.writeValueAsBytes(customer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the customer cannot be written for the ledger", e);
        }
        writer.submitUnhurried(customer.customerId(), statements -> {
            // the document once per customer (a customer at both vendors is one document), written only when it changed
            PreparedStatement document = statements.prepared("INSERT INTO customer_document (customer_id, "
                    + "customer) VALUES (?, ?) ON CONFLICT (customer_id) DO UPDATE SET customer = excluded.customer "
                    + "WHERE customer_document.customer <> excluded.customer");
            document.setString(1, customer.customerId());
            document.setString(2, packed);
            document.executeUpdate();
            PreparedStatement record = statements.prepared("INSERT INTO customer_record (customer_id, "
                    + "vendor, vendor_customer_id, status, way_in, recorded_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (customer_id, vendor) DO UPDATE SET vendor_customer_id = excluded.vendor_customer_id, "
                    + "status = excluded.status, way_in = excluded.way_in, recorded_at = excluded.recorded_at, "
                    + "attempts = excluded.attempts");
            record.setString(1, customer.customerId());
            record.setString(2, outcome.vendor());
            record.setString(3, outcome.vendorCustomerId());
            record.setString(4, outcome.status().name());
            record.setString(5, wayIn);
            record.setLong(6, System.currentTimeMillis());
            record.setInt(7, outcome.attempts());
            return record.executeUpdate();
        }).whenComplete((rows, failure) -> {
            if (failure != null) {
                LOG.warn("customer {} at {} could not be remembered for look-ups: {}",
                        TextRules.loggable(customer.customerId()), outcome.vendor(), TextRules.loggable(failure.getMessage()));
            }
        });
    }

    @Override
    public List<Remembered> find(String customerId) {
        try {
            return writer.write(customerId, statements -> {
                PreparedStatement select = statements.prepared(
                        "SELECT r.*, d.customer FROM customer_record r JOIN customer_document d ON d.customer_id = r.customer_id "
                                + "WHERE r.customer_id = ? ORDER BY r.vendor");
                select.setString(1, customerId);
                List<Remembered> found = new ArrayList<>(2);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Remembered(rows.getString("customer_id"), rows.getString("vendor"),
                                rows.getString("vendor_customer_id"), rows.getString("status"), rows.getString("way_in"),
                                LedgerTime.read(rows, "recorded_at"), attempts(rows), read(rows.getString("customer"))));
                    }
                }
                return found;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger cannot be read: " + e.getMessage(), e);
        }
    }

    private static Integer attempts(ResultSet row) throws SQLException {
        int attempts = row.getInt("attempts");
        return row.wasNull() ? null : attempts;
    }

    private Customer read(String stored) {
        try {
            return json.readValue(CompactJson.unpack(stored), Customer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a remembered customer cannot be read back", e);
        }
    }
}
