package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.customergateway.dispatch.Continuations;
import org.customergateway.dispatch.DispatchProperties;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Target;
import org.customergateway.json.BodyFormat;
import org.customergateway.mapping.SchemaName;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routes/customer-dispatch-action's doCatch: a dispatch that failed outright gives its claim up, so that a
 * repeat may dispatch at once, and its failure goes on to the way in unchanged (the HTTP problem, the
 * queue's rollback). Both now happen after the ledger's asynchronous release.
 */
class DispatchLedgerReleaseTest {

    @TempDir
    Path dir;
    private LedgerDatabase ledger;
    private LedgerWriter writer;
    private DispatchLedger dispatchLedger;

    @BeforeEach
    void start() {
        ledger = new LedgerDatabase("jdbc:sqlite:" + dir.resolve("ledger.db"), "", "", 4);
        writer = new LedgerWriter(ledger.dataSource(), 16, Duration.ZERO);
        writer.start();
        Idempotency idempotency = new Idempotency(new IdempotencyStore(writer, Duration.ofSeconds(15)),
                Fixtures.CODECS.lenient(BodyFormat.JSON), "me", Duration.ofHours(1), Duration.ofMinutes(2));
        // no event loop: the ledger's steps go on on the thread that ends their wait, here the writer's (a test only)
        dispatchLedger = new DispatchLedger(Fixtures.translator(), idempotency, Duration.ZERO,
                new Continuations(Runnable::run, null));
    }

    @AfterEach
    void stop() {
        writer.stop();
        ledger.stop();
    }

    @Test
    void a_failed_dispatch_gives_its_claim_up_and_its_failure_goes_on() throws Exception {
        assertThat(claimed("k1").getProperty(DispatchProperties.CLAIM_HELD, Boolean.class)).isFalse();
        Exchange held = claimed("k1");
        assertThat(held.getProperty(DispatchProperties.CLAIM_HELD, Boolean.class)).as("the first still holds it").isTrue();

        Exchange failed = exchange("k1");
        IllegalStateException vendorExploded = new IllegalStateException("vendor exploded");
        failed.setProperty(Exchange.EXCEPTION_CAUGHT, vendorExploded);
        assertThatThrownBy(() -> dispatchLedger.release(failed).toCompletableFuture().join())
                .hasCause(vendorExploded);

        Exchange repeat = claimed("k1");
        assertThat(repeat.getProperty(DispatchProperties.CLAIM_HELD, Boolean.class)).as("given up: the repeat owns it").isFalse();
        assertThat(repeat.getProperty(DispatchProperties.REPLAYED)).isNull();
    }

    private Exchange claimed(String key) {
        Exchange exchange = exchange(key);
        dispatchLedger.claim(exchange).toCompletableFuture().join();
        return exchange;
    }

    private static Exchange exchange(String key) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        byte[] body = "{\"customerId\":\"C-1\"}".getBytes(StandardCharsets.UTF_8);
        exchange.setProperty(DispatchProperties.REQUEST, new DispatchRequest(SchemaName.CANONICAL, null, Target.parse("syntch"),
                "corr-" + key, false, new Origin("http", "application/json", body, Map.of(), null), key, true));
        // the caller's wait for a first request still running, not over: a claim another holds is marked held
        exchange.setProperty(DispatchLedger.WAIT_ENDS, System.nanoTime() + Duration.ofHours(1).toNanos());
        return exchange;
    }
}
