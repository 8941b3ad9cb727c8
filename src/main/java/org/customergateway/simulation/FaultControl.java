package org.customergateway.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulators' faults over HTTP, so that a newcomer on the sandbox can watch a retry, a circuit
 * opening and a dead letter happen (README.md), at {@code /_sandbox/faults} on each simulator's own port
 * (the simulators run only in the sandbox profile and in tests):
 * <ul>
 *   <li>{@code POST} {@code {"route":"POST /customers","kind":"status","status":503,"times":3}}: the next 3
 *   requests of that route answer 503 (kinds: {@code status}, {@code rate-limit} with
 *   {@code retryAfterSeconds}, {@code slow} with {@code delayMs}, {@code drop});</li>
 *   <li>{@code POST} {@code {"route":"POST /customers","kind":"rate","perSecond":20}}: from now on that route
 *   takes 20 calls a second, a further one answered 429 with {@code Retry-After: 1}, as a real platform's
 *   rate limit ({@code perSecond} 0: no limit);</li>
 *   <li>{@code GET}: the faults still queued, the rate limits with the calls they let through and refused,
 *   and the requests seen, by route;</li>
 *   <li>{@code DELETE}: no more faults, no rate limit.</li>
 * </ul>
 */
final class FaultControl {

    static final String PATH = "/_sandbox/faults";

    private final SimulatorServer server;
    private final ObjectMapper json = new ObjectMapper();

    FaultControl(SimulatorServer server) {
        this.server = server;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> queue(exchange);
                case "DELETE" -> {
                    server.clearFaults();
                    answer(exchange, 200, Map.of("queued", server.queuedFaults()));
                }
                case "GET" -> answer(exchange, 200, Map.of("queued", server.queuedFaults(), "requests", server.requestCounts(),
                        "rateLimits", server.rateLimits()));
                default -> answer(exchange, 405, Map.of("error", "GET, POST or DELETE"));
            }
        }
    }

    private void queue(HttpExchange exchange) throws IOException {
        JsonNode order;
        try {
            order = json.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            answer(exchange, 400, Map.of("error", "the body is not JSON: " + e.getMessage()));
            return;
        }
        String route = order.path("route").asText("");
        if ("rate".equals(order.path("kind").asText()) && route.matches("(GET|POST|PUT|DELETE) /\\S*")
                && order.path("perSecond").isNumber() && order.path("perSecond").asDouble() >= 0) {
            server.limitRate(route, order.path("perSecond").asDouble());
            answer(exchange, 202, Map.of("rateLimits", server.rateLimits()));
            return;
        }
        int times = order.path("times").asInt(1);
        Fault fault;
        try {
            fault = fault(order);
        } catch (IllegalArgumentException e) {
            answer(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        if (!route.matches("(GET|POST|PUT|DELETE) /\\S*") || times < 1 || times > 100_000) {
            answer(exchange, 400, Map.of("error", "route is \"METHOD /path\" (e.g. \"POST /customers\") and times 1 to 100000"));
            return;
        }
        List<Fault> faults = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
        server.inject(route, faults.toArray(Fault[]::new));
        answer(exchange, 202, Map.of("queued", server.queuedFaults()));
    }

    private static Fault fault(JsonNode order) {
        return switch (order.path("kind").asText("")) {
            case "status" -> Fault.status(order.path("status").asInt(503));
            case "rate-limit" -> Fault.rateLimit(order.path("retryAfterSeconds").asLong(1));
            case "slow" -> Fault.slow(Duration.ofMillis(order.path("delayMs").asLong(10_000)));
            case "drop" -> Fault.drop();
            default -> throw new IllegalArgumentException("kind is status, rate-limit, slow or drop (or rate, with perSecond)");
        };
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, Integer> counts(Map<String, ? extends java.util.Collection<?>> queues) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        queues.forEach((route, queue) -> {
            if (!queue.isEmpty()) {
                counts.put(route, queue.size());
            }
        });
        return counts;
    }
}
