package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A vendor's lane on its own, with real time: who starts when, who waits, who is refused. */
class VendorLaneTest {

    private final CamelContext context = new DefaultCamelContext();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong laneTime = new AtomicLong();

    @AfterEach
    void stop() throws Exception {
        clock.shutdownNow();
        context.close();
    }

    @Test
    void an_http_caller_is_refused_once_its_wait_is_over_while_a_long_retry_after_pauses_the_lane() throws Exception {
        VendorLane lane = new VendorLane(Vendor.SYNTCH, new VendorLane.Settings(0, 0, 0, 0, Duration.ofMillis(200),
                Duration.ofSeconds(2)), clock, new Continuations(Runnable::run, null));
        Exchange first = exchange("platform-http:/api/v1/customers");
        assertThat(started(lane, first)).as("an unpaced lane starts a call at once").isCompleted();
        first.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 429);
        first.getMessage().setHeader("Retry-After", "3600");
        lane.done(first);

        Exchange second = exchange("platform-http:/api/v1/customers");
        CompletableFuture<Boolean> turn = started(lane, second);
        assertThat(turn).isNotCompleted();
        turn.get(2, TimeUnit.SECONDS);
        assertThat(second.getException()).isInstanceOf(VendorLaneFullException.class);
        assertThat(lane.state().refused()).isEqualTo(1);
        assertThat(lane.state().rateLimited()).isEqualTo(1);
    }

    @Test
    void a_bulk_caller_waits_for_a_paused_lane_no_longer_than_the_longest_pause() throws Exception {
        VendorLane lane = new VendorLane(Vendor.SYNTCH, new VendorLane.Settings(0, 0, 0, 0, Duration.ofMillis(200),
                Duration.ofMillis(500)), clock, new Continuations(Runnable::run, null));
        Exchange first = exchange("file:inbox");
        started(lane, first).get(1, TimeUnit.SECONDS);
        first.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 429);
        first.getMessage().setHeader("Retry-After", "3600");
        lane.done(first);

        Exchange second = exchange("file:inbox");
        CompletableFuture<Boolean> turn = started(lane, second);
        turn.get(3, TimeUnit.SECONDS);
        assertThat(second.getException()).isNull();
    }

    @Test
    void thousands_of_bulk_callers_wait_for_a_lane_full_by_its_concurrent_calls_and_each_starts_once() throws Exception {
        // the gateway's own clock: Camel's, whose queue takes 1,000 tasks at most
        ScheduledExecutorService camelClock = context.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "vendor-lanes");
        VendorLane lane = new VendorLane(Vendor.SYNTCH, new VendorLane.Settings(0, 2, 0, 0, Duration.ofMillis(200),
                Duration.ofSeconds(2)), camelClock, new Continuations(Runnable::run, null));
        List<Exchange> callers = new ArrayList<>();
        List<CompletableFuture<Boolean>> turns = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Exchange caller = exchange("file:inbox");
            callers.add(caller);
            turns.add(started(lane, caller));
        }
        assertThat(turns).filteredOn(CompletableFuture::isDone).as("started at once: the lane's two places").hasSize(2);
        assertThat(lane.state().waiting()).isEqualTo(4_998);

        // each call that ends lets the next one start, never more than two at once, each once
        for (int i = 0; i < callers.size(); i++) {
            turns.get(i).get(1, TimeUnit.SECONDS);
            assertThat(lane.state().inFlight()).isLessThanOrEqualTo(2);
            callers.get(i).getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
            lane.done(callers.get(i));
        }
        assertThat(callers).allSatisfy(caller -> assertThat(caller.getException()).isNull());
        assertThat(lane.state().inFlight()).isZero();
        assertThat(lane.state().waiting()).isZero();
    }

    @Test
    void the_bulk_ways_in_call_the_vendor_so_many_at_a_time_together_and_an_http_caller_goes_by() throws Exception {
        VendorLane lane = new VendorLane(Vendor.SYNTCH, new VendorLane.Settings(0, 0, 2, 2, Duration.ofMillis(200),
                Duration.ofSeconds(2)), clock, new Continuations(Runnable::run, null));
        List<Exchange> callers = new ArrayList<>();
        List<CompletableFuture<Boolean>> turns = new ArrayList<>();
        for (String from : List.of("file:///drop/inbox/syntch", "jms:queue:customers.in", "file:///drop/inbox/both",
                "jms:queue:customers.in", "direct:customer-gateway")) {
            Exchange caller = exchange(from);
            callers.add(caller);
            turns.add(started(lane, caller));
        }
        assertThat(turns).filteredOn(CompletableFuture::isDone).as("the bulk ways' two places").hasSize(2);

        Exchange http = exchange("platform-http:/api/v1/customers");
        assertThat(started(lane, http)).as("an HTTP caller, with two bulk calls on their way").isCompleted();
        assertThat(lane.state().inFlight()).isEqualTo(3);
        // the HTTP call ending frees no bulk place
        answer(lane, http, 201);
        clockHasRun();
        assertThat(turns.subList(2, 5)).noneMatch(CompletableFuture::isDone);

        // a bulk call ends: the next in line starts, and no other
        answer(lane, callers.get(0), 201);
        turns.get(2).get(1, TimeUnit.SECONDS);
        assertThat(turns.subList(3, 5)).noneMatch(CompletableFuture::isDone);
        assertThat(lane.state().waiting()).isEqualTo(2);
    }

    @Test
    void the_bulk_ways_get_a_place_more_each_second_their_callers_wait_while_the_vendor_answers_up_to_the_most() throws Exception {
        VendorLane lane = bulkLane(2, 3);
        Exchange first = started(lane, "file:///drop/inbox/syntch");
        Exchange second = started(lane, "jms:queue:customers.in");
        List<CompletableFuture<Boolean>> waiting = new ArrayList<>();
        List<Exchange> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Exchange waiter = exchange("file:///drop/inbox/syntch");
            waiters.add(waiter);
            waiting.add(started(lane, waiter));
        }

        answer(lane, first, 201);
        waiting.get(0).get(1, TimeUnit.SECONDS);
        assertThat(lane.state().bulkCalls()).as("not a second of waiting yet").isEqualTo(2);
        assertThat(waiting.subList(1, 3)).noneMatch(CompletableFuture::isDone);

        aSecondPasses();
        answer(lane, second, 201);
        assertThat(lane.state().bulkCalls()).as("a second of waiting, every place busy, the vendor answering").isEqualTo(3);
        CompletableFuture.allOf(waiting.get(1), waiting.get(2)).get(1, TimeUnit.SECONDS);
        assertThat(lane.state().inFlight()).isEqualTo(3);

        CompletableFuture<Boolean> beyond = started(lane, exchange("jms:queue:customers.in"));
        aSecondPasses();
        answer(lane, waiters.get(0), 201);
        beyond.get(1, TimeUnit.SECONDS);
        assertThat(lane.state().bulkCalls()).as("no more than gateway.pacing.max-bulk-calls-per-vendor").isEqualTo(3);
        assertThat(lane.state().inFlight()).isEqualTo(3);
    }

    @Test
    void the_bulk_ways_get_no_place_more_while_nobody_waits_for_one() throws Exception {
        VendorLane lane = bulkLane(2, 4);
        Exchange first = started(lane, "file:///drop/inbox/syntch");
        started(lane, "file:///drop/inbox/syntch");
        aSecondPasses();
        answer(lane, first, 201);
        assertThat(lane.state().bulkCalls()).isEqualTo(2);
    }

    @ParameterizedTest(name = "answered {0}")
    @ValueSource(ints = {429, 500, 503, 0})
    void a_429_a_5xx_or_no_answer_puts_the_bulk_ways_places_back_where_they_began(int status) throws Exception {
        VendorLane lane = bulkLane(2, 4);
        Exchange first = started(lane, "file:///drop/inbox/syntch");
        Exchange second = started(lane, "file:///drop/inbox/syntch");
        Exchange third = exchange("file:///drop/inbox/syntch");
        CompletableFuture<Boolean> waiting = started(lane, third);
        aSecondPasses();
        answer(lane, first, 201);
        waiting.get(1, TimeUnit.SECONDS);
        assertThat(lane.state().bulkCalls()).isEqualTo(3);

        if (status == 0) {
            lane.done(second); // the call ended without an answer: a timeout, a connection refused
        } else {
            answer(lane, second, status);
        }
        assertThat(lane.state().bulkCalls()).isEqualTo(2);
    }

    @Test
    void the_429s_of_calls_already_on_their_way_slow_the_lane_once_and_a_later_calls_429_again() throws Exception {
        VendorLane lane = new VendorLane(Vendor.SYNTCH, new VendorLane.Settings(0, 0, 0, 0, Duration.ofMillis(200),
                Duration.ofSeconds(2)), clock, new Continuations(Runnable::run, null));
        for (int i = 0; i < 20; i++) {
            answer(lane, started(lane, "jms:queue:customers.in"), 201);
        }
        Exchange first = started(lane, "jms:queue:customers.in");
        Exchange second = started(lane, "jms:queue:customers.in");
        answer(lane, first, 429);
        assertThat(lane.state().rate()).as("85 % of the 20 calls a second the vendor let through").isCloseTo(17.0, within(0.01));
        answer(lane, second, 429);
        assertThat(lane.state().rate()).as("a call already on its way: the same burst").isCloseTo(17.0, within(0.01));

        Exchange later = started(lane, "jms:queue:customers.in");
        answer(lane, later, 429);
        assertThat(lane.state().rate()).as("a call started at the slower pace: still too fast").isCloseTo(14.45, within(0.01));
        assertThat(lane.state().rateLimited()).isEqualTo(3);
    }

    @Test
    void a_caller_whose_wake_up_the_clock_refuses_fails_once_rather_than_wait_for_ever() throws Exception {
        // one call a second: the second caller must wait for the clock
        VendorLane lane = new VendorLane(Vendor.SYNTCH, new VendorLane.Settings(1, 0, 0, 0, Duration.ofMillis(200),
                Duration.ofSeconds(2)), clock, new Continuations(Runnable::run, null));
        started(lane, "jms:queue:customers.in");
        clock.shutdownNow(); // as Camel's stop does

        Exchange next = exchange("jms:queue:customers.in");
        List<Boolean> callbacks = new ArrayList<>();
        boolean synchronously = lane.process(next, callbacks::add);
        assertThat(synchronously).isTrue();
        assertThat(callbacks).as("its callback, called once").containsExactly(true);
        assertThat(next.getException()).isInstanceOf(RejectedExecutionException.class);
        assertThat(lane.state().waiting()).as("nobody left waiting for a wake-up that never comes").isZero();
    }

    /**
     * A lane whose bulk ways start with so many places and may open up to the most; nothing else limits it,
     * and its time is the test's own ({@link #aSecondPasses}), so that a stalled machine cannot open a place early.
     */
    private VendorLane bulkLane(int bulkCalls, int maxBulkCalls) {
        return new VendorLane(Vendor.SYNTCH, new VendorLane.Settings(0, 0, bulkCalls, maxBulkCalls, Duration.ofMillis(200),
                Duration.ofSeconds(2)), clock, new Continuations(Runnable::run, null), laneTime::get);
    }

    /** A little more than a second on the bulk lane's time. */
    private void aSecondPasses() {
        laneTime.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_100));
    }

    /** Runs whatever the clock had due by now (a wake-up that would start a caller), before what follows. */
    private void clockHasRun() throws Exception {
        clock.submit(() -> null).get(1, TimeUnit.SECONDS);
    }

    /** A call the lane let start (waiting for its turn, a second at most). */
    private Exchange started(VendorLane lane, String from) throws Exception {
        Exchange exchange = exchange(from);
        started(lane, exchange).get(1, TimeUnit.SECONDS);
        return exchange;
    }

    private static void answer(VendorLane lane, Exchange call, int status) {
        call.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        lane.done(call);
    }

    private Exchange exchange(String from) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getExchangeExtension().setFromEndpoint(context.getEndpoint(from));
        return exchange;
    }

    private static CompletableFuture<Boolean> started(VendorLane lane, Exchange exchange) {
        CompletableFuture<Boolean> turn = new CompletableFuture<>();
        lane.process(exchange, turn::complete);
        return turn;
    }
}
