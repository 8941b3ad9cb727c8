package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.customergateway.canonical.CanonicalCsv;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;

/** POST /api/v1/customers with a CSV body: every record created or refused on its own. */
class CsvDispatchHttpTest {

    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();

    @Test
    void creates_each_valid_row_and_answers_each_bad_one_with_its_reason() throws Exception {
        String first = newId();
        String third = newId();
        String csv = String.join(",", CanonicalCsv.COLUMNS) + "\n"
                + row(first, "ACTIVE") + "\n"
                + row(newId(), "SLEEPING") + "\n"
                + row(third, "PENDING") + "\n";
        HttpResponse<String> response = gateway.post("/api/v1/customers", "text/csv", csv.getBytes(),
                Map.of("X-Gateway-Target", "syntch"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
        JsonNode records = json(response).path("records");
        assertThat(records).extracting(r -> r.path("record").asInt() + ":" + r.path("status").asInt())
                .containsExactly("1:201", "2:422", "3:201");
        assertThat(records.get(1).path("error").asText()).contains("SLEEPING");
        assertThat(vendors.syntch.customer(first)).isNotNull();
        assertThat(vendors.syntch.customer(third).activationStatus()).hasToString("PENDING");
    }

    @Test
    void answers_201_when_every_row_is_created() throws Exception {
        String csv = String.join(",", CanonicalCsv.COLUMNS) + "\n" + row(newId(), "ACTIVE") + "\n";
        HttpResponse<String> response = gateway.post("/api/v1/customers", "text/csv; charset=utf-8", csv.getBytes(),
                Map.of("X-Gateway-Target", "both"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void refuses_a_csv_with_an_unknown_column_with_400() {
        HttpResponse<String> response = gateway.post("/api/v1/customers", "text/csv", "customer_id,nickname\nC,A\n".getBytes(),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("nickname");
    }

    private static String row(String id, String status) {
        return id + ",Acme Hardware Ltd," + status + ",2024-03-01T09:30:00.000Z,en,4711,Ada,Lovelace,CFO,Finance,"
                + "ada@acme.test,+1 416 555 0100,,+1 416 555 0101,,\"12 Main Street, Suite 4\",,,Toronto,CA-ON,M5V 2T6,CA,,,,,,,";
    }
}
