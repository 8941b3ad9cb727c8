package org.customergateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.customergateway.support.Fixtures;
import org.customergateway.support.PackagedGateway;
import org.customergateway.support.TestCustomers;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dashboards/customer-gateway.json asks only for metrics the gateway serves: the packaged jar on the
 * prod profile, one customer created, then every metric name in the dashboard's queries looked up on
 * /observe/metrics.
 */
class DashboardIT {

    private static final String KEY = "dashboard-test-key-3a9e";
    /** What in a query is not a metric name: grouping labels, label matchers, ranges. */
    private static final Pattern NOT_METRICS = Pattern.compile("\\b(?:by|without)\\s*\\([^)]*\\)|\\{[^}]*\\}|\\[[^\\]]*\\]");
    /** A metric name in PromQL: a word with an underscore that is not a function (not followed by a parenthesis). */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b(?!\\s*\\()");

    @TempDir
    Path work;

    @Test
    void every_metric_the_dashboard_queries_is_served() throws Exception {
        JsonNode dashboard = Fixtures.CODECS.json().readTree(Files.readString(Path.of("dashboards/customer-gateway.json")));
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher names = METRIC.matcher(NOT_METRICS.matcher(target.path("expr").asText()).replaceAll(" "));
                while (names.find()) {
                    queried.add(names.group(1));
                }
            }
        }
        assertThat(queried).contains("gateway_customers_total", "gateway_dispatch_seconds_bucket",
                "resilience4j_circuitbreaker_state", "gateway_dead_letters_waiting");

        try (TestVendors vendors = new TestVendors()) {
            java.util.Map<String, String> env = PackagedGateway.prodEnvironment(vendors, KEY);
            env.put("GATEWAY_ESB_ENABLED", "false"); // no broker here: the HTTP entrance alone
            try (PackagedGateway gateway = PackagedGateway.start(work, env).awaitReady(Duration.ofSeconds(60))) {
            HttpResponse<String> created = gateway.send(HttpRequest.newBuilder(gateway.uri("/api/v1/customers"))
                    .header("Content-Type", "application/json").header("X-Gateway-Target", "both").header("X-Api-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestCustomers.customer(TestCustomers.newId()))).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String metrics = gateway.observe("/observe/metrics").body();
            Set<String> served = new TreeSet<>();
            for (String line : metrics.lines().toList()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    served.add(line.split("[{ ]", 2)[0]);
                }
            }
            assertThat(served).as("metrics on /observe/metrics").containsAll(queried);
            }
        }
    }
}
