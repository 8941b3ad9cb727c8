package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.simplepin.sandbox.SimplePinSimulator.ADD;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.customergateway.simulation.Fault;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;

/**
 * Every status the OpenAPI document lists for an operation is one the running gateway really answers:
 * for each (operation, status) of the document, a scenario that brings it about.
 */
class DocumentedStatusesHttpTest {

    private static final String KEY = "doc-key";
    private static final String JSON = "application/json";
    @TempDir
    static Path drop;
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
            Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
            settings.put("gateway.auth.api-keys", KEY);
            settings.put("gateway.retry.max-attempts", "1");
            settings.put("gateway.filedrop.dir", drop.toString());
            settings.putAll(TestVendors.BREAKER_NEVER_OPENS);
            return settings;
        });

    @Test
    void every_documented_status_is_reachable() throws Exception {
        Map<String, Supplier<HttpResponse<String>>> scenarios = scenarios();
        JsonNode document = json(get("/api/v1/openapi.json"));
        List<String> unreached = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                    String name = operation.getKey().toUpperCase() + " " + path.getKey() + " " + status;
                    Supplier<HttpResponse<String>> scenario = scenarios.get(name);
                    if (scenario == null) {
                        unreached.add(name + " (no scenario)");
                        return;
                    }
                    vendors.syntch.server().clearFaults();
                    vendors.simplePin.server().clearFaults();
                    HttpResponse<String> response = scenario.get();
                    if (response.statusCode() != Integer.parseInt(status)) {
                        unreached.add(name + " (got " + response.statusCode() + ": " + response.body() + ")");
                    }
                })));
        assertThat(unreached).isEmpty();
    }

    private Map<String, Supplier<HttpResponse<String>>> scenarios() {
        Map<String, Supplier<HttpResponse<String>>> s = new LinkedHashMap<>();
        String customers = "/api/v1/customers";
        s.put("POST " + customers + " 201", () -> create(newId(), "syntch"));
        s.put("POST " + customers + " 200", () -> {
            String id = newId();
            create(id, "syntch");
            return post(customers, JSON, new String(customer(id)).replace("Acme", "Acme Two").getBytes(),
                    Map.of("X-Gateway-Target", "syntch"));
        });
        s.put("POST " + customers + " 207", () -> post(customers, JSON, ("{\"customerId\":\"" + newId() + "\",\"name\":\"N\","
                + "\"shippingAddress\":{\"lines\":[\"1 A St\"],\"region\":\"ON\",\"postalCode\":\"1\",\"country\":\"CAN\"}}")
                .getBytes(), Map.of("X-Gateway-Target", "both")));
        s.put("POST " + customers + " 422", () -> post(customers, JSON, "{}".getBytes(), Map.of()));
        s.put("POST " + customers + " 502", () -> {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(400));
            return create(newId(), "syntch");
        });
        s.put("POST " + customers + " 504", () -> {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.slow(Duration.ofMillis(1500)));
            return create(newId(), "syntch");
        });
        s.put("POST " + customers + " 400", () -> post(customers, JSON, "{".getBytes(), Map.of()));
        s.put("POST " + customers + " 401", () -> unauthorized("POST", customers));
        s.put("POST " + customers + " 409", () -> {
            String id = newId();
            post(customers, JSON, customer(id), Map.of("Idempotency-Key", "d-" + id, "X-Gateway-Target", "syntch"));
            return post(customers, JSON, customer(newId()), Map.of("Idempotency-Key", "d-" + id, "X-Gateway-Target", "syntch"));
        });
        s.put("POST " + customers + " 413", () -> post(customers, JSON, new byte[1_100_000], Map.of()));
        s.put("POST " + customers + " 415", () -> post(customers, "application/x-www-form-urlencoded", "a=b".getBytes(), Map.of()));

        s.put("GET /api/v1/customers/{customerId} 200", () -> {
            String id = newId();
            create(id, "syntch");
            return get(customers + "/" + id);
        });
        s.put("GET /api/v1/customers/{customerId} 401", () -> unauthorized("GET", customers + "/x"));
        s.put("GET /api/v1/customers/{customerId} 404", () -> get(customers + "/never-sent"));

        s.put("GET /simplepin/v2/countries 200", () -> get("/simplepin/v2/countries?locale=fr"));
        s.put("GET /simplepin/v2/countries 401", () -> unauthorized("GET", "/simplepin/v2/countries"));
        s.put("GET /simplepin/v2/provinces 200", () -> get("/simplepin/v2/provinces?country_id=124"));
        s.put("GET /simplepin/v2/provinces 401", () -> unauthorized("GET", "/simplepin/v2/provinces"));
        s.put("GET /simplepin/v2/customer/get 200", () -> {
            String id = newId();
            post("/simplepin/v2/customer/add", JSON, simplePinProfile(id), Map.of());
            return get("/simplepin/v2/customer/get?customer_id=" + id);
        });
        s.put("GET /simplepin/v2/customer/get 400", () -> get("/simplepin/v2/customer/get"));
        s.put("GET /simplepin/v2/customer/get 401", () -> unauthorized("GET", "/simplepin/v2/customer/get?customer_id=x"));
        s.put("GET /simplepin/v2/customer/get 404", () -> get("/simplepin/v2/customer/get?customer_id=never-sent"));

        for (String prefix : new String[] {"/simplepin", "/syntch"}) {
            s.put("GET " + prefix + " 401", () -> unauthorized("GET", prefix + "/v9/anything"));
            s.put("GET " + prefix + " 404", () -> get(prefix + "/v9/anything"));
            s.put("POST " + prefix + " 401", () -> unauthorized("POST", prefix + "/v9/anything"));
            s.put("POST " + prefix + " 404", () -> post(prefix + "/v9/anything", JSON, "{}".getBytes(), Map.of()));
        }

        String translate = "/api/v1/translate?from=canonical&to=syntch";
        s.put("POST /api/v1/translate 200", () -> post(translate, JSON, Fixtures.bytes("canonical-customer.json"), Map.of()));
        s.put("POST /api/v1/translate 400", () -> post(translate, JSON, "{".getBytes(), Map.of()));
        s.put("POST /api/v1/translate 401", () -> unauthorized("POST", translate));
        s.put("POST /api/v1/translate 413", () -> post(translate, JSON, new byte[1_100_000], Map.of()));
        s.put("POST /api/v1/translate 415", () -> post(translate, "text/plain", "x".getBytes(), Map.of()));
        s.put("POST /api/v1/translate 422", () -> post(translate, JSON, "{}".getBytes(), Map.of()));

        s.put("GET /api/v1/schemas/{name} 200", () -> get("/api/v1/schemas/syntch"));
        s.put("GET /api/v1/schemas/{name} 401", () -> unauthorized("GET", "/api/v1/schemas/syntch"));
        s.put("GET /api/v1/schemas/{name} 404", () -> get("/api/v1/schemas/salesforce"));

        s.put("GET /api/v1/dead-letters 200", () -> get("/api/v1/dead-letters"));
        s.put("GET /api/v1/dead-letters 400", () -> get("/api/v1/dead-letters?size=100000"));
        s.put("GET /api/v1/dead-letters 401", () -> unauthorized("GET", "/api/v1/dead-letters"));
        s.put("GET /api/v1/dead-letters/{id} 200", () -> get("/api/v1/dead-letters/" + deadLetter(newId())));
        s.put("GET /api/v1/dead-letters/{id} 401", () -> unauthorized("GET", "/api/v1/dead-letters/x"));
        s.put("GET /api/v1/dead-letters/{id} 404", () -> get("/api/v1/dead-letters/no-such-letter"));
        s.put("DELETE /api/v1/dead-letters/{id} 204", () -> delete("/api/v1/dead-letters/" + deadLetter(newId())));
        s.put("DELETE /api/v1/dead-letters/{id} 401", () -> unauthorized("DELETE", "/api/v1/dead-letters/x"));
        s.put("DELETE /api/v1/dead-letters/{id} 404", () -> delete("/api/v1/dead-letters/no-such-letter"));
        s.put("DELETE /api/v1/dead-letters/{id} 409", () -> {
            String letter = deadLetter(newId());
            delete("/api/v1/dead-letters/" + letter);
            return delete("/api/v1/dead-letters/" + letter);
        });
        String replay = "/api/v1/dead-letters/%s/replay";
        s.put("POST /api/v1/dead-letters/{id}/replay 201", () -> post(replay.formatted(deadLetter(newId())), JSON, new byte[0], Map.of()));
        s.put("POST /api/v1/dead-letters/{id}/replay 200", () -> {
            String id = newId();
            String letter = deadLetter(id);
            create(id, "syntch");
            return post(replay.formatted(letter), JSON, new byte[0], Map.of());
        });
        s.put("POST /api/v1/dead-letters/{id}/replay 502", () -> {
            String letter = deadLetter(newId());
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
            return post(replay.formatted(letter), JSON, new byte[0], Map.of());
        });
        s.put("POST /api/v1/dead-letters/{id}/replay 401", () -> unauthorized("POST", replay.formatted("x")));
        s.put("POST /api/v1/dead-letters/{id}/replay 404", () -> post(replay.formatted("no-such-letter"), JSON, new byte[0], Map.of()));
        s.put("POST /api/v1/dead-letters/{id}/replay 409", () -> {
            String letter = deadLetter(newId());
            post(replay.formatted(letter), JSON, new byte[0], Map.of());
            return post(replay.formatted(letter), JSON, new byte[0], Map.of());
        });

        s.put("GET /api/v1/dead-letter-groups 200", () -> get("/api/v1/dead-letter-groups"));
        s.put("GET /api/v1/dead-letter-groups 400", () -> get("/api/v1/dead-letter-groups?since=yesterday"));
        s.put("GET /api/v1/dead-letter-groups 401", () -> unauthorized("GET", "/api/v1/dead-letter-groups"));
        for (String batch : List.of("/api/v1/dead-letters/replay", "/api/v1/dead-letters/discard")) {
            s.put("POST " + batch + " 200", () -> post(batch, JSON, ("{\"ids\":[\"" + deadLetter(newId()) + "\"]}").getBytes(), Map.of()));
            s.put("POST " + batch + " 400", () -> post(batch, JSON, "{\"ids\":[]}".getBytes(), Map.of()));
            s.put("POST " + batch + " 401", () -> unauthorized("POST", batch));
            s.put("POST " + batch + " 413", () -> post(batch, JSON, new byte[1_100_000], Map.of()));
            s.put("POST " + batch + " 415", () -> post(batch, "text/plain", "ids".getBytes(), Map.of()));
        }
        s.put("GET /api/v1/filedrop/reports/{file} 200", () -> {
            try {
                Files.writeString(drop.resolve("reports/listed.csv.report.csv"), "record,customer_id\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return get("/api/v1/filedrop/reports/listed.csv");
        });
        s.put("GET /api/v1/filedrop/reports/{file} 401", () -> unauthorized("GET", "/api/v1/filedrop/reports/listed.csv"));
        s.put("GET /api/v1/filedrop/reports/{file} 404", () -> get("/api/v1/filedrop/reports/never-dropped.csv"));
        s.put("GET /api/v1/vendors 200", () -> get("/api/v1/vendors"));
        s.put("GET /api/v1/vendors 401", () -> unauthorized("GET", "/api/v1/vendors"));
        s.put("GET /console 200", () -> gateway.get("/console"));
        s.put("GET /console/{file} 200", () -> gateway.get("/console/console.js"));
        s.put("GET /console/{file} 404", () -> gateway.get("/console/no-such-file.js"));

        s.put("GET /api/v1/filedrop/status 200", () -> get("/api/v1/filedrop/status"));
        s.put("GET /api/v1/filedrop/status 401", () -> unauthorized("GET", "/api/v1/filedrop/status"));
        s.put("GET /api/v1/openapi.json 200", () -> get("/api/v1/openapi.json"));
        s.put("GET /api/v1/openapi.json 401", () -> unauthorized("GET", "/api/v1/openapi.json"));

        String simplePin = "/simplepin/v2/customer/add";
        s.put("POST " + simplePin + " 201", () -> post(simplePin, JSON, simplePinProfile(newId()), Map.of()));
        s.put("POST " + simplePin + " 400", () -> post(simplePin, JSON, "{\"customer_id\":\"x\"}".getBytes(), Map.of()));
        s.put("POST " + simplePin + " 409", () -> {
            byte[] profile = simplePinProfile(newId());
            post(simplePin, JSON, profile, Map.of());
            return post(simplePin, JSON, profile, Map.of());
        });
        s.put("POST " + simplePin + " 502", () -> {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
            return post(simplePin, JSON, simplePinProfile(newId()), Map.of());
        });
        s.put("POST " + simplePin + " 504", () -> {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.slow(Duration.ofMillis(1500)));
            return post(simplePin, JSON, simplePinProfile(newId()), Map.of());
        });
        s.put("POST " + simplePin + " 401", () -> unauthorized("POST", simplePin));
        s.put("POST " + simplePin + " 413", () -> post(simplePin, JSON, new byte[1_100_000], Map.of()));
        s.put("POST " + simplePin + " 415", () -> post(simplePin, "text/plain", "x".getBytes(), Map.of()));

        String syntch = "/syntch/customers";
        s.put("POST " + syntch + " 200", () -> post(syntch, JSON, syntchCustomer(newId()), Map.of()));
        // invalid for the facade's target (SimplePin wants a customer id), the rules that count
        s.put("POST " + syntch + " 400", () -> post(syntch, JSON, "{\"CustomerName\":\"x\"}".getBytes(), Map.of()));
        s.put("POST " + syntch + " 409", () -> {
            byte[] customer = syntchCustomer(newId());
            post(syntch, JSON, customer, Map.of());
            return post(syntch, JSON, customer, Map.of());
        });
        s.put("POST " + syntch + " 502", () -> {
            vendors.simplePin.server().inject(ADD, Fault.status(503));
            return post(syntch, JSON, syntchCustomer(newId()), Map.of());
        });
        s.put("POST " + syntch + " 504", () -> {
            vendors.simplePin.server().inject(ADD, Fault.slow(Duration.ofMillis(1500)));
            return post(syntch, JSON, syntchCustomer(newId()), Map.of());
        });
        s.put("POST " + syntch + " 401", () -> unauthorized("POST", syntch));
        s.put("POST " + syntch + " 413", () -> post(syntch, JSON, new byte[1_100_000], Map.of()));
        s.put("POST " + syntch + " 415", () -> post(syntch, "text/plain", "x".getBytes(), Map.of()));
        return s;
    }

    /** A customer Syntch failed to take (503), kept as a dead letter; the letter's id. */
    private String deadLetter(String id) {
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
        try {
            return json(create(id, "syntch")).at("/outcomes/0/deadLetterId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] simplePinProfile(String id) {
        return Fixtures.text("simplepin-request.json").replace("C-1001", id).getBytes();
    }

    private static byte[] syntchCustomer(String id) {
        return Fixtures.text("syntch-postcustomer.json").replace("C-1001", id).getBytes();
    }

    private HttpResponse<String> create(String id, String target) {
        return post("/api/v1/customers", JSON, customer(id), Map.of("X-Gateway-Target", target));
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("X-Api-Key", KEY);
        return gateway.post(path, contentType, body, all);
    }

    private HttpResponse<String> get(String path) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).header("X-Api-Key", KEY).GET().build());
    }

    private HttpResponse<String> delete(String path) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).header("X-Api-Key", KEY).DELETE().build());
    }

    private HttpResponse<String> unauthorized(String method, String path) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", JSON)
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());
    }
}
