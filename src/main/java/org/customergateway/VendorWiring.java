package org.customergateway;

import static org.apache.camel.support.CamelContextHelper.mandatoryLookup;
import static org.customergateway.Wiring.blankToNull;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.vertx.http.VertxHttpEndpoint;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.support.LifecycleStrategySupport;
import org.customergateway.dispatch.CircuitGate;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.dispatch.Continuations;
import org.customergateway.dispatch.OutcomeRecords;
import org.customergateway.dispatch.OutcomesInOrder;
import org.customergateway.dispatch.RetryableAnswers;
import org.customergateway.dispatch.Vendor;
import org.customergateway.dispatch.VendorBreaker;
import org.customergateway.dispatch.VendorBreakers;
import org.customergateway.dispatch.VendorCall;
import org.customergateway.dispatch.VendorLane;
import org.customergateway.dispatch.VerbatimRequestTarget;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.ledger.LedgerDeadLetters;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.ops.DispatchMetrics;
import org.customergateway.ops.OperationsWiring;
import org.customergateway.simplepin.SimplePinAnswers;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.SimplePinRequests;
import org.customergateway.simplepin.SimplePinSettings;
import org.customergateway.syntch.SyntchAnswers;
import org.customergateway.syntch.SyntchCredentials;
import org.customergateway.syntch.SyntchRequests;

/** The vendor side of the flow in routes/: breakers, retries, the vendor calls' client, the sinks' beans, the sandbox simulators. */
public class VendorWiring implements CamelConfiguration {

    @PropertyInject("gateway.retry.max-delay-ms")
    private long retryMaxDelayMs;
    @PropertyInject("gateway.pacing.http-wait-ms")
    private long pacingHttpWaitMs;
    @PropertyInject("gateway.pacing.bulk-calls-per-vendor")
    private int bulkCallsPerVendor;
    @PropertyInject("gateway.pacing.max-bulk-calls-per-vendor")
    private int maxBulkCallsPerVendor;
    @PropertyInject("gateway.sandbox.simulators")
    private boolean sandboxSimulators;
    @PropertyInject("gateway.sandbox.simplepin-port")
    private int sandboxSimplePinPort;
    @PropertyInject("gateway.sandbox.syntch-port")
    private int sandboxSyntchPort;
    @PropertyInject("gateway.simplepin.api-key")
    private String simplePinApiKey;
    @PropertyInject("gateway.syntch.username")
    private String syntchUsername;
    @PropertyInject("gateway.syntch.password")
    private String syntchPassword;
    @PropertyInject("gateway.syntch.api-key")
    private String syntchApiKey;

    /** The sandbox's vendors: a SimplePin and a Syntch simulator inside the gateway, on their ports. */
    @Override
    public void configure(CamelContext camelContext) throws Exception {
        if (sandboxSimulators) {
            SimplePinGeography geography = mandatoryLookup(camelContext, "simplePinGeography", SimplePinGeography.class);
            camelContext.addService(new SandboxVendors(new SandboxVendors.Settings(sandboxSimplePinPort, simplePinApiKey,
                    sandboxSyntchPort, syntchUsername, syntchPassword, blankToNull(syntchApiKey)),
                    geography.countries(), geography.provinces()), true, true);
        }
    }

    /** Each vendor's circuit breaker, from the gateway.circuit-breaker keys (see application.properties). */
    @BindToRegistry(value = "vendorBreakers", lazy = true)
    public VendorBreakers vendorBreakers(
            @PropertyInject("gateway.circuit-breaker.failure-rate-threshold") float failureRate,
            @PropertyInject("gateway.circuit-breaker.sliding-window-type") String windowType,
            @PropertyInject("gateway.circuit-breaker.sliding-window-size") int windowSize,
            @PropertyInject("gateway.circuit-breaker.minimum-number-of-calls") int minimumCalls,
            @PropertyInject("gateway.circuit-breaker.wait-duration-in-open-state") long openSeconds,
            @PropertyInject("gateway.circuit-breaker.permitted-number-of-calls-in-half-open-state") int halfOpenCalls) {
        return new VendorBreakers(CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.valueOf(windowType.trim()))
                .slidingWindowSize(windowSize)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(Duration.ofSeconds(openSeconds))
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
    }

    @BindToRegistry(value = "simplepinBreaker", lazy = true)
    public VendorBreaker simplepinBreaker(VendorBreakers breakers) {
        return breakers.around(Vendor.SIMPLEPIN);
    }

    @BindToRegistry(value = "syntchBreaker", lazy = true)
    public VendorBreaker syntchBreaker(VendorBreakers breakers) {
        return breakers.around(Vendor.SYNTCH);
    }

    @BindToRegistry(value = "circuitGate", lazy = true)
    public CircuitGate circuitGate(VendorBreakers breakers) {
        CircuitGate gate = new CircuitGate();
        for (Vendor vendor : Vendor.values()) {
            gate.watch(vendor, breakers.of(vendor));
        }
        return gate;
    }

    @BindToRegistry(value = "outcomesInOrder", lazy = true)
    public OutcomesInOrder outcomesInOrder() {
        return new OutcomesInOrder();
    }

    @BindToRegistry(value = "inOrder", lazy = true)
    public GroupedBodyAggregationStrategy inOrder() {
        return new GroupedBodyAggregationStrategy();
    }

    @BindToRegistry(value = "retryableAnswers", lazy = true)
    public RetryableAnswers retryableAnswers() {
        return new RetryableAnswers(retryMaxDelayMs);
    }

    /** Where the flow goes on after a vendor's answer or a lane's wait (Camel's pool: it stops with Camel). */
    @BindToRegistry(value = "dispatchThreads", lazy = true)
    public ExecutorService dispatchThreads(CamelContext camelContext, @PropertyInject("gateway.dispatch.threads") int threads) {
        return camelContext.getExecutorServiceManager().newThreadPool(this, "dispatch",
                new ThreadPoolProfileBuilder("dispatch").poolSize(threads).maxPoolSize(threads).maxQueueSize(-1).build());
    }

    /** Where a customer's flow goes on after a wait: an event loop (HTTP, the file drop), or a dispatch thread. */
    @BindToRegistry(value = "continuations", lazy = true)
    public Continuations continuations(@BeanInject("dispatchThreads") ExecutorService dispatchThreads,
            @BeanInject("vertx") Vertx vertx) {
        return new Continuations(dispatchThreads, vertx);
    }

    /**
     * One Vert.x for the whole gateway: the API's and the management port's servers (platform-http) and
     * the vendor calls (vertx-http) each take the one in the registry, instead of three of their own with
     * their own event loops; closed once Camel has stopped all that uses it.
     */
    @BindToRegistry(value = "vertx", lazy = true)
    public Vertx vertx(CamelContext camelContext, @PropertyInject("gateway.event-loops") int eventLoops) {
        // one event loop per core, not Vert.x's two: a loop here computes (a customer's steps between two
        // waits), and a loop more than the cores only sleeps and wakes more often (BENCHMARKS.md, session 18)
        int loops = eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        camelContext.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext context) {
                vertx.close();
            }
        });
        return vertx;
    }

    /** The one clock of both vendors' lanes. */
    @BindToRegistry(value = "vendorLaneClock", lazy = true)
    public ScheduledExecutorService vendorLaneClock(CamelContext camelContext) {
        return camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "vendor-lanes");
    }

    /** SimplePin's pace (routes/simplepin-call); a call that waited goes on where its customer's flow does. */
    @BindToRegistry(value = "simplepinLane", lazy = true)
    public VendorLane simplepinLane(@BeanInject("vendorLaneClock") ScheduledExecutorService clock,
            @BeanInject("continuations") Continuations continuations,
            @PropertyInject("gateway.simplepin.max-rate") double maxRate,
            @PropertyInject("gateway.simplepin.max-concurrent-calls") int maxConcurrentCalls) {
        return lane(Vendor.SIMPLEPIN, maxRate, maxConcurrentCalls, clock, continuations);
    }

    /** Syntch's pace (routes/syntch-call); a call that waited goes on where its customer's flow does. */
    @BindToRegistry(value = "syntchLane", lazy = true)
    public VendorLane syntchLane(@BeanInject("vendorLaneClock") ScheduledExecutorService clock,
            @BeanInject("continuations") Continuations continuations,
            @PropertyInject("gateway.syntch.max-rate") double maxRate,
            @PropertyInject("gateway.syntch.max-concurrent-calls") int maxConcurrentCalls) {
        return lane(Vendor.SYNTCH, maxRate, maxConcurrentCalls, clock, continuations);
    }

    private VendorLane lane(Vendor vendor, double maxRate, int maxConcurrentCalls, ScheduledExecutorService clock,
            Continuations continuations) {
        return new VendorLane(vendor, new VendorLane.Settings(maxRate, maxConcurrentCalls, bulkCallsPerVendor,
                maxBulkCallsPerVendor, Duration.ofMillis(pacingHttpWaitMs), Duration.ofMillis(retryMaxDelayMs)), clock,
                continuations);
    }

    /** SimplePin's HTTP calls (routes/simplepin-call), answers taken up where the customer's flow goes on. */
    @BindToRegistry(value = "simplepinHttp", lazy = true)
    public VendorCall simplepinHttp(CamelContext camelContext, @BeanInject("continuations") Continuations continuations) {
        return vendorCall(camelContext, "gateway.simplepin.base-url", continuations);
    }

    /** Syntch's HTTP calls (routes/syntch-call), answers taken up where the customer's flow goes on. */
    @BindToRegistry(value = "syntchHttp", lazy = true)
    public VendorCall syntchHttp(CamelContext camelContext, @BeanInject("continuations") Continuations continuations) {
        return vendorCall(camelContext, "gateway.syntch.base-url", continuations);
    }

    /**
     * A vendor's calls on a vertx-http endpoint of its base URL: its answers as they come (any status is
     * an answer, not an exception), gateway.http.timeout-ms for the connection and for the answer, the
     * one client's options, the request target sent verbatim.
     */
    private static VendorCall vendorCall(CamelContext camelContext, String baseUrlKey, Continuations continuations) {
        return new VendorCall(camelContext.getEndpoint("vertx-http:{{" + baseUrlKey + "}}?throwExceptionOnFailure=false"
                + "&timeout={{gateway.http.timeout-ms}}&connectTimeout={{gateway.http.timeout-ms}}"
                + "&webClientOptions=#vendorClientOptions&vertxHttpBinding=#verbatimRequestTarget", VertxHttpEndpoint.class),
                continuations);
    }

    @BindToRegistry(value = "verbatimRequestTarget", lazy = true)
    public VerbatimRequestTarget verbatimRequestTarget() {
        return new VerbatimRequestTarget();
    }

    @BindToRegistry(value = "vendorClientOptions", lazy = true)
    public WebClientOptions vendorClientOptions(@PropertyInject("gateway.http.timeout-ms") long timeoutMs,
            @PropertyInject("gateway.http.max-connections") int maxConnections) {
        return new WebClientOptions().setFollowRedirects(false).setKeepAlive(true).setMaxPoolSize(maxConnections)
                .setConnectTimeout((int) timeoutMs).setTryUseCompression(false);
    }

    @BindToRegistry(value = "outcomeRecords", lazy = true)
    public OutcomeRecords outcomeRecords(CamelContext camelContext, DeadLetterStore deadLetters, CustomerMemory customers,
            @BeanInject("continuations") Continuations continuations) {
        return new OutcomeRecords(new LedgerDeadLetters(deadLetters), customers,
                new DispatchMetrics(() -> OperationsWiring.meters(camelContext)), continuations);
    }

    @BindToRegistry(value = "simplePinRequests", lazy = true)
    public SimplePinRequests simplePinRequests(Codecs codecs, SimplePinSettings settings) {
        return new SimplePinRequests(codecs, settings);
    }

    @BindToRegistry(value = "simplePinAnswers", lazy = true)
    public SimplePinAnswers simplePinAnswers(Codecs codecs, FieldPaths fieldPaths) {
        return new SimplePinAnswers(codecs, fieldPaths);
    }

    @BindToRegistry(value = "syntchRequests", lazy = true)
    public SyntchRequests syntchRequests(Codecs codecs, SyntchCredentials credentials) {
        return new SyntchRequests(codecs, credentials);
    }

    @BindToRegistry(value = "syntchAnswers", lazy = true)
    public SyntchAnswers syntchAnswers(Codecs codecs, FieldPaths fieldPaths) {
        return new SyntchAnswers(codecs, fieldPaths);
    }
}
