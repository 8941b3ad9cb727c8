package org.customergateway.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.customergateway.canonical.Customer;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.dispatch.Outcome;

/**
 * {@link CustomerMemory} in the ledger's {@code customer_record} table: one row per customer and vendor,
 * written through the {@link LedgerWriter} (it shares the commits of the customers in flight), the last
 * creation winning.
 */
public final class LedgerCustomerMemory implements CustomerMemory {

    private final LedgerWriter writer;
    private final DataSource dataSource;
    private final ObjectMapper json;

    /** @param json the ledger keeps the customer without its absent fields: a third of the bytes */
    public LedgerCustomerMemory(LedgerWriter writer, DataSource dataSource, ObjectMapper json) {
        this.writer = writer;
        this.dataSource = dataSource;
        this.json = json.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY);
    }

    @Override
    public void remember(Customer customer, Outcome outcome, String wayIn) {
        String document;
        try {
            document = CompactJson.pack(json.writeValueAsBytes(customer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the customer cannot be written for the ledger", e);
        }
        try {
            writer.write(customer.customerId(), connection -> {
                try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO customer_record (customer_id, "
                        + "vendor, vendor_customer_id, status, way_in, recorded_at, customer) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (customer_id, vendor) DO UPDATE SET vendor_customer_id = excluded.vendor_customer_id, "
                        + "status = excluded.status, way_in = excluded.way_in, recorded_at = excluded.recorded_at, "
                        + "customer = excluded.customer")) {
                    upsert.setString(1, customer.customerId());
                    upsert.setString(2, outcome.vendor());
                    upsert.setString(3, outcome.vendorCustomerId());
                    upsert.setString(4, outcome.status().name());
                    upsert.setString(5, wayIn);
                    upsert.setLong(6, System.currentTimeMillis());
                    upsert.setString(7, document);
                    return upsert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger could not remember customer " + customer.customerId(), e);
        }
    }

    @Override
    public List<Remembered> find(String customerId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT * FROM customer_record WHERE customer_id = ? ORDER BY vendor")) {
            select.setString(1, customerId);
            List<Remembered> found = new ArrayList<>(2);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Remembered(rows.getString("customer_id"), rows.getString("vendor"),
                            rows.getString("vendor_customer_id"), rows.getString("status"), rows.getString("way_in"),
                            LedgerTime.read(rows, "recorded_at"), json.readValue(CompactJson.unpack(rows.getString("customer")), Customer.class)));
                }
            }
            return found;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("the ledger cannot be read: " + e.getMessage(), e);
        }
    }
}
