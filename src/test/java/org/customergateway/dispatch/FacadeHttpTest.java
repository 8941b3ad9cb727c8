package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.customergateway.simplepin.CCProfileV2Model;
import org.customergateway.simulation.Fault;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.customergateway.syntch.sandbox.SyntchSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;

/** Both vendor facades over real HTTP: each speaks its vendor's API and creates at the other vendor. */
class FacadeHttpTest {

    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();

    @Test
    void a_simplepin_json_add_creates_the_customer_at_syntch_and_answers_a_profile() throws Exception {
        String id = newId();
        byte[] body = Fixtures.text("simplepin-request.json").replace("C-1001", id).getBytes();
        HttpResponse<String> response = gateway.post("/simplepin/v2/customer/add?locale=fr", "application/json", body,
                Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        CCProfileV2Model profile = Fixtures.CODECS.json().readValue(response.body(), CCProfileV2Model.class);
        assertThat(profile.customerId()).isEqualTo(id);
        assertThat(profile.id()).isEqualTo(vendors.syntch.customer(id).customerKey());
        assertThat(profile.mainAddress().province()).isEqualTo(60);
        assertThat(vendors.syntch.customer(id).shippingAddress().stateOrProvinceCode()).isEqualTo("ON");
        assertThat(vendors.simplePin.profile(id)).isNull();
    }

    @Test
    void a_simplepin_xml_add_is_answered_in_xml() throws Exception {
        String id = newId();
        byte[] body = Fixtures.text("simplepin-request.xml").replace("C-1001", id).getBytes();
        HttpResponse<String> response = gateway.post("/simplepin/v2/customer/add", "application/xml", body, Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.body()).startsWith("<cc_profile_model>").contains("<customer_id>" + id + "</customer_id>");
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }

    @Test
    void a_simplepin_client_reads_syntchs_rules_in_its_own_field_names() throws Exception {
        String noName = "<add_update_cc_profile_model><customer_id>" + newId() + "</customer_id>"
                + "<main_address><zip>" + "9".repeat(31) + "</zip><country>124</country><province>60</province>"
                + "<address>1 King St</address></main_address></add_update_cc_profile_model>";
        HttpResponse<String> response = gateway.post("/simplepin/v2/customer/add", "application/xml", noName.getBytes(),
                Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("<error>")
                .contains("<field>main_address.zip</field>").contains("<field>customer_name</field>");
    }

    @Test
    void a_simplepin_client_sending_unreadable_xml_gets_a_simplepin_error_in_xml() throws Exception {
        HttpResponse<String> response = gateway.post("/simplepin/v2/customer/add", "application/xml",
                "<add_update_cc_profile_model><customer_id>".getBytes(), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.body()).startsWith("<error>").contains("the body is not a CCProfileApiV2Model");
    }

    @Test
    void a_syntch_rejection_reaches_a_simplepin_client_in_simplepin_names() throws Exception {
        vendors.syntch.server().inject(SyntchSimulator.POST_CUSTOMERS, Fault.answer(400, "application/json",
                "{\"ResponseStatus\":{\"ErrorCode\":\"ValidationException\",\"Message\":\"bad zip\","
                        + "\"Errors\":[{\"ErrorCode\":\"Invalid\",\"FieldName\":\"ShippingAddress.PostalCode\",\"Message\":\"bad zip\"}]}}"));
        byte[] body = Fixtures.text("simplepin-request.json").replace("C-1001", newId()).getBytes();
        HttpResponse<String> response = gateway.post("/simplepin/v2/customer/add", "application/json", body, Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("main_address.zip");
    }

    @Test
    void a_syntch_post_customer_creates_the_customer_at_simplepin_and_answers_a_customer_detail() throws Exception {
        String id = newId();
        byte[] body = Fixtures.text("syntch-postcustomer.json").replace("C-1001", id).getBytes();
        HttpResponse<String> response = gateway.post("/syntch/customers", "application/json", body, Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode detail = json(response);
        assertThat(detail.path("CustomerID").asText()).isEqualTo(id);
        assertThat(detail.path("CustomerKey").asLong()).isEqualTo(vendors.simplePin.profile(id).id());
        assertThat(detail.path("ActivationStatus").asText()).isEqualTo("Pending");
        assertThat(vendors.simplePin.profile(id).mainAddress().province()).isEqualTo(60);
    }

    @Test
    void a_syntch_client_gets_servicestack_errors_with_its_own_field_names() throws Exception {
        String invalid = "{\"CustomerId\":\"" + newId() + "\",\"DefaultContact\":{},\"ShippingAddress\":{\"StreetAddress1\":"
                + "\"1 Main\",\"StateOrProvinceCode\":\"ZZ\",\"PostalCode\":\"1\",\"CountryCode\":\"USA\"},\"ActivationStatus\":\"Active\"}";
        HttpResponse<String> response = gateway.post("/syntch/customers", "application/json", invalid.getBytes(), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode status = json(response).path("ResponseStatus");
        assertThat(status.path("ErrorCode").asText()).isEqualTo("ValidationException");
        assertThat(status.path("Errors")).extracting(e -> e.path("FieldName").asText())
                .contains("ShippingAddress.StateOrProvinceCode");
    }

    @Test
    void a_syntch_client_sending_an_unreadable_body_gets_a_serialization_error() throws Exception {
        HttpResponse<String> response = gateway.post("/syntch/customers", "application/json", "{\"Nope\":1}".getBytes(),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/ResponseStatus/ErrorCode").asText()).isEqualTo("SerializationException");
    }

    @Test
    void a_customer_the_target_already_has_is_a_409_in_the_facades_form() throws Exception {
        String id = newId();
        byte[] body = Fixtures.text("syntch-postcustomer.json").replace("C-1001", id).getBytes();
        gateway.post("/syntch/customers", "application/json", body, Map.of());
        HttpResponse<String> again = gateway.post("/syntch/customers", "application/json", body, Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).at("/ResponseStatus/ErrorCode").asText()).isEqualTo("Conflict");
    }
}
