package org.customergateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.newId;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;

/**
 * kamelets/customer-gateway-sink.kamelet.yaml as another Camel application uses it: a context of its own,
 * the Kamelet loaded from the file, a customer sent through it to a running gateway (with API keys on).
 */
class KameletSinkTest {

    private static final String KEY = "kamelet-test-key-7d1c";
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
            Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
            settings.put("gateway.auth.api-keys", KEY);
            return settings;
        });

    @Test
    void another_camel_application_creates_a_customer_through_the_kamelet() throws Exception {
        assertThat(send(KEY, "syntch", newId())).isEqualTo(201);
    }

    @Test
    void a_wrong_key_is_refused_and_nothing_is_created() throws Exception {
        String id = newId();
        assertThat(send("not-a-key", "syntch", id)).isEqualTo(401);
        assertThat(vendors.syntch.customer(id)).isNull();
    }

    private int send(String key, String target, String id) throws Exception {
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            other.getComponent("kamelet", KameletComponent.class).setLocation("file:kamelets");
            String gatewayUrl = gateway.uri("").toString().replaceAll("/$", "");
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:crm").to("kamelet:customer-gateway-sink?gatewayUrl=" + gatewayUrl + "&target=" + target
                            + "&apiKey=" + key);
                }
            });
            other.start();
            Exchange done = other.createProducerTemplate().send("direct:crm", exchange -> {
                exchange.getMessage().setBody(customer(id));
                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                exchange.getMessage().setHeader("CamelHttpUri", "http://elsewhere.invalid/"); // an inbound header never leaks out
            });
            assertThat(done.getException()).isNull();
            int status = done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            if (status == 201) {
                assertThat(done.getMessage().getBody(String.class)).contains("\"status\":\"CREATED\"").contains(id);
                assertThat(vendors.syntch.customer(id)).isNotNull();
            }
            return status;
        }
    }
}
