package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.http.ConsoleFixture.failAtSyntch;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.simulation.Fault;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestCustomers;
import org.customergateway.support.TestVendors;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints the console calls, over real HTTP against the vendor simulators: dead letters grouped
 * by cause, replayed or discarded many at once with a result per letter, the vendors' state and last
 * hour, a file's report, the customer look-up's attempts, and the console's own files.
 */
class ConsoleApiHttpTest {

    private static final String KEY = "console-test-key-7d2a";

    @TempDir
    static Path drop;
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> ConsoleFixture.settings(vendors, drop, KEY));

    @Test
    void letters_that_failed_alike_are_one_group_and_one_action_replays_each_exactly_once() throws Exception {
        List<String> ids = List.of(newId(), newId(), newId());
        List<String> letters = new ArrayList<>();
        for (String id : ids) {
            letters.add(failAtSyntch(gateway, vendors, KEY, id));
        }
        JsonNode groups = json(get("/api/v1/dead-letter-groups?vendor=syntch"));
        JsonNode group = find(groups.path("groups"), "error", letter(letters.get(0)).path("error").asText());
        assertThat(group.path("letters").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(group.path("vendor").asText()).isEqualTo("syntch");
        assertThat(group.path("error").asText()).isEqualTo("gave up: HTTP 503");
        assertThat(json(get("/api/v1/dead-letters?customerId=" + ids.get(1))).path("total").asLong()).isEqualTo(1);
        assertThat(json(get("/api/v1/dead-letters?wayIn=filedrop&customerId=" + ids.get(1))).path("total").asLong()).isZero();

        HttpResponse<String> replay = post("/api/v1/dead-letters/replay", "{\"vendor\":\"syntch\",\"error\":"
                + quoted(group.path("error").asText()) + "}");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        JsonNode answer = json(replay);
        for (String letterId : letters) {
            JsonNode item = find(answer.path("items"), "id", letterId);
            assertThat(item.path("result").asText()).isEqualTo("REPLAYED");
            assertThat(item.at("/dispatch/outcomes/0/status").asText()).isEqualTo("CREATED");
            assertThat(letter(letterId).path("state").asText()).isEqualTo("REPLAYED");
        }
        for (String id : ids) {
            assertThat(vendors.syntch.customer(id)).isNotNull();
        }
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        JsonNode again = json(post("/api/v1/dead-letters/replay", "{\"ids\":[\"" + String.join("\",\"", letters) + "\"]}"));
        assertThat(again.path("results").path("NOT_WAITING").asInt()).isEqualTo(3);
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).as("nothing sent twice").isEqualTo(posts);
    }

    @Test
    void an_outage_s_letters_whatever_their_causes_are_replayed_in_one_action_by_vendor_and_time() throws Exception {
        String since = java.time.OffsetDateTime.now().minusSeconds(1).toString();
        String refused = failAtSyntch(gateway, vendors, KEY, newId());
        String dropped = newId();
        String droppedLetter = failAtSyntch(gateway, vendors, KEY, dropped, Fault.drop(), Fault.drop());
        assertThat(letter(droppedLetter).path("error").asText()).isNotEqualTo(letter(refused).path("error").asText());

        JsonNode answer = json(post("/api/v1/dead-letters/replay", "{\"vendor\":\"syntch\",\"since\":\"" + since + "\"}"));
        assertThat(answer.path("left").asLong()).isZero();
        assertThat(find(answer.path("items"), "id", refused).path("result").asText()).isEqualTo("REPLAYED");
        assertThat(find(answer.path("items"), "id", droppedLetter).path("result").asText()).isEqualTo("REPLAYED");
        assertThat(vendors.syntch.customer(dropped)).isNotNull();
    }

    @Test
    void a_batch_says_per_letter_what_happened_and_one_failure_stops_no_other() throws Exception {
        String failing = failAtSyntch(gateway, vendors, KEY, newId());
        String recovering = failAtSyntch(gateway, vendors, KEY, newId());
        // the next two calls fail: whichever letter goes first fails again; the other one is created
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
        JsonNode answer = json(post("/api/v1/dead-letters/replay",
                "{\"ids\":[\"" + failing + "\",\"no-such-letter\",\"" + recovering + "\"]}"));
        assertThat(answer.path("letters").asInt()).isEqualTo(3);
        assertThat(answer.path("items").get(1).path("id").asText()).isEqualTo("no-such-letter");
        assertThat(answer.path("items").get(1).path("result").asText()).isEqualTo("NOT_FOUND");
        assertThat(answer.path("results").path("NOT_FOUND").asInt()).isEqualTo(1);
        assertThat(answer.path("results").path("REPLAYED").asInt() + answer.path("results").path("FAILED_AGAIN").asInt())
                .isEqualTo(2);
        for (JsonNode item : List.of(answer.path("items").get(0), answer.path("items").get(2))) {
            String state = letter(item.path("id").asText()).path("state").asText();
            assertThat(state).isEqualTo(item.path("result").asText().equals("REPLAYED") ? "REPLAYED" : "WAITING");
        }
    }

    @Test
    void a_batch_discard_discards_waiting_letters_once() throws Exception {
        String letterId = failAtSyntch(gateway, vendors, KEY, newId());
        JsonNode discarded = json(post("/api/v1/dead-letters/discard", "{\"ids\":[\"" + letterId + "\"]}"));
        assertThat(discarded.at("/items/0/result").asText()).isEqualTo("DISCARDED");
        assertThat(letter(letterId).path("state").asText()).isEqualTo("DISCARDED");
        JsonNode again = json(post("/api/v1/dead-letters/discard", "{\"ids\":[\"" + letterId + "\"]}"));
        assertThat(again.at("/items/0/result").asText()).isEqualTo("NOT_WAITING");
    }

    @Test
    void a_batch_that_names_no_letters_is_a_bad_request() {
        for (String body : List.of("{}", "[]", "not json", "{\"ids\":[]}", "{\"vendors\":\"syntch\"}",
                "{\"ids\":[\"a\"],\"vendor\":\"syntch\"}", "{\"since\":\"yesterday\"}",
                // docs/http-api.md: a duplicate key is refused, never read as the last one
                "{\"vendor\":\"simplepin\",\"vendor\":\"syntch\"}")) {
            HttpResponse<String> answer = post("/api/v1/dead-letters/replay", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void vendors_show_their_circuit_health_totals_and_samples_of_what_happened() throws Exception {
        JsonNode before = find(json(get("/api/v1/vendors")).path("vendors"), "vendor", "simplepin");
        long created = before.at("/totals/customers/CREATED").asLong();
        String id = newId();
        HttpResponse<String> create = gateway.post("/api/v1/customers", "application/json", customer(id),
                Map.of("X-Api-Key", KEY, "X-Gateway-Target", "simplepin"));
        assertThat(create.statusCode()).isEqualTo(201);

        JsonNode vendorsNow = json(get("/api/v1/vendors"));
        assertThat(vendorsNow.path("readiness").path("state").asText()).isEqualTo("UP");
        assertThat(vendorsNow.path("readiness").path("checks"))
                .noneMatch(c -> c.path("id").asText().startsWith("route:") || c.path("id").asText().startsWith("consumer:"))
                .anyMatch(c -> c.path("id").asText().equals("ledger"));
        JsonNode simplePin = find(vendorsNow.path("vendors"), "vendor", "simplepin");
        assertThat(simplePin.path("circuit").asText()).isEqualTo("CLOSED");
        assertThat(simplePin.at("/health/state").asText()).isEqualTo("UP");
        assertThat(simplePin.at("/totals/customers/CREATED").asLong()).isEqualTo(created + 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode samples = find(json(get("/api/v1/vendors")).path("vendors"), "vendor", "simplepin").path("samples");
            assertThat(samples).anySatisfy(sample -> {
                assertThat(sample.at("/customers/CREATED").asLong()).isPositive();
                assertThat(sample.path("p50Millis").isNumber()).isTrue();
                assertThat(sample.path("p99Millis").asDouble()).isGreaterThanOrEqualTo(sample.path("p50Millis").asDouble());
            });
        });
    }

    @Test
    void a_finished_file_has_its_counts_by_status_and_its_report_and_a_failed_file_its_reason() throws Exception {
        String good = newId();
        String csv = TestCustomers.CSV_HEADER + "\n" + TestCustomers.csvRow(good, "Good Co", "ACTIVE", "1 Main St") + "\n"
                + TestCustomers.csvRow(newId(), "Bad Co", "NOT-A-STATUS", "2 Main St") + "\n";
        Path staging = Files.writeString(drop.resolve("console-report.csv.part"), csv);
        Files.move(staging, drop.resolve("inbox/syntch/console-report.csv"));
        Files.writeString(drop.resolve("inbox/syntch/console-broken.json"), "{\"customerId\": ");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = json(get("/api/v1/filedrop/status"));
            JsonNode finished = find(status.path("finished"), "file", "console-report.csv");
            assertThat(finished.path("statuses").path("CREATED").asInt()).isEqualTo(1);
            assertThat(finished.path("statuses").path("INVALID").asInt()).isEqualTo(1);
            assertThat(finished.path("finishedAt").isTextual()).isTrue();
            JsonNode failed = find(status.path("failed"), "file", "console-broken.json");
            assertThat(failed.path("reason").asText()).isNotBlank();
        });
        HttpResponse<String> report = get("/api/v1/filedrop/reports/console-report.csv");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(report.body()).contains(good).contains("INVALID");
        assertThat(report.body()).isEqualTo(Files.readString(drop.resolve("reports/console-report.csv.report.csv")));
    }

    @Test
    void a_report_is_only_a_file_of_reports_never_a_path_out_of_it() throws Exception {
        Files.writeString(drop.resolve("secret.report.csv"), "not for callers");
        for (String name : List.of("..%2Fsecret", "%2E%2E%2Fsecret", "..%5Csecret", "never-dropped.csv", ".report",
                "%00", "a%00b.csv", "a%0Ab.csv")) {
            HttpResponse<String> answer = get("/api/v1/filedrop/reports/" + name);
            assertThat(answer.statusCode()).as(name).isEqualTo(404);
            // refused by the gateway's own check (the name reaches it decoded: "../secret"), not by the router
            assertThat(answer.body()).as(name).contains("report-not-found").doesNotContain("not for callers");
        }
        HttpResponse<String> unauthorised = gateway.get("/api/v1/filedrop/reports/console-report.csv");
        assertThat(unauthorised.statusCode()).isEqualTo(401);
    }

    @Test
    void the_look_up_says_in_how_many_attempts_a_customer_was_created() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
        HttpResponse<String> create = gateway.post("/api/v1/customers", "application/json", customer(id),
                Map.of("X-Api-Key", KEY, "X-Gateway-Target", "syntch"));
        assertThat(create.statusCode()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode found = json(get("/api/v1/customers/" + id));
            assertThat(found.at("/vendors/0/attempts").asInt()).isEqualTo(2);
        });
    }

    @Test
    void the_console_is_served_from_the_jar_without_a_key_and_its_api_calls_want_one() {
        HttpResponse<String> page = gateway.get("/console");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(page.body()).contains("/console/console.js");
        HttpResponse<String> chart = gateway.get("/console/uplot.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(chart.body()).contains("export");
        for (String name : List.of("nothing.js", "..%2Fapplication.properties", "index.html.bak", "Console.js")) {
            assertThat(gateway.get("/console/" + name).statusCode()).as(name).isEqualTo(404);
        }
        assertThat(gateway.get("/api/v1/vendors").statusCode()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/dead-letter-groups").statusCode()).isEqualTo(401);
    }


    private JsonNode letter(String id) throws Exception {
        return json(get("/api/v1/dead-letters/" + id));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode each : array) {
            if (each.path(field).asText().equals(value)) {
                return each;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }

    private static String quoted(String text) throws Exception {
        return Fixtures.CODECS.json().writeValueAsString(text);
    }

    private HttpResponse<String> get(String path) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).header("X-Api-Key", KEY).GET().build());
    }

    private HttpResponse<String> post(String path, String body) {
        return gateway.post(path, "application/json", body, Map.of("X-Api-Key", KEY));
    }
}
