package org.customergateway;

import static org.apache.camel.support.CamelContextHelper.mandatoryLookup;

import java.time.Duration;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.customergateway.dispatch.Continuations;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.ledger.DispatchLedger;
import org.customergateway.ledger.Idempotency;
import org.customergateway.ledger.IdempotencyStore;
import org.customergateway.ledger.InstanceHeartbeat;
import org.customergateway.ledger.InstanceId;
import org.customergateway.ledger.LedgerCustomerMemory;
import org.customergateway.ledger.LedgerDatabase;
import org.customergateway.ledger.LedgerRetention;
import org.customergateway.ledger.LedgerWriter;
import org.customergateway.translation.Translator;

/** The ledger: its database, the dead letters, idempotency, the customer records, the group-commit writer. */
public class LedgerWiring implements CamelConfiguration {

    @PropertyInject("gateway.idempotency.ttl-hours")
    private long idempotencyTtlHours;
    @PropertyInject("gateway.ledger.heartbeat-seconds")
    private long heartbeatSeconds;
    @PropertyInject("gateway.ledger.purge-interval-seconds")
    private long purgeIntervalSeconds;
    @PropertyInject("gateway.dead-letters.retention-days")
    private long deadLetterRetentionDays;

    /** What runs beside the flow: this instance's heartbeat, and the purge of what the ledger no longer needs. */
    @Override
    public void configure(CamelContext camelContext) throws Exception {
        LedgerDatabase ledger = mandatoryLookup(camelContext, "ledgerDatabase", LedgerDatabase.class);
        camelContext.addService(new InstanceHeartbeat(ledger.dataSource(), mandatoryLookup(camelContext, "gatewayInstance", String.class),
                Duration.ofSeconds(heartbeatSeconds)), true, true);
        camelContext.addService(new LedgerRetention(mandatoryLookup(camelContext, "ledgerWriter", LedgerWriter.class), ledger,
                Duration.ofSeconds(purgeIntervalSeconds), Duration.ofDays(deadLetterRetentionDays),
                Duration.ofHours(idempotencyTtlHours)), true, true);
    }

    /** Started as soon as it is made (its migrations run then): whoever takes it finds its tables there. */
    @BindToRegistry(value = "ledgerDatabase", lazy = true)
    public LedgerDatabase ledgerDatabase(CamelContext camelContext, @PropertyInject("gateway.ledger.url") String url,
            @PropertyInject("gateway.ledger.username") String username,
            @PropertyInject("gateway.ledger.password") String password,
            @PropertyInject("gateway.ledger.pool-size") int poolSize) throws Exception {
        LedgerDatabase ledger = new LedgerDatabase(url, username, password, poolSize);
        camelContext.addService(ledger, true, true);
        return ledger;
    }

    /** This instance's name in the ledger: the owner of its idempotency claims, kept alive by its heartbeat. */
    @BindToRegistry(value = "gatewayInstance", lazy = true)
    public String gatewayInstance() {
        return InstanceId.create();
    }

    @BindToRegistry(value = "ledgerWriter", lazy = true)
    public LedgerWriter ledgerWriter(CamelContext camelContext, LedgerDatabase ledger,
            @PropertyInject("gateway.ledger.batch-size") int batchSize,
            @PropertyInject("gateway.ledger.batch-linger-micros") long lingerMicros) throws Exception {
        LedgerWriter writer = new LedgerWriter(ledger.dataSource(), batchSize, Duration.ofNanos(lingerMicros * 1000));
        camelContext.addService(writer, true, true);
        return writer;
    }

    @BindToRegistry(value = "deadLetterStore", lazy = true)
    public DeadLetterStore deadLetterStore(LedgerDatabase ledger, Codecs codecs) {
        return new DeadLetterStore(ledger.dataSource(), codecs.json());
    }

    @BindToRegistry(value = "customerMemory", lazy = true)
    public CustomerMemory customerMemory(LedgerWriter writer, Codecs codecs) {
        return new LedgerCustomerMemory(writer, codecs.lenient(BodyFormat.JSON));
    }

    @BindToRegistry(value = "dispatchLedger", lazy = true)
    public DispatchLedger dispatchLedger(Translator translator, LedgerWriter writer, Codecs codecs,
            @BeanInject("gatewayInstance") String instance,
            @PropertyInject("gateway.ledger.instance-timeout-seconds") long instanceTimeoutSeconds,
            @PropertyInject("gateway.idempotency.lease-seconds") long leaseSeconds,
            @PropertyInject("gateway.idempotency.wait-seconds") long waitSeconds,
            @BeanInject("continuations") Continuations continuations) {
        Idempotency idempotency = new Idempotency(new IdempotencyStore(writer, Duration.ofSeconds(instanceTimeoutSeconds)),
                codecs.lenient(BodyFormat.JSON), instance, Duration.ofHours(idempotencyTtlHours),
                Duration.ofSeconds(leaseSeconds));
        return new DispatchLedger(translator, idempotency, Duration.ofSeconds(waitSeconds), continuations);
    }
}
