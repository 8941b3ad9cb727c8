package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a customer's flow goes on after a wait, asked from the thread that ended the wait (a writer's, say):
 * never there.
 */
class ContinuationsTest {

    private final Vertx vertx = Vertx.vertx();
    private final ExecutorService dispatchThreads = Executors.newFixedThreadPool(2, task -> new Thread(task, "dispatch"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "writer"));
    private final CamelContext camel = new DefaultCamelContext();
    private final Continuations continuations = new Continuations(dispatchThreads, vertx);

    @AfterEach
    void stop() {
        writer.shutdownNow();
        dispatchThreads.shutdownNow();
        vertx.close();
    }

    @Test
    void an_http_callers_customer_goes_on_on_its_requests_event_loop() throws Exception {
        Context eventLoop = vertx.getOrCreateContext();
        String loopThread = threadOf(eventLoop);
        Exchange exchange = new DefaultExchange(camel);
        Continuations.onEventLoop(exchange, eventLoop);
        assertThat(goesOnFromTheWriter(exchange)).isEqualTo(loopThread).startsWith("vert.x-eventloop-thread");
    }

    /** The file drop's records (routes/filedrop-source): all of a file's on the loop it was given. */
    @Test
    void customers_given_one_event_loop_go_on_on_it_every_time() throws Exception {
        Context fileLoop = continuations.anEventLoop();
        Exchange first = new DefaultExchange(camel);
        Exchange second = new DefaultExchange(camel);
        Continuations.onEventLoop(first, fileLoop);
        Continuations.onEventLoop(second, fileLoop);
        String loop = goesOnFromTheWriter(first);
        assertThat(loop).startsWith("vert.x-eventloop-thread");
        assertThat(goesOnFromTheWriter(first)).as("at every wait").isEqualTo(loop);
        assertThat(goesOnFromTheWriter(second)).as("and the other customers given it").isEqualTo(loop);
    }

    /** Files are shared out over the loops: the next one asked for is on the next of Vert.x's loops. */
    @Test
    void event_loops_are_given_in_turn() throws Exception {
        Vertx twoLoops = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            Continuations onTwo = new Continuations(dispatchThreads, twoLoops);
            Set<String> threads = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                Context loop = onTwo.anEventLoop();
                threads.add(threadOf(loop));
            }
            assertThat(threads).hasSize(2);
        } finally {
            twoLoops.close();
        }
    }

    @Test
    void any_other_customer_goes_on_on_a_dispatch_thread() throws Exception {
        assertThat(goesOnFromTheWriter(new DefaultExchange(camel))).isEqualTo("dispatch");
    }

    @Test
    void blocking_work_runs_where_it_may_block_and_comes_back_to_the_event_loop() throws Exception {
        Context eventLoop = vertx.getOrCreateContext();
        Exchange http = new DefaultExchange(camel);
        Continuations.onEventLoop(http, eventLoop);
        CompletableFuture<String> back = new CompletableFuture<>();
        eventLoop.runOnContext(ignored -> continuations.blocking(http, () -> Thread.currentThread().getName())
                .whenComplete((worker, failure) -> back.complete(worker + " then " + Thread.currentThread().getName())));
        assertThat(back.get(5, TimeUnit.SECONDS)).matches("vert\\.x-worker-thread-\\d+ then vert\\.x-eventloop-thread-\\d+");

        // a dispatch thread may block: the work is done there and then
        Exchange other = new DefaultExchange(camel);
        assertThat(continuations.blocking(other, () -> Thread.currentThread().getName()).toCompletableFuture().getNow(null))
                .isEqualTo(Thread.currentThread().getName());
    }

    /** The thread a task given to this event loop runs on. */
    private static String threadOf(Context eventLoop) throws Exception {
        return CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(),
                task -> eventLoop.runOnContext(ignored -> task.run())).get(5, TimeUnit.SECONDS);
    }

    /** The thread on which a task given to the exchange's continuations ran, given by the writer's thread. */
    private String goesOnFromTheWriter(Exchange exchange) throws Exception {
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        writer.execute(() -> continuations.of(exchange).execute(() -> ranOn.complete(Thread.currentThread().getName())));
        return ranOn.get(5, TimeUnit.SECONDS);
    }
}
