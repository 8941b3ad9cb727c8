package org.customergateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.spi.Registry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vertx.ext.web.client.WebClientOptions;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.TransformerKey;
import org.customergateway.dispatch.CircuitGate;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.dispatch.OutcomeRecords;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.customergateway.dispatch.OutcomesInOrder;
import org.customergateway.dispatch.RetryableAnswers;
import org.customergateway.dispatch.Sleeper;
import org.customergateway.dispatch.Target;
import org.customergateway.dispatch.Vendor;
import org.customergateway.dispatch.VendorBreakers;
import org.customergateway.dispatch.VendorCall;
import org.customergateway.ledger.DispatchLedger;
import org.customergateway.mapping.SchemaName;
import org.customergateway.simplepin.SimplePinAnswers;
import org.customergateway.simplepin.SimplePinRequests;
import org.customergateway.syntch.SyntchAnswers;
import org.customergateway.syntch.SyntchRequests;
import org.customergateway.dispatch.VendorModelTransformer;
import org.customergateway.http.ApiKeys;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.customergateway.auth.KeyRing;
import org.customergateway.esb.BrokerCredentials;
import org.customergateway.esb.EmbeddedBroker;
import org.customergateway.ops.BrokerHealthCheck;
import org.customergateway.esb.QueueEndpoint;
import org.customergateway.filedrop.FailedFiles;
import org.customergateway.filedrop.FileDrop;
import org.customergateway.filedrop.InboxGuard;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.customergateway.filedrop.FileDropStatus;
import org.customergateway.filedrop.RecordReaders;
import org.customergateway.http.CustomerLookupEndpoint;
import org.customergateway.http.CustomersEndpoint;
import org.customergateway.http.FileDropStatusEndpoint;
import org.customergateway.http.DeadLettersEndpoint;
import org.customergateway.http.HeadersFromHeadersOnly;
import org.customergateway.http.HttpProblems;
import org.customergateway.http.OpenApiEndpoint;
import org.customergateway.http.RequestBody;
import org.customergateway.http.SchemaEndpoint;
import org.customergateway.http.ServerErrorsAsProblems;
import org.customergateway.http.TranslateEndpoint;
import org.customergateway.http.VendorPassthrough;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.ledger.Idempotency;
import org.customergateway.ledger.IdempotencyStore;
import org.customergateway.ledger.InstanceHeartbeat;
import org.customergateway.ledger.InstanceId;
import org.customergateway.ledger.LedgerDatabase;
import org.customergateway.ledger.LedgerCustomerMemory;
import org.customergateway.ledger.LedgerDeadLetters;
import org.customergateway.ledger.LedgerRetention;
import org.customergateway.ledger.LedgerWriter;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.ops.DispatchMetrics;
import org.customergateway.ops.OperationsWiring;
import org.customergateway.ops.StartupReport;
import org.customergateway.ops.Tracing;
import org.customergateway.simplepin.CurrentGeography;
import org.customergateway.simplepin.LiveTablesRefresh;
import org.customergateway.http.SimplePinFacade;
import org.customergateway.http.SimplePinFacadeLookups;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.SimplePinLookups;
import org.customergateway.simplepin.SimplePinMapper;
import org.customergateway.simplepin.SimplePinSettings;
import org.customergateway.syntch.ActivationStatus;
import org.customergateway.syntch.SyntchCredentials;
import org.customergateway.http.SyntchFacade;
import org.customergateway.syntch.SyntchMapper;
import org.customergateway.syntch.SyntchSettings;
import org.customergateway.translation.CanonicalSchema;
import org.customergateway.translation.Translator;
import org.customergateway.simplepin.SimplePinSchema;
import org.customergateway.syntch.SyntchSchema;

/** The gateway's beans, named as the routes in {@code routes/} refer to them, fed from application.properties. */
public class GatewayConfiguration implements CamelConfiguration {

    @PropertyInject("gateway.mappings-dir")
    private String mappingsDir;
    @PropertyInject("gateway.http.max-body-bytes")
    private long maxBodyBytes;
    @PropertyInject("gateway.default-target")
    private String defaultTarget;
    @PropertyInject("gateway.facade.simplepin.target")
    private String simplePinFacadeTarget;
    @PropertyInject("gateway.facade.syntch.target")
    private String syntchFacadeTarget;
    @PropertyInject("gateway.facade.passthrough")
    private boolean facadePassthrough;
    @PropertyInject("gateway.auth.api-keys")
    private String inboundApiKeys;

    @PropertyInject("gateway.simplepin.api-key")
    private String simplePinApiKey;
    @PropertyInject("gateway.simplepin.format")
    private String simplePinFormat;
    @PropertyInject("gateway.simplepin.locale")
    private String simplePinLocale;
    @PropertyInject("gateway.simplepin.lookups")
    private String simplePinLookups;
    @PropertyInject("gateway.simplepin.lookups-refresh-minutes")
    private long simplePinLookupsRefreshMinutes;

    @PropertyInject("gateway.syntch.merchant-key")
    private String syntchMerchantKey;
    @PropertyInject("gateway.syntch.default-activation-status")
    private String syntchDefaultActivationStatus;
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

    @PropertyInject("camel.resilience4j.failure-rate-threshold")
    private float breakerFailureRate;
    @PropertyInject("camel.resilience4j.sliding-window-type")
    private String breakerWindowType;
    @PropertyInject("camel.resilience4j.sliding-window-size")
    private int breakerWindowSize;
    @PropertyInject("camel.resilience4j.minimum-number-of-calls")
    private int breakerMinimumCalls;
    @PropertyInject("camel.resilience4j.wait-duration-in-open-state")
    private long breakerOpenSeconds;
    @PropertyInject("camel.resilience4j.permitted-number-of-calls-in-half-open-state")
    private int breakerHalfOpenCalls;

    @PropertyInject("gateway.ledger.url")
    private String ledgerUrl;
    @PropertyInject("gateway.ledger.username")
    private String ledgerUsername;
    @PropertyInject("gateway.ledger.password")
    private String ledgerPassword;
    @PropertyInject("gateway.ledger.pool-size")
    private int ledgerPoolSize;
    @PropertyInject("gateway.ledger.batch-size")
    private int ledgerBatchSize;
    @PropertyInject("gateway.ledger.batch-linger-micros")
    private long ledgerBatchLingerMicros;
    @PropertyInject("gateway.ledger.purge-interval-seconds")
    private long ledgerPurgeIntervalSeconds;
    @PropertyInject("gateway.dead-letters.retention-days")
    private long deadLetterRetentionDays;
    @PropertyInject("gateway.ledger.heartbeat-seconds")
    private long ledgerHeartbeatSeconds;
    @PropertyInject("gateway.ledger.instance-timeout-seconds")
    private long ledgerInstanceTimeoutSeconds;
    @PropertyInject("gateway.idempotency.ttl-hours")
    private long idempotencyTtlHours;
    @PropertyInject("gateway.idempotency.lease-seconds")
    private long idempotencyLeaseSeconds;
    @PropertyInject("gateway.idempotency.wait-seconds")
    private long idempotencyWaitSeconds;

    @PropertyInject("gateway.filedrop.dir")
    private String fileDropDir;
    @PropertyInject("gateway.filedrop.parallelism")
    private int fileDropParallelism;
    @PropertyInject("gateway.filedrop.progress-seconds")
    private long fileDropProgressSeconds;

    @PropertyInject("gateway.esb.enabled")
    private boolean esbEnabled;
    @PropertyInject("gateway.esb.broker-url")
    private String esbBrokerUrl;
    @PropertyInject("gateway.esb.embedded-broker.enabled")
    private boolean embeddedBroker;
    @PropertyInject("gateway.esb.embedded-broker.host")
    private String embeddedBrokerHost;
    @PropertyInject("gateway.esb.embedded-broker.max-delivery-attempts")
    private int embeddedBrokerMaxDeliveryAttempts;
    @PropertyInject("gateway.esb.embedded-broker.port")
    private int embeddedBrokerPort;
    @PropertyInject("gateway.esb.embedded-broker.data-dir")
    private String embeddedBrokerDataDir;

    @PropertyInject("gateway.sandbox.simulators")
    private boolean sandboxSimulators;
    @PropertyInject("gateway.sandbox.simplepin-port")
    private int sandboxSimplePinPort;
    @PropertyInject("gateway.sandbox.syntch-port")
    private int sandboxSyntchPort;

    /**
     * Builds the beans in dependency order and binds each under the name the routes use. (Plain calls
     * rather than {@code @BindToRegistry} methods: camel-main calls those in no set order, and these
     * beans need each other.)
     */
    @Override
    public void configure(CamelContext camelContext) throws Exception {
        String profile = camelContext.resolvePropertyPlaceholders("{{camel.main.profile:sandbox}}");
        if ("prod".equals(profile)) {
            ProdRequirements.check(key -> camelContext.resolvePropertyPlaceholders("{{" + key + ":}}"));
        }
        Registry registry = camelContext.getRegistry();
        Tracing.enableIfAsked(camelContext, name -> {
            String fromSystem = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
            return fromSystem != null ? fromSystem : System.getenv(name);
        });
        // Camel looks the custom mask up under this name when camel.main.log-mask is on
        registry.bind(MaskingFormatter.CUSTOM_LOG_MASK_REF, SensitiveFields.formatter(camelContext));

        // mapping
        Codecs codecs = bind(registry, "codecs", new Codecs());
        SimplePinSettings simplePin = new SimplePinSettings(simplePinApiKey,
                BodyFormat.valueOf(simplePinFormat.trim().toUpperCase(Locale.ROOT)), blankToNull(simplePinLocale));
        SimplePinGeography geography = SimplePinGeography.fromSnapshot(Path.of(mappingsDir));
        CurrentGeography tables = bind(registry, "simplePinTables", new CurrentGeography(geography, new SimplePinLookups(
                new VendorCall(camelContext.createProducerTemplate(), "direct:simplepin-call"), codecs, simplePin)));
        if (liveLookups()) {
            camelContext.addStartupListener(new LiveTablesRefresh(tables, simplePinLookupsRefreshMinutes));
        }
        FieldPaths fieldPaths = FieldPaths.load(Path.of(mappingsDir));
        SimplePinMapper simplePinMapper = new SimplePinMapper(tables);
        SyntchMapper syntchMapper = new SyntchMapper(new SyntchSettings(
                syntchMerchantKey.isBlank() ? null : Integer.valueOf(syntchMerchantKey.trim()),
                ActivationStatus.parse(syntchDefaultActivationStatus)));
        Translator translator = bind(registry, "translator",
                new Translator(fieldPaths, new CanonicalSchema(codecs),
                        new SimplePinSchema(codecs, simplePinMapper), new SyntchSchema(codecs, syntchMapper)));

        // ledger
        LedgerDatabase ledger = new LedgerDatabase(ledgerUrl, ledgerUsername, ledgerPassword, ledgerPoolSize);
        camelContext.addService(ledger, true, true);
        DeadLetterStore deadLetters = bind(registry, "deadLetterStore", new DeadLetterStore(ledger.dataSource(), codecs.json()));
        String instance = InstanceId.create();
        camelContext.addService(new InstanceHeartbeat(ledger.dataSource(), instance,
                Duration.ofSeconds(ledgerHeartbeatSeconds)), true, true);
        LedgerWriter ledgerWriter = new LedgerWriter(ledger.dataSource(), ledgerBatchSize,
                Duration.ofNanos(ledgerBatchLingerMicros * 1000));
        camelContext.addService(ledgerWriter, true, true);
        camelContext.addService(new LedgerRetention(ledgerWriter, ledger, Duration.ofSeconds(ledgerPurgeIntervalSeconds),
                Duration.ofDays(deadLetterRetentionDays)), true, true);
        Idempotency idempotency = new Idempotency(new IdempotencyStore(ledgerWriter,
                Duration.ofSeconds(ledgerInstanceTimeoutSeconds)), codecs.lenient(BodyFormat.JSON),
                instance, Duration.ofHours(idempotencyTtlHours), Duration.ofSeconds(idempotencyLeaseSeconds),
                Duration.ofSeconds(idempotencyWaitSeconds), Sleeper.REAL);

        // vendors: the flow is in routes/ (customer-dispatch-action, <vendor>-sink, <vendor>-call)
        CustomerMemory customers = new LedgerCustomerMemory(ledgerWriter, codecs.lenient(BodyFormat.JSON));
        VendorBreakers breakers = bind(registry, "vendorBreakers", new VendorBreakers(breakerConfig()));
        CircuitGate circuitGate = new CircuitGate();
        for (Vendor vendor : Vendor.values()) {
            circuitGate.watch(vendor, breakers.of(vendor));
        }
        SyntchCredentials syntch = new SyntchCredentials(syntchUsername, syntchPassword, blankToNull(syntchApiKey));
        bind(registry, "dispatchLedger", new DispatchLedger(translator, idempotency));
        bind(registry, "outcomesInOrder", new OutcomesInOrder());
        bind(registry, "inOrder", new GroupedBodyAggregationStrategy());
        bind(registry, "retryableAnswers", new RetryableAnswers(retryMaxDelayMs));
        bind(registry, "dispatchThreads", camelContext.getExecutorServiceManager().newThreadPool(this, "dispatch",
                new ThreadPoolProfileBuilder("dispatch").poolSize(dispatchThreads).maxPoolSize(dispatchThreads)
                        .maxQueueSize(-1).build()));
        bind(registry, "vendorClientOptions", new WebClientOptions().setFollowRedirects(false).setKeepAlive(true)
                .setMaxPoolSize(httpMaxConnections).setConnectTimeout((int) httpTimeoutMs).setTryUseCompression(false));
        bind(registry, "outcomeRecords", new OutcomeRecords(new LedgerDeadLetters(deadLetters), customers,
                new DispatchMetrics(() -> OperationsWiring.meters(camelContext))));
        bind(registry, "simplePinRequests", new SimplePinRequests(codecs, simplePin));
        bind(registry, "simplePinAnswers", new SimplePinAnswers(codecs, fieldPaths));
        bind(registry, "syntchRequests", new SyntchRequests(codecs, syntch));
        bind(registry, "syntchAnswers", new SyntchAnswers(codecs, fieldPaths));
        camelContext.getTransformerRegistry().put(new TransformerKey(new DataType(VendorModelTransformer.SIMPLEPIN)),
                new VendorModelTransformer(translator, SchemaName.SIMPLEPIN));
        camelContext.getTransformerRegistry().put(new TransformerKey(new DataType(VendorModelTransformer.SYNTCH)),
                new VendorModelTransformer(translator, SchemaName.SYNTCH));
        if (sandboxSimulators) {
            camelContext.addService(new SandboxVendors(new SandboxVendors.Settings(sandboxSimplePinPort, simplePinApiKey,
                    sandboxSyntchPort, syntchUsername, syntchPassword, blankToNull(syntchApiKey)),
                    geography.countries(), geography.provinces()), true, true);
        }

        // HTTP
        RequestBody requestBody = new RequestBody(maxBodyBytes);
        KeyRing keys = KeyRing.of(inboundApiKeys);
        bind(registry, "headersFromHeadersOnly", new HeadersFromHeadersOnly());
        bind(registry, "apiKeys", new ApiKeys(keys));
        bind(registry, "httpProblems", new HttpProblems(codecs));
        bind(registry, "translateEndpoint", new TranslateEndpoint(translator, codecs, requestBody));
        bind(registry, "schemaEndpoint", new SchemaEndpoint(translator, codecs));
        bind(registry, "openApiEndpoint", new OpenApiEndpoint(codecs));
        bind(registry, "customersEndpoint", new CustomersEndpoint(translator, codecs, requestBody,
                Target.parse(defaultTarget)));
        // file drop
        Path dropRoot = Path.of(fileDropDir);
        for (String folder : new String[] {"inbox/simplepin", "inbox/syntch", "inbox/both", "done", "failed", "reports"}) {
            Files.createDirectories(dropRoot.resolve(folder));
        }
        bind(registry, "inboxGuard", new InboxGuard(new FailedFiles(dropRoot.resolve("failed"))));
        FileDropStatus fileDropStatus = bind(registry, "fileDropStatus", new FileDropStatus(fileDropProgressSeconds));
        bind(registry, "fileDrop", new FileDrop(new RecordReaders(codecs, translator), translator, deadLetters, circuitGate,
                dropRoot, fileDropStatus));
        // the records of a file dispatched at once; a full queue makes the reading thread run one itself,
        // which holds reading back to the pool's pace
        // (Camel's own pool: it stops with Camel, so its threads never keep a stopped gateway alive)
        bind(registry, "fileDropPool", camelContext.getExecutorServiceManager().newThreadPool(this, "filedrop",
                new ThreadPoolProfileBuilder("filedrop").poolSize(fileDropParallelism).maxPoolSize(fileDropParallelism)
                        .maxQueueSize(fileDropParallelism * 4).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build()));
        bind(registry, "fileDropStatusEndpoint", new FileDropStatusEndpoint(fileDropStatus, codecs));

        // message queue: the embedded broker when it is on (in any profile), else gateway.esb.broker-url
        String brokerUrl = esbBrokerUrl;
        BrokerCredentials brokerCredentials = new BrokerCredentials(embeddedBroker ? keys : KeyRing.of(""));
        if (embeddedBroker) {
            EmbeddedBroker broker = new EmbeddedBroker(new EmbeddedBroker.Settings(embeddedBrokerHost, embeddedBrokerPort,
                    Path.of(embeddedBrokerDataDir), brokerCredentials, EmbeddedBroker.GatewayQueues.of(
                    camelContext.resolvePropertyPlaceholders("{{gateway.esb.in}}"),
                    camelContext.resolvePropertyPlaceholders("{{gateway.esb.out}}"),
                    camelContext.resolvePropertyPlaceholders("{{gateway.esb.dlq}}")), embeddedBrokerMaxDeliveryAttempts));
            camelContext.addService(broker, true, true);
            brokerUrl = broker.url();
        }
        bind(registry, "jms", JmsComponent.jmsComponentTransacted(new CachingConnectionFactory(
                new ActiveMQConnectionFactory(brokerUrl, brokerCredentials.gatewayUser(), brokerCredentials.gatewayPassword()))));
        bind(registry, "queueEndpoint", new QueueEndpoint(translator, deadLetters, circuitGate, codecs,
                Target.parse(defaultTarget)));

        bind(registry, "deadLettersEndpoint", new DeadLettersEndpoint(deadLetters, translator, codecs));
        bind(registry, "customerLookupEndpoint", new CustomerLookupEndpoint(customers, codecs));
        bind(registry, "vendorPassthrough", new VendorPassthrough(facadePassthrough, Map.of(
                "simplepin", new VendorPassthrough.Vendor("/simplepin", Map.of("X-Api-Key", simplePinApiKey)),
                "syntch", new VendorPassthrough.Vendor("/syntch", Map.of("Authorization", syntch.authorization())))));
        bind(registry, "simplePinFacadeLookups", new SimplePinFacadeLookups(tables, customers, simplePinMapper, simplePin, codecs,
                Target.parse(simplePinFacadeTarget)));
        bind(registry, "simplePinFacade", new SimplePinFacade(translator, simplePinMapper, codecs, requestBody,
                Target.parse(simplePinFacadeTarget)));
        bind(registry, "syntchFacade", new SyntchFacade(translator, syntchMapper, codecs, requestBody,
                Target.parse(syntchFacadeTarget)));
        camelContext.addStartupListener(new ServerErrorsAsProblems());
        camelContext.addStartupListener(new StartupReport(new StartupReport.Facts(profile,
                Integer.parseInt(camelContext.resolvePropertyPlaceholders("{{camel.server.port}}")),
                Integer.parseInt(camelContext.resolvePropertyPlaceholders("{{camel.management.port}}")), dropRoot,
                esbEnabled ? camelContext.resolvePropertyPlaceholders("{{gateway.esb.in}}").replaceAll("\\?.*", "")
                        + " on " + brokerUrl + (embeddedBroker ? " (embedded, journal in " + embeddedBrokerDataDir + ")" : "")
                        : null,
                ledgerUrl.replaceAll("(?i)(password|user)=[^&;]*", "$1=***"),
                camelContext.resolvePropertyPlaceholders("{{gateway.simplepin.base-url}}"),
                camelContext.resolvePropertyPlaceholders("{{gateway.syntch.base-url}}"), sandboxSimulators)));
        camelContext.addStartupListener(new OperationsWiring(ledger.dataSource(), ledgerWriter, deadLetters, fileDropStatus,
                breakers,
                camelContext.resolvePropertyPlaceholders("{{gateway.simplepin.base-url}}"),
                camelContext.resolvePropertyPlaceholders("{{gateway.syntch.base-url}}"),
                esbEnabled ? new BrokerHealthCheck.Broker(brokerUrl, brokerCredentials.gatewayUser(),
                        brokerCredentials.gatewayPassword()) : null));
    }

    /** Each vendor's circuit breaker, from the camel.resilience4j keys (see application.properties). */
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

    private boolean liveLookups() {
        return switch (simplePinLookups.trim()) {
            case "live" -> true;
            case "snapshot" -> false;
            default -> throw new IllegalStateException("gateway.simplepin.lookups must be snapshot or live, not "
                    + simplePinLookups);
        };
    }

    private static <T> T bind(Registry registry, String name, T bean) {
        registry.bind(name, bean);
        return bean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
