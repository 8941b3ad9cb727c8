package org.customergateway;

import static org.customergateway.Wiring.bind;
import static org.customergateway.Wiring.need;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Predicate;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.customergateway.dispatch.CircuitGate;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.dispatch.Target;
import org.customergateway.dispatch.VendorLane;
import org.customergateway.dispatch.Vendor;
import org.customergateway.dispatch.VendorBreakers;
import org.customergateway.http.ApiKeys;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.customergateway.auth.KeyRing;
import org.customergateway.esb.BrokerCredentials;
import org.customergateway.esb.EmbeddedBroker;
import org.customergateway.esb.LazyConnectionFactory;
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
import org.customergateway.http.ConsoleAssets;
import org.customergateway.http.DeadLetterBatches;
import org.customergateway.http.DeadLettersEndpoint;
import org.customergateway.http.HeadersFromHeadersOnly;
import org.customergateway.http.HttpProblems;
import org.customergateway.http.OpenApiEndpoint;
import org.customergateway.http.RequestBody;
import org.customergateway.http.SchemaEndpoint;
import org.customergateway.http.ServerErrorsAsProblems;
import org.customergateway.http.TranslateEndpoint;
import org.customergateway.http.VendorPassthrough;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.ledger.LedgerDatabase;
import org.customergateway.ledger.LedgerWriter;
import org.customergateway.ops.OperationsWiring;
import org.customergateway.ops.VendorActivity;
import org.customergateway.http.VendorsEndpoint;
import org.customergateway.ops.StartupReport;
import org.customergateway.simplepin.CurrentGeography;
import org.customergateway.http.SimplePinFacade;
import org.customergateway.http.SimplePinFacadeLookups;
import org.customergateway.simplepin.SimplePinMapper;
import org.customergateway.simplepin.SimplePinSettings;
import org.customergateway.syntch.SyntchCredentials;
import org.customergateway.http.SyntchFacade;
import org.customergateway.syntch.SyntchMapper;
import org.customergateway.translation.Translator;

/** The ways in (HTTP, facades, file drop, queue) and what operators see (health, metrics, the start-up report). */
public class WaysInWiring implements CamelConfiguration {

    /** The file drop's inboxes, one file consumer each (routes/filedrop-inbox). */
    private static final String[] INBOXES = {"inbox/simplepin", "inbox/syntch", "inbox/both"};

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
    @PropertyInject("gateway.ledger.url")
    private String ledgerUrl;
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
    @PropertyInject("gateway.esb.broker-username")
    private String esbBrokerUsername;
    @PropertyInject("gateway.esb.broker-password")
    private String esbBrokerPassword;
    @PropertyInject("gateway.esb.consumer-window-bytes")
    private int esbConsumerWindowBytes;
    @PropertyInject("gateway.esb.max-waiting-consumers")
    private int esbMaxWaitingConsumers;
    @PropertyInject("gateway.esb.set-aside-ms")
    private long esbSetAsideMillis;
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
    @PropertyInject("gateway.console.sample-seconds")
    private long consoleSampleSeconds;
    @PropertyInject("gateway.dispatch.threads")
    private int dispatchThreads;
    @PropertyInject("gateway.sandbox.simulators")
    private boolean sandboxSimulators;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        String profile = camelContext.resolvePropertyPlaceholders("{{camel.main.profile:sandbox}}");
        Codecs codecs = need(registry, "codecs", Codecs.class);
        Translator translator = need(registry, "translator", Translator.class);
        CurrentGeography tables = need(registry, "simplePinTables", CurrentGeography.class);
        SimplePinSettings simplePin = need(registry, "simplePinSettings", SimplePinSettings.class);
        SimplePinMapper simplePinMapper = need(registry, "simplePinMapper", SimplePinMapper.class);
        SyntchMapper syntchMapper = need(registry, "syntchMapper", SyntchMapper.class);
        SyntchCredentials syntch = need(registry, "syntchCredentials", SyntchCredentials.class);
        LedgerDatabase ledger = need(registry, "ledgerDatabase", LedgerDatabase.class);
        LedgerWriter ledgerWriter = need(registry, "ledgerWriter", LedgerWriter.class);
        DeadLetterStore deadLetters = need(registry, "deadLetterStore", DeadLetterStore.class);
        CustomerMemory customers = need(registry, "customerMemory", CustomerMemory.class);
        VendorBreakers breakers = need(registry, "vendorBreakers", VendorBreakers.class);
        CircuitGate circuitGate = need(registry, "circuitGate", CircuitGate.class);
        // HTTP
        RequestBody requestBody = new RequestBody(maxBodyBytes);
        KeyRing keys = KeyRing.of(inboundApiKeys);
        bind(registry, "headersFromHeadersOnly", new HeadersFromHeadersOnly());
        bind(registry, "apiKeys", new ApiKeys(keys));
        bind(registry, "httpProblems", new HttpProblems(codecs));
        bind(registry, "translateEndpoint", new TranslateEndpoint(translator, codecs, requestBody));
        bind(registry, "schemaEndpoint", new SchemaEndpoint(codecs));
        bind(registry, "openApiEndpoint", new OpenApiEndpoint(codecs));
        CustomersEndpoint customersEndpoint = new CustomersEndpoint(translator, codecs, requestBody,
                Target.parse(defaultTarget));
        bind(registry, "customersEndpoint", customersEndpoint);
        // the routes' questions are Predicates read through the ref language: a method: expression would
        // copy the whole exchange (and a JMS message's, with a thrown exception) for every customer
        bind(registry, "csvBatch", (Predicate) exchange -> customersEndpoint.isBatch(exchange.getMessage()));
        // file drop
        Path dropRoot = Path.of(fileDropDir);
        for (String folder : INBOXES) {
            Files.createDirectories(dropRoot.resolve(folder));
        }
        for (String folder : new String[] {"done", "failed", "reports"}) {
            Files.createDirectories(dropRoot.resolve(folder));
        }
        FileDropStatus fileDropStatus = bind(registry, "fileDropStatus", new FileDropStatus(fileDropProgressSeconds));
        bind(registry, "inboxGuard", new InboxGuard(new FailedFiles(dropRoot.resolve("failed"), fileDropStatus)));
        // at most gateway.filedrop.parallelism records in flight, over every file: FileDrop counts them
        bind(registry, "fileDrop", new FileDrop(new RecordReaders(codecs, translator), translator, deadLetters, circuitGate,
                dropRoot, fileDropStatus, fileDropParallelism));
        // the threads that start them (a record holds one while it is read, mapped and claimed in the ledger,
        // none while it waits for its vendor), and one more per inbox: Camel's split reads a file on its pool,
        // and that reading waits there, before the next record, for a place among the records in flight
        // or for an open circuit, without taking a record's thread
        // (Camel's own pool: it stops with Camel, so its threads never keep a stopped gateway alive)
        int fileDropThreads = fileDropParallelism + INBOXES.length;
        bind(registry, "fileDropPool", camelContext.getExecutorServiceManager().newThreadPool(this, "filedrop",
                new ThreadPoolProfileBuilder("filedrop").poolSize(fileDropThreads).maxPoolSize(fileDropThreads)
                        .maxQueueSize(fileDropThreads).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build()));
        bind(registry, "fileDropStatusEndpoint", new FileDropStatusEndpoint(fileDropStatus, dropRoot.resolve("reports"), codecs));

        // message queue: the embedded broker when it is on (in any profile), else gateway.esb.broker-url
        String brokerUrl = esbBrokerUrl;
        BrokerCredentials brokerCredentials = embeddedBroker
                ? BrokerCredentials.embedded(keys, esbBrokerUsername, esbBrokerPassword)
                : BrokerCredentials.external(esbBrokerUsername, esbBrokerPassword);
        if (embeddedBroker) {
            EmbeddedBroker broker = new EmbeddedBroker(new EmbeddedBroker.Settings(embeddedBrokerHost, embeddedBrokerPort,
                    Path.of(embeddedBrokerDataDir), brokerCredentials, EmbeddedBroker.GatewayQueues.of(
                    camelContext.resolvePropertyPlaceholders("{{gateway.esb.in}}"),
                    camelContext.resolvePropertyPlaceholders("{{gateway.esb.out}}"),
                    camelContext.resolvePropertyPlaceholders("{{gateway.esb.dlq}}")), embeddedBrokerMaxDeliveryAttempts));
            camelContext.addService(broker, true, true);
            brokerUrl = broker.url();
        }
        String broker = brokerUrl;
        CachingConnectionFactory connections = new CachingConnectionFactory(new LazyConnectionFactory(() -> {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker, brokerCredentials.gatewayUser(),
                    brokerCredentials.gatewayPassword());
            factory.setConsumerWindowSize(esbConsumerWindowBytes);
            // a queue's name is looked up at the broker once, not at every send (a round trip each)
            factory.setCacheDestinations(true);
            return factory;
        }));
        // sends from threads other than the consumers' (none on the queue's path) keep a session each
        connections.setSessionCacheSize(dispatchThreads);
        // transacted=true in gateway.esb.in is the listener's own local transaction, with no transaction
        // manager beside it: the consumer's session is exposed to its thread, so the result (and a poison
        // message's copy to the DLQ) is sent in that session and commits with the message's acknowledgement
        JmsComponent jms = JmsComponent.jmsComponent(connections);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        bind(registry, "jms", jms);
        QueueEndpoint queueEndpoint = new QueueEndpoint(translator, deadLetters, circuitGate, codecs,
                Target.parse(defaultTarget), esbMaxWaitingConsumers, esbSetAsideMillis);
        bind(registry, "queueEndpoint", queueEndpoint);
        bind(registry, "vendorCrowded", (Predicate) queueEndpoint::crowded);

        bind(registry, "deadLettersEndpoint", new DeadLettersEndpoint(deadLetters, translator, codecs));
        bind(registry, "deadLetterBatches", new DeadLetterBatches(deadLetters, codecs, requestBody));
        bind(registry, "customerLookupEndpoint", new CustomerLookupEndpoint(customers, codecs));
        bind(registry, "simplePinFacadeLookups", new SimplePinFacadeLookups(tables, customers, simplePinMapper, simplePin, codecs,
                Target.parse(simplePinFacadeTarget)));
        SimplePinFacade simplePinFacade = new SimplePinFacade(translator, simplePinMapper, codecs, requestBody,
                Target.parse(simplePinFacadeTarget));
        bind(registry, "simplePinFacade", simplePinFacade);
        SyntchFacade syntchFacade = new SyntchFacade(translator, syntchMapper, codecs, requestBody,
                Target.parse(syntchFacadeTarget));
        bind(registry, "syntchFacade", syntchFacade);
        bind(registry, "vendorPassthrough", new VendorPassthrough(facadePassthrough, Map.of(
                "simplepin", new VendorPassthrough.Vendor("/simplepin", Map.of("X-Api-Key", simplePinApiKey),
                        simplePinFacade::refuse),
                "syntch", new VendorPassthrough.Vendor("/syntch", Map.of("Authorization", syntch.authorization()),
                        syntchFacade::refuse))));
        // the console: its files, and the vendors' last hour it shows
        bind(registry, "consoleAssets", new ConsoleAssets());
        VendorActivity activity = new VendorActivity(() -> OperationsWiring.meters(camelContext),
                Duration.ofSeconds(consoleSampleSeconds), Duration.ofHours(1));
        camelContext.addService(activity, true, true);
        bind(registry, "vendorsEndpoint", new VendorsEndpoint(activity, breakers, Map.of(
                Vendor.SIMPLEPIN, need(registry, "simplepinLane", VendorLane.class),
                Vendor.SYNTCH, need(registry, "syntchLane", VendorLane.class)), codecs));
        camelContext.addStartupListener(new ServerErrorsAsProblems(codecs));
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
                breakers, List.of(need(registry, "simplepinLane", VendorLane.class), need(registry, "syntchLane", VendorLane.class)),
                camelContext.resolvePropertyPlaceholders("{{gateway.simplepin.base-url}}"),
                camelContext.resolvePropertyPlaceholders("{{gateway.syntch.base-url}}"),
                esbEnabled ? new BrokerHealthCheck.Broker(brokerUrl, brokerCredentials.gatewayUser(),
                        brokerCredentials.gatewayPassword()) : null));
    }
}
