package org.customergateway;

import static org.customergateway.Wiring.bind;
import static org.customergateway.Wiring.need;

import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.customergateway.ledger.DispatchLedger;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.ledger.Idempotency;
import org.customergateway.ledger.IdempotencyStore;
import org.customergateway.ledger.InstanceHeartbeat;
import org.customergateway.ledger.InstanceId;
import org.customergateway.ledger.LedgerDatabase;
import org.customergateway.ledger.LedgerCustomerMemory;
import org.customergateway.ledger.LedgerRetention;
import org.customergateway.ledger.LedgerWriter;
import org.customergateway.translation.Translator;

/** The ledger: its database, the dead letters, idempotency, the customer records, the group-commit writer. */
public class LedgerWiring implements CamelConfiguration {

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

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        // ledger
        Codecs codecs = need(registry, "codecs", Codecs.class);
        Translator translator = need(registry, "translator", Translator.class);
        LedgerDatabase ledger = bind(registry, "ledgerDatabase", new LedgerDatabase(ledgerUrl, ledgerUsername, ledgerPassword, ledgerPoolSize));
        camelContext.addService(ledger, true, true);
        DeadLetterStore deadLetters = bind(registry, "deadLetterStore", new DeadLetterStore(ledger.dataSource(), codecs.json()));
        String instance = InstanceId.create();
        camelContext.addService(new InstanceHeartbeat(ledger.dataSource(), instance,
                Duration.ofSeconds(ledgerHeartbeatSeconds)), true, true);
        LedgerWriter ledgerWriter = bind(registry, "ledgerWriter", new LedgerWriter(ledger.dataSource(), ledgerBatchSize,
                Duration.ofNanos(ledgerBatchLingerMicros * 1000)));
        camelContext.addService(ledgerWriter, true, true);
        camelContext.addService(new LedgerRetention(ledgerWriter, ledger, Duration.ofSeconds(ledgerPurgeIntervalSeconds),
                Duration.ofDays(deadLetterRetentionDays), Duration.ofHours(idempotencyTtlHours)), true, true);
        Idempotency idempotency = new Idempotency(new IdempotencyStore(ledgerWriter,
                Duration.ofSeconds(ledgerInstanceTimeoutSeconds)), codecs.lenient(BodyFormat.JSON),
                instance, Duration.ofHours(idempotencyTtlHours), Duration.ofSeconds(idempotencyLeaseSeconds));

        bind(registry, "customerMemory", new LedgerCustomerMemory(ledgerWriter, codecs.lenient(BodyFormat.JSON)));
        bind(registry, "dispatchLedger", new DispatchLedger(translator, idempotency, Duration.ofSeconds(idempotencyWaitSeconds)));
    }
}
