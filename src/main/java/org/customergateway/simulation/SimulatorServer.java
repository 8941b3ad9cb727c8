package org.customergateway.simulation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vendor simulator's HTTP side: the JDK's own HTTP server on a loopback port, a count of every
 * request by {@code METHOD path}, and the faults a test (or a sandbox user, over {@link FaultControl})
 * queued, applied in order to the next requests of the path they were queued for.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);

    static {
        // The JDK's server leaves Nagle's algorithm on unless told: an answer's headers and body went out as
        // two segments, the second held until the gateway acknowledged the first (a delayed ACK, up to
        // 40 ms). A sandbox SimplePin create (two calls) took 65 ms sequentially instead of 18. Read by the
        // JDK when its first server starts, so it is set before any; a value given on the command line wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, SimulatedRequest> lastRequests = new ConcurrentHashMap<>();
    /** When the last requests of each route arrived (System.nanoTime), the newest last; a few only. */
    private final Map<String, java.util.Deque<Long>> arrivals = new ConcurrentHashMap<>();
    private volatile java.time.Duration latency = java.time.Duration.ZERO;
    private final Map<String, RateLimit> rateLimits = new ConcurrentHashMap<>();
    /** Per route, the calls being answered now and the most there ever were at once. */
    private final Map<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();

    public SimulatorServer(String name, int port, Function<SimulatedRequest, SimulatedAnswer> handler) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new IllegalStateException(name + " simulator cannot listen on port " + port, e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, handler));
        FaultControl control = new FaultControl(this);
        server.createContext(FaultControl.PATH, control::handle);
        server.start();
        LOG.info("{} simulator listening on {}", name, baseUrl());
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Requests seen so far for {@code "POST /customers"}, faults included. */
    public int requests(String methodAndPath) {
        AtomicInteger count = requestCounts.get(methodAndPath);
        return count == null ? 0 : count.get();
    }

    /** The last request seen for {@code "POST /customers"}, or null. */
    public SimulatedRequest lastRequest(String methodAndPath) {
        return lastRequests.get(methodAndPath);
    }

    /** The most requests of {@code "POST /customers"} that were being answered at once. */
    public int mostAtOnce(String methodAndPath) {
        AtomicInteger most = mostAtOnce.get(methodAndPath);
        return most == null ? 0 : most.get();
    }

    /** How long the gateway waited between the last two requests of {@code "POST /customers"} (its retry delay). */
    public java.time.Duration lastGap(String methodAndPath) {
        java.util.Deque<Long> times = arrivals.get(methodAndPath);
        synchronized (times) {
            Long last = times.peekLast();
            Long before = times.size() < 2 ? null : times.stream().skip(times.size() - 2).findFirst().orElse(null);
            return java.time.Duration.ofNanos(last - before);
        }
    }

    /** Queues faults for the next requests of {@code "POST /customers"}, one fault per request. */
    public void inject(String methodAndPath, Fault... next) {
        ConcurrentLinkedQueue<Fault> queue = faults.computeIfAbsent(methodAndPath, k -> new ConcurrentLinkedQueue<>());
        queue.addAll(List.of(next));
    }

    /** Every answer from now on comes this much later, after the work is done (a slow vendor). */
    public void latency(java.time.Duration latency) {
        this.latency = latency;
    }

    /**
     * From now on the route takes at most {@code perSecond} calls a second, a further call answered 429
     * with {@code Retry-After: 1} (0: no limit). Queued faults come first.
     */
    public void limitRate(String methodAndPath, double perSecond) {
        if (perSecond <= 0) {
            rateLimits.remove(methodAndPath);
        } else {
            rateLimits.put(methodAndPath, new RateLimit(perSecond));
        }
    }

    /** Per route with a rate limit: the limit, and the calls it let through and answered 429. */
    public Map<String, Map<String, Object>> rateLimits() {
        Map<String, Map<String, Object>> limits = new java.util.TreeMap<>();
        rateLimits.forEach((route, limit) -> limits.put(route, Map.of("perSecond", limit.perSecond(),
                "allowed", limit.allowed(), "refused", limit.refused())));
        return limits;
    }

    /** No more faults: none queued, no rate limit. */
    public void clearFaults() {
        faults.clear();
        rateLimits.clear();
    }

    /** Faults still queued, by route. */
    public Map<String, Integer> queuedFaults() {
        return FaultControl.counts(faults);
    }

    /** Requests seen so far, by route. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        requestCounts.forEach((route, count) -> counts.put(route, count.get()));
        return counts;
    }

    private void handle(HttpExchange exchange, Function<SimulatedRequest, SimulatedAnswer> handler) throws IOException {
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requestCounts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        java.util.Deque<Long> times = arrivals.computeIfAbsent(key, k -> new java.util.ArrayDeque<>());
        synchronized (times) {
            times.addLast(System.nanoTime());
            if (times.size() > 8) {
                times.removeFirst();
            }
        }
        AtomicInteger now = inProgress.computeIfAbsent(key, k -> new AtomicInteger());
        mostAtOnce.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now.incrementAndGet(), Math::max);
        AtomicBoolean ended = new AtomicBoolean();
        // a call ends as its answer starts out (write): the caller may send the next one as soon as it has
        // it, and that one must not find this one still counted
        Runnable callEnds = () -> {
            if (ended.compareAndSet(false, true)) {
                now.decrementAndGet();
            }
        };
        try {
            answer(exchange, key, handler, callEnds);
        } finally {
            callEnds.run();
        }
    }

    private void answer(HttpExchange exchange, String key, Function<SimulatedRequest, SimulatedAnswer> handler,
            Runnable callEnds) throws IOException {
        ConcurrentLinkedQueue<Fault> queue = faults.get(key);
        Fault fault = queue == null ? null : queue.poll();
        RateLimit limit = rateLimits.get(key);
        if (fault == null && limit != null && !limit.take()) {
            fault = Fault.rateLimit(1);
        }
        try (exchange) {
            SimulatedRequest request = read(exchange);
            lastRequests.put(key, request);
            if (fault != null && fault.kind() == Fault.Kind.DROP) {
                return; // closing the exchange unanswered drops the connection
            }
            if (fault != null && fault.kind() == Fault.Kind.STATUS) {
                write(exchange, SimulatedAnswer.text(fault.status(), fault.contentType(), fault.body()), callEnds);
                return;
            }
            if (fault != null && fault.kind() == Fault.Kind.RATE_LIMIT) {
                write(exchange, new SimulatedAnswer(429, fault.contentType(), fault.body().getBytes(),
                        Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds()))), callEnds);
                return;
            }
            SimulatedAnswer answer = handler.apply(request);
            if (fault != null && fault.kind() == Fault.Kind.SLOW) {
                pause(fault.delay());
            } else if (!latency.isZero()) {
                pause(latency);
            }
            write(exchange, answer, callEnds);
        } catch (RuntimeException e) {
            LOG.warn("{} simulator failed on {}", name, key, e);
        }
    }

    private static void pause(java.time.Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SimulatedRequest read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new SimulatedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), SimulatedRequest.parseQuery(exchange.getRequestURI().getRawQuery()), headers, body);
    }

    private static void write(HttpExchange exchange, SimulatedAnswer answer, Runnable callEnds) throws IOException {
        callEnds.run();
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
