package org.customergateway;

import static org.customergateway.Wiring.bind;
import static org.customergateway.Wiring.blankToNull;
import static org.customergateway.Wiring.need;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClientOptions;
import org.customergateway.dispatch.CircuitGate;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.dispatch.OutcomeRecords;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.customergateway.dispatch.OutcomesInOrder;
import org.customergateway.dispatch.RetryableAnswers;
import org.customergateway.dispatch.Vendor;
import org.customergateway.dispatch.VendorBreakers;
import org.customergateway.dispatch.VendorLane;
import org.customergateway.dispatch.VerbatimRequestTarget;
import org.customergateway.simplepin.SimplePinAnswers;
import org.customergateway.simplepin.SimplePinRequests;
import org.customergateway.syntch.SyntchAnswers;
import org.customergateway.syntch.SyntchRequests;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.ledger.LedgerDeadLetters;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.ops.DispatchMetrics;
import org.customergateway.ops.OperationsWiring;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.SimplePinSettings;
import org.customergateway.syntch.SyntchCredentials;

/** The vendor side of the flow in routes/: breakers, retries, the vendor calls' client, the sinks' beans, the sandbox simulators. */
public class VendorWiring implements CamelConfiguration {

    @PropertyInject("gateway.simplepin.api-key")
    private String simplePinApiKey;
    @PropertyInject("gateway.syntch.username")
    private String syntchUsername;
    @PropertyInject("gateway.syntch.password")
    private String syntchPassword;
    @PropertyInject("gateway.syntch.api-key")
    private String syntchApiKey;
    @PropertyInject("gateway.retry.max-delay-ms")
    private long retryMaxDelayMs;
    @PropertyInject("gateway.http.timeout-ms")
    private long httpTimeoutMs;
    @PropertyInject("gateway.http.max-connections")
    private int httpMaxConnections;
    @PropertyInject("gateway.dispatch.threads")
    private int dispatchThreads;
    @PropertyInject("gateway.circuit-breaker.failure-rate-threshold")
    private float breakerFailureRate;
    @PropertyInject("gateway.circuit-breaker.sliding-window-type")
    private String breakerWindowType;
    @PropertyInject("gateway.circuit-breaker.sliding-window-size")
    private int breakerWindowSize;
    @PropertyInject("gateway.circuit-breaker.minimum-number-of-calls")
    private int breakerMinimumCalls;
    @PropertyInject("gateway.circuit-breaker.wait-duration-in-open-state")
    private long breakerOpenSeconds;
    @PropertyInject("gateway.circuit-breaker.permitted-number-of-calls-in-half-open-state")
    private int breakerHalfOpenCalls;
    @PropertyInject("gateway.simplepin.max-rate")
    private double simplePinMaxRate;
    @PropertyInject("gateway.simplepin.max-concurrent-calls")
    private int simplePinMaxConcurrentCalls;
    @PropertyInject("gateway.syntch.max-rate")
    private double syntchMaxRate;
    @PropertyInject("gateway.syntch.max-concurrent-calls")
    private int syntchMaxConcurrentCalls;
    @PropertyInject("gateway.pacing.http-wait-ms")
    private long pacingHttpWaitMs;
    @PropertyInject("gateway.sandbox.simulators")
    private boolean sandboxSimulators;
    @PropertyInject("gateway.sandbox.simplepin-port")
    private int sandboxSimplePinPort;
    @PropertyInject("gateway.sandbox.syntch-port")
    private int sandboxSyntchPort;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        Codecs codecs = need(registry, "codecs", Codecs.class);
        SimplePinSettings simplePin = need(registry, "simplePinSettings", SimplePinSettings.class);
        SyntchCredentials syntch = need(registry, "syntchCredentials", SyntchCredentials.class);
        FieldPaths fieldPaths = need(registry, "fieldPaths", FieldPaths.class);
        SimplePinGeography geography = need(registry, "simplePinGeography", SimplePinGeography.class);
        DeadLetterStore deadLetters = need(registry, "deadLetterStore", DeadLetterStore.class);
        CustomerMemory customers = need(registry, "customerMemory", CustomerMemory.class);
        // vendors: the flow is in routes/ (customer-dispatch-action, <vendor>-sink, <vendor>-call)
        VendorBreakers breakers = bind(registry, "vendorBreakers", new VendorBreakers(breakerConfig()));
        CircuitGate circuitGate = bind(registry, "circuitGate", new CircuitGate());
        for (Vendor vendor : Vendor.values()) {
            circuitGate.watch(vendor, breakers.of(vendor));
        }
        bind(registry, "outcomesInOrder", new OutcomesInOrder());
        bind(registry, "inOrder", new GroupedBodyAggregationStrategy());
        bind(registry, "retryableAnswers", new RetryableAnswers(retryMaxDelayMs));
        bind(registry, "dispatchThreads", camelContext.getExecutorServiceManager().newThreadPool(this, "dispatch",
                new ThreadPoolProfileBuilder("dispatch").poolSize(dispatchThreads).maxPoolSize(dispatchThreads)
                        .maxQueueSize(-1).build()));
        // One Vert.x for the whole gateway: the API's and the management port's servers (platform-http) and
        // the vendor calls (vertx-http) each take the one in the registry, instead of three of their own with
        // their own event loops; closed once Camel has stopped all that uses it
        Vertx vertx = bind(registry, "vertx", Vertx.vertx());
        camelContext.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext context) {
                vertx.close();
            }
        });
        // each vendor's pace (routes/<vendor>-call): one clock for both lanes; a waiting call goes on on a
        // dispatch thread
        ScheduledExecutorService laneClock = camelContext.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "vendor-lanes");
        ExecutorService continuations = registry.lookupByNameAndType("dispatchThreads", ExecutorService.class);
        bind(registry, "simplepinLane", new VendorLane(Vendor.SIMPLEPIN, new VendorLane.Settings(simplePinMaxRate,
                simplePinMaxConcurrentCalls, Duration.ofMillis(pacingHttpWaitMs), Duration.ofMillis(retryMaxDelayMs)), laneClock,
                continuations));
        bind(registry, "syntchLane", new VendorLane(Vendor.SYNTCH, new VendorLane.Settings(syntchMaxRate,
                syntchMaxConcurrentCalls, Duration.ofMillis(pacingHttpWaitMs), Duration.ofMillis(retryMaxDelayMs)), laneClock,
                continuations));
        bind(registry, "verbatimRequestTarget", new VerbatimRequestTarget());
        bind(registry, "vendorClientOptions", new WebClientOptions().setFollowRedirects(false).setKeepAlive(true)
                .setMaxPoolSize(httpMaxConnections).setConnectTimeout((int) httpTimeoutMs).setTryUseCompression(false));
        bind(registry, "outcomeRecords", new OutcomeRecords(new LedgerDeadLetters(deadLetters), customers,
                new DispatchMetrics(() -> OperationsWiring.meters(camelContext))));
        bind(registry, "simplePinRequests", new SimplePinRequests(codecs, simplePin));
        bind(registry, "simplePinAnswers", new SimplePinAnswers(codecs, fieldPaths));
        bind(registry, "syntchRequests", new SyntchRequests(codecs, syntch));
        bind(registry, "syntchAnswers", new SyntchAnswers(codecs, fieldPaths));
        if (sandboxSimulators) {
            camelContext.addService(new SandboxVendors(new SandboxVendors.Settings(sandboxSimplePinPort, simplePinApiKey,
                    sandboxSyntchPort, syntchUsername, syntchPassword, blankToNull(syntchApiKey)),
                    geography.countries(), geography.provinces()), true, true);
        }
    }

    /** Each vendor's circuit breaker, from the gateway.circuit-breaker keys (see application.properties). */
    private CircuitBreakerConfig breakerConfig() {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(breakerFailureRate)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.valueOf(breakerWindowType.trim()))
                .slidingWindowSize(breakerWindowSize)
                .minimumNumberOfCalls(breakerMinimumCalls)
                .waitDurationInOpenState(Duration.ofSeconds(breakerOpenSeconds))
                .permittedNumberOfCallsInHalfOpenState(breakerHalfOpenCalls)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
    }
}
