package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.customergateway.simulation.Fault;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/flow.md's retry policy (routes/vendor-retries), as a caller sees it at the vendor: a "not now" answer
 * is tried again after a delay that doubles from gateway.retry.initial-delay-ms (with up to 15 % jitter
 * either way at each step), scheduled rather than slept; an open circuit is never retried. Each bound below
 * is a lower one the rule itself sets (a wait no shorter than its jittered delay), so a slow machine cannot
 * fail it. (How many attempts, and the maximum delay, are DispatchHttpTest's.)
 */
class RetryPolicyRouteTest {

    private static final int INITIAL_DELAY_MS = 600;

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
            Map<String, String> settings = retrying(vendors);
            settings.putAll(TestVendors.BREAKER_NEVER_OPENS);
            return settings;
        });
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @Test
    void a_retry_waits_on_a_schedule_and_no_thread_sleeps_through_the_wait() throws Exception {
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
        CompletableFuture<HttpResponse<String>> create = CompletableFuture.supplyAsync(() -> create(newId()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> vendors.syntch.server().requests(POST_CUSTOMERS) > posts);

        // while the retry waits (at least 85 % of the initial delay), no thread of the gateway sits in
        // Camel's redelivery: looked at again and again, 20 ms apart, until the retry is sent, each look
        // counted only if the retry had not been sent by its end. A thread sleeping through the wait is
        // seen at look after look; one that only blocks for a moment inside the redelivery's own code
        // (taking the scheduler's lock as it schedules the retry) is not seen at two looks running
        int looks = 0;
        Set<Long> waitingAtTheLastLook = Set.of();
        while (!create.isDone() && vendors.syntch.server().requests(POST_CUSTOMERS) == posts + 1) {
            Set<Long> waiting = threadsWaitingInRedelivery();
            if (vendors.syntch.server().requests(POST_CUSTOMERS) == posts + 1) {
                Set<Long> stillWaiting = new HashSet<>(waiting);
                stillWaiting.retainAll(waitingAtTheLastLook);
                assertThat(stillWaiting).as("no thread sleeps through the wait").isEmpty();
                looks++;
            }
            waitingAtTheLastLook = waiting;
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertThat(looks).as("looks taken while the retry waited").isPositive();
        HttpResponse<String> created = create.get(20, TimeUnit.SECONDS);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).at("/outcomes/0/attempts").asInt()).isEqualTo(2);
        assertThat(vendors.syntch.server().lastGap(POST_CUSTOMERS)).as("the wait before the second attempt")
                .isGreaterThanOrEqualTo(Duration.ofMillis(INITIAL_DELAY_MS * 85 / 100));
    }

    @Test
    void each_retry_waits_twice_as_long_as_the_one_before() {
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
        assertThat(create(newId()).statusCode()).isEqualTo(201);
        Duration first = vendors.syntch.server().lastGap(POST_CUSTOMERS);
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
        assertThat(create(newId()).statusCode()).isEqualTo(201);
        Duration second = vendors.syntch.server().lastGap(POST_CUSTOMERS);

        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(INITIAL_DELAY_MS * 85 / 100));
        // twice the first wait, which was itself jittered, and jittered again: at least 2 x 0.85 x 0.85 = 1.445
        // times the initial delay, more than any first wait (at most 1.15 times it) could be without the doubling.
        // Only lower bounds: a slow machine lengthens a wait, it never shortens one
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(INITIAL_DELAY_MS * 1445 / 1000));
    }

    @Test
    void an_open_circuit_is_never_retried() throws Exception {
        // a gateway of its own, whose breaker opens after 4 calls of which half failed
        Map<String, String> settings = retrying(vendors);
        settings.putAll(TestVendors.breakerOverTheLastFourCalls(30));
        RunningGateway breaking = SETUP.start(settings);
        for (int i = 0; i < 2; i++) {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503), Fault.status(503));
            create(breaking, newId());
        }
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);

        HttpResponse<String> whileOpen = create(breaking, newId());
        assertThat(json(whileOpen).at("/outcomes/0/status").asText()).isEqualTo("FAILED");
        assertThat(json(whileOpen).at("/outcomes/0/error").asText()).contains("circuit open");
        assertThat(json(whileOpen).at("/outcomes/0/attempts").asInt()).as("refused once, not tried again").isEqualTo(1);
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).as("nothing sent while open").isEqualTo(posts);
    }

    /** Camel's redelivery would sleep in RedeliveryErrorHandler were it not asynchronous. */
    /** The ids of the threads that wait (or sleep) with Camel's redelivery on their stack. */
    private static Set<Long> threadsWaitingInRedelivery() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getState() == Thread.State.TIMED_WAITING
                        || thread.getKey().getState() == Thread.State.WAITING)
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().contains("RedeliveryErrorHandler")))
                .map(thread -> thread.getKey().getId())
                .collect(Collectors.toSet());
    }

    private static Map<String, String> retrying(TestVendors vendors) {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.retry.max-attempts", "3");
        settings.put("gateway.retry.initial-delay-ms", String.valueOf(INITIAL_DELAY_MS));
        settings.put("gateway.retry.max-delay-ms", "10000");
        return settings;
    }

    private HttpResponse<String> create(String id) {
        return create(gateway, id);
    }

    private static HttpResponse<String> create(RunningGateway gateway, String id) {
        return gateway.post("/api/v1/customers", "application/json", customer(id), Map.of("X-Gateway-Target", "syntch"));
    }
}
