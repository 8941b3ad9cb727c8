package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.simplepin.sandbox.SimplePinSimulator.ADD;
import static org.customergateway.simplepin.sandbox.SimplePinSimulator.GET;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.customergateway.simulation.Fault;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;

import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * POST /api/v1/customers over real HTTP, against both vendor simulators on random ports: each target,
 * every outcome, and every rule of the retry policy, counted at the simulator.
 */
class DispatchHttpTest {

    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
            Map<String, String> settings = new java.util.HashMap<>(vendors.gatewaySettings());
            // this class injects faults on purpose; the circuit breaker has a test of its own
            settings.putAll(TestVendors.BREAKER_NEVER_OPENS);
            return settings;
        });

    @Test
    void creates_a_customer_at_syntch() throws Exception {
        String id = newId();
        HttpResponse<String> response = create(id, "syntch");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode outcome = json(response).path("outcomes").get(0);
        assertThat(outcome.path("vendor").asText()).isEqualTo("syntch");
        assertThat(outcome.path("status").asText()).isEqualTo("CREATED");
        assertThat(outcome.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(outcome.path("attempts").asInt()).isEqualTo(1);
        assertThat(outcome.path("vendorCustomerId").asText())
                .isEqualTo(String.valueOf(vendors.syntch.customer(id).customerKey()));
        assertThat(outcome.path("warnings")).extracting(JsonNode::asText).contains("contracts: no place in Syntch, dropped");
        assertThat(vendors.syntch.customer(id).merchantKey()).isEqualTo(4711);
        assertThat(json(response).path("customerId").asText()).isEqualTo(id);
    }

    @Test
    void creates_a_customer_at_simplepin_after_asking_get_customer() throws Exception {
        String id = newId();
        int gets = vendors.simplePin.server().requests(GET);
        HttpResponse<String> response = create(id, "simplepin");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode outcome = json(response).path("outcomes").get(0);
        assertThat(outcome.path("status").asText()).isEqualTo("CREATED");
        assertThat(outcome.path("httpStatus").asInt()).isEqualTo(201);
        assertThat(outcome.path("vendorCustomerId").asText())
                .isEqualTo(String.valueOf(vendors.simplePin.profile(id).id()));
        assertThat(vendors.simplePin.server().requests(GET)).isEqualTo(gets + 1);
        assertThat(vendors.simplePin.profile(id).mainAddress().province()).isEqualTo(60);
        assertThat(vendors.simplePin.server().lastRequest(ADD).query()).containsEntry("locale", "en");
    }

    @Test
    void creates_a_customer_at_both_vendors() throws Exception {
        String id = newId();
        HttpResponse<String> response = create(id, "both");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).path("outcomes")).extracting(o -> o.path("vendor").asText() + ":" + o.path("status").asText())
                .containsExactly("simplepin:CREATED", "syntch:CREATED");
        assertThat(vendors.simplePin.profile(id)).isNotNull();
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }

    @Test
    void takes_the_default_target_when_the_request_names_none() throws Exception {
        String id = newId();
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/json", customer(id));
        assertThat(json(response).path("outcomes")).hasSize(2);
    }

    @Test
    void answers_200_with_already_exists_for_a_customer_the_vendors_have() throws Exception {
        String id = newId();
        create(id, "both");
        int adds = vendors.simplePin.server().requests(ADD);
        // another body for the same customer id: not a repeat the ledger answers, so it reaches the vendors
        byte[] renamed = new String(customer(id)).replace("Acme Hardware Ltd", "Acme Hardware Limited").getBytes();
        HttpResponse<String> again = gateway.post("/api/v1/customers", "application/json", renamed,
                Map.of("X-Gateway-Target", "both"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("outcomes")).extracting(o -> o.path("status").asText())
                .containsExactly("ALREADY_EXISTS", "ALREADY_EXISTS");
        // SimplePin's getCustomer found it, so no add was sent at all
        assertThat(vendors.simplePin.server().requests(ADD)).isEqualTo(adds);
        assertThat(json(again).at("/outcomes/0/vendorCustomerId").asText())
                .isEqualTo(String.valueOf(vendors.simplePin.profile(id).id()));
    }

    @Test
    void sends_nothing_and_answers_422_when_the_customer_is_invalid_for_every_target() throws Exception {
        int adds = vendors.simplePin.server().requests(ADD);
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        String noId = "{\"name\":\"Acme\",\"shippingAddress\":{\"lines\":[\"1 A St\"],\"region\":\"ON\",\"country\":\"USA\"}}";
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/json", noId.getBytes(),
                Map.of("X-Gateway-Target", "both"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("type").asText()).endsWith("/invalid-customer");
        // every rule broken, each with its field (in the caller's schema), message and vendor
        assertThat(problem.path("violations")).extracting(v -> v.path("vendor").asText() + " " + v.path("field").asText())
                .contains("simplepin customerId", "syntch contact", "syntch shippingAddress.postalCode",
                        "syntch shippingAddress.region");
        assertThat(problem.path("violations")).allMatch(v -> !v.path("message").asText().isEmpty());
        JsonNode outcomes = problem.path("outcomes");
        assertThat(outcomes).extracting(o -> o.path("status").asText()).containsExactly("INVALID", "INVALID");
        assertThat(outcomes.get(1).path("violations")).extracting(v -> v.path("field").asText())
                .contains("contact", "shippingAddress.postalCode", "shippingAddress.region");
        assertThat(vendors.simplePin.server().requests(ADD)).isEqualTo(adds);
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
    }

    @Test
    void creates_at_the_vendor_whose_rules_it_meets_and_answers_207() throws Exception {
        String id = newId();
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        String noContact = "{\"customerId\":\"" + id + "\",\"name\":\"Acme\",\"shippingAddress\":{\"lines\":[\"1 King St\"],"
                + "\"city\":\"Toronto\",\"region\":\"ON\",\"postalCode\":\"M5V\",\"country\":\"CAN\"}}";
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/json", noContact.getBytes(),
                Map.of("X-Gateway-Target", "both"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
        assertThat(json(response).path("outcomes")).extracting(o -> o.path("status").asText())
                .containsExactly("CREATED", "INVALID");
        assertThat(vendors.simplePin.profile(id)).isNotNull();
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
    }

    @Test
    void retries_a_503_twice_and_creates_the_customer_once_with_exactly_three_posts() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);

        HttpResponse<String> response = create(id, "syntch");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).at("/outcomes/0/attempts").asInt()).isEqualTo(3);
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).isEqualTo(3);
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void retries_each_not_now_status(int status) throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(status));
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        HttpResponse<String> response = create(id, "syntch");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void never_retries_another_4xx(int status) throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(status));
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        HttpResponse<String> response = create(id, "syntch");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        JsonNode outcome = json(response).at("/outcomes/0");
        assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("httpStatus").asInt()).isEqualTo(status);
        assertThat(outcome.path("attempts").asInt()).isEqualTo(1);
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).isEqualTo(1);
        assertThat(vendors.syntch.customer(id)).isNull();
    }

    @Test
    void waits_what_a_429_retry_after_asks() throws Exception {
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.rateLimit(1));
        HttpResponse<String> response = create(newId(), "syntch");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        // the retry came no sooner than asked (instead of after the 10 ms the tests' backoff starts at)
        assertThat(vendors.syntch.server().lastGap(POST_CUSTOMERS)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void waits_no_longer_than_the_maximum_delay_whatever_retry_after_asks() throws Exception {
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.rateLimit(3600));
        HttpResponse<String> response = create(newId(), "syntch");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        // gateway.retry.max-delay-ms is 2000 here: the retry came after about 2 s, not an hour
        assertThat(vendors.syntch.server().lastGap(POST_CUSTOMERS)).isBetween(Duration.ofMillis(2000), Duration.ofSeconds(30));
    }

    @Test
    void gives_up_after_the_maximum_attempts_and_answers_502_failed() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503), Fault.status(503),
                Fault.status(503), Fault.status(503));
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        HttpResponse<String> response = create(id, "syntch");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        JsonNode outcome = json(response).at("/outcomes/0");
        assertThat(outcome.path("status").asText()).isEqualTo("FAILED");
        assertThat(outcome.path("attempts").asInt()).isEqualTo(4);
        assertThat(outcome.path("error").asText()).isEqualTo("gave up: HTTP 503");
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).isEqualTo(4);
    }

    @Test
    void retries_a_dropped_connection() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.drop());
        HttpResponse<String> response = create(id, "syntch");
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }

    @Test
    void asks_get_customer_again_after_a_timed_out_create_and_creates_exactly_one_customer() throws Exception {
        String id = newId();
        vendors.simplePin.server().inject(ADD, Fault.slow(Duration.ofMillis(1500)));
        int adds = vendors.simplePin.server().requests(ADD);
        int gets = vendors.simplePin.server().requests(GET);

        HttpResponse<String> response = create(id, "simplepin");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode outcome = json(response).at("/outcomes/0");
        assertThat(outcome.path("status").asText()).isEqualTo("CREATED");
        assertThat(outcome.path("attempts").asInt()).isEqualTo(2);
        assertThat(outcome.path("vendorCustomerId").asText()).isEqualTo(String.valueOf(vendors.simplePin.profile(id).id()));
        assertThat(vendors.simplePin.server().requests(ADD) - adds).isEqualTo(1);
        assertThat(vendors.simplePin.server().requests(GET) - gets).isEqualTo(2);
    }

    @Test
    void a_syntch_create_that_timed_out_but_landed_is_reported_created_not_already_existing() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.slow(Duration.ofMillis(1500)));
        HttpResponse<String> response = create(id, "syntch");
        assertThat(json(response).at("/outcomes/0/status").asText()).isEqualTo("CREATED");
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }

    @Test
    void carries_the_vendors_field_errors_in_the_callers_names() throws Exception {
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.answer(400, "application/json",
                "{\"ResponseStatus\":{\"ErrorCode\":\"ValidationException\",\"Message\":\"Postal code unknown\","
                        + "\"Errors\":[{\"ErrorCode\":\"Invalid\",\"FieldName\":\"ShippingAddress.PostalCode\","
                        + "\"Message\":\"Postal code unknown\"}]}}"));
        HttpResponse<String> response = create(newId(), "syntch");

        JsonNode outcome = json(response).at("/outcomes/0");
        assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("error").asText()).contains("Postal code unknown");
        assertThat(outcome.path("violations").get(0).path("field").asText()).isEqualTo("shippingAddress.postalCode");
    }

    @Test
    void carries_simplepins_field_errors_in_the_callers_names() throws Exception {
        vendors.simplePin.server().inject(ADD, Fault.answer(400, "application/json",
                "{\"message\":\"validation failed\",\"errors\":[{\"field\":\"main_address.zip\",\"message\":\"unknown zip\"}]}"));
        HttpResponse<String> response = create(newId(), "simplepin");

        JsonNode outcome = json(response).at("/outcomes/0");
        assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("violations").get(0).path("field").asText()).isEqualTo("shippingAddress.postalCode");
        assertThat(outcome.path("violations").get(0).path("message").asText()).isEqualTo("unknown zip");
    }

    @Test
    void adds_the_vendors_raw_answer_only_when_asked() throws Exception {
        HttpResponse<String> plain = create(newId(), "syntch");
        assertThat(json(plain).at("/outcomes/0").has("vendorResponse")).isFalse();

        HttpResponse<String> raw = gateway.post("/api/v1/customers?includeRaw=true", "application/json",
                customer(newId()), Map.of("X-Gateway-Target", "syntch"));
        assertThat(json(raw).at("/outcomes/0/vendorResponse").asText()).contains("\"CustomerKey\"");
    }

    @Test
    void carries_the_callers_correlation_id_to_the_vendor_and_back() throws Exception {
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/json", customer(newId()),
                Map.of("X-Gateway-Target", "syntch", "X-Correlation-Id", "order-77-abc"));
        assertThat(json(response).path("correlationId").asText()).isEqualTo("order-77-abc");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("order-77-abc");
        assertThat(vendors.syntch.server().lastRequest(POST_CUSTOMERS).header("X-Correlation-Id")).isEqualTo("order-77-abc");
    }

    @Test
    void creates_from_canonical_xml() throws Exception {
        String id = newId();
        byte[] xml = Fixtures.text("canonical-customer.xml").replace("C-1001", id).getBytes();
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/xml", xml,
                Map.of("X-Gateway-Target", "simplepin"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(vendors.simplePin.profile(id)).isNotNull();
    }

    @Test
    void refuses_an_unknown_target_with_400() throws Exception {
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/json", customer(newId()),
                Map.of("X-Gateway-Target", "salesforce"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }



    private HttpResponse<String> create(String id, String target) {
        return gateway.post("/api/v1/customers", "application/json", customer(id), Map.of("X-Gateway-Target", target));
    }

}
