package org.customergateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.customergateway.simulation.Fault;
import org.customergateway.simulation.SimulatedRequest;
import org.customergateway.support.PackagedGateway;
import org.customergateway.support.TestCustomers;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracing on the packaged jar, turned on by the standard OpenTelemetry variables and sent to a small
 * OTLP/HTTP receiver: a create retried once is one trace with a span per attempt, and its log line
 * carries that trace's id.
 */
class TracingIT {

    private static final String KEY = "tracing-test-key-5b2f";
    private static final Pattern TRACE = Pattern.compile("trace=([0-9a-f]{32})");

    @TempDir
    Path work;

    @Test
    void a_create_is_one_trace_with_a_span_per_vendor_attempt_and_its_log_line_names_it() throws Exception {
        List<byte[]> exported = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/v1/traces", exchange -> {
            try (exchange) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                exchange.getRequestBody().transferTo(body);
                if ("application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    exported.add(body.toByteArray());
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        try (TestVendors vendors = new TestVendors()) {
            Map<String, String> env = PackagedGateway.prodEnvironment(vendors, KEY);
            env.put("GATEWAY_ESB_ENABLED", "false");
            env.put("OTEL_TRACES_EXPORTER", "otlp");
            env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + receiver.getAddress().getPort());
            env.put("OTEL_BSP_SCHEDULE_DELAY", "200");
            try (PackagedGateway gateway = PackagedGateway.start(work, env).awaitReady(Duration.ofSeconds(60))) {
                String id = TestCustomers.newId();
                vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
                HttpResponse<String> created = gateway.send(HttpRequest.newBuilder(gateway.uri("/api/v1/customers"))
                        .header("Content-Type", "application/json").header("X-Gateway-Target", "syntch")
                        .header("X-Api-Key", KEY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(TestCustomers.customer(id))).build());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

                String line = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gateway.log().lines()
                        .filter(l -> l.contains("customer " + id + " via http at syntch: CREATED after 2 attempt(s)"))
                        .findFirst().orElse(null), l -> l != null);
                Matcher trace = TRACE.matcher(line);
                assertThat(trace.find()).as(line).isTrue();
                byte[] traceId = HexFormat.of().parseHex(trace.group(1));

                // spans are exported as they end, in batches: the outer ones (the dispatch) come last
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> occurrences(exported, "syntch-attempt") >= 2
                        && occurrences(exported, "customer-dispatch") >= 1);
                assertThat(exported).anyMatch(payload -> indexOf(payload, traceId) >= 0);
                assertThat(occurrences(exported, "syntch-attempt")).as("one span per attempt").isGreaterThanOrEqualTo(2);
                assertThat(occurrences(exported, "customer-dispatch")).isGreaterThanOrEqualTo(1);
                // the vendor call carries the trace on (W3C traceparent, this trace's id), and no Camel header
                SimulatedRequest call = vendors.syntch.server().lastRequest(POST_CUSTOMERS);
                assertThat(call.header("traceparent")).contains(trace.group(1));
                assertThat(call.headers().keySet()).noneMatch(name -> name.startsWith("camel"));
            }
        } finally {
            receiver.stop(0);
        }
    }

    private static int occurrences(List<byte[]> payloads, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        int count = 0;
        for (byte[] payload : payloads) {
            for (int from = 0, at; (at = indexOf(payload, needle, from)) >= 0; from = at + needle.length) {
                count++;
            }
        }
        return count;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
