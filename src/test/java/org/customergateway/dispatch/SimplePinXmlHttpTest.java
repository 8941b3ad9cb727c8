package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.simplepin.sandbox.SimplePinSimulator.ADD;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gateway.simplepin.format=xml: the create is sent as SimplePin XML and the XML answer is read. */
class SimplePinXmlHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @Test
    void creates_at_simplepin_in_xml_and_reads_its_xml_answer() throws Exception {
        TestVendors vendors = SETUP.vendors();
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.simplepin.format", "xml");
        RunningGateway gateway = SETUP.start(settings);
        String id = newId();
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/json", customer(id),
                Map.of("X-Gateway-Target", "simplepin"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).at("/outcomes/0/vendorCustomerId").asText())
                .isEqualTo(String.valueOf(vendors.simplePin.profile(id).id()));
        var add = vendors.simplePin.server().lastRequest(ADD);
        assertThat(add.contentType()).contains("xml");
        assertThat(new String(add.body())).startsWith("<add_update_cc_profile_model>")
                .contains("<customer_id>" + id + "</customer_id>");
        assertThat(vendors.simplePin.profile(id).mainAddress().province()).isEqualTo(60);
    }
}
