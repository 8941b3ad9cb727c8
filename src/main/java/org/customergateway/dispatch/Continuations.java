package org.customergateway.dispatch;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Exchange;

/**
 * Where a customer's flow goes on after it waited for something: the ledger's commit, a vendor's answer,
 * its turn in a vendor's lane. A customer who came by HTTP goes on on the event loop its request came
 * in on; a file's record on its file's event loop ({@link #anEventLoop}, one per file, chosen by the
 * file drop); the queue's customers, and those of another Camel route ({@code direct:customer-gateway}),
 * on the gateway's dispatch threads.
 * <p>
 * Why an event loop: everything a customer's flow does between two waits computes (mapping, checking,
 * JSON), and the ledger's writes are asynchronous steps, so nothing on it blocks. Going on there saves two
 * thread hand-offs at every wait (a dispatch thread woken, then the event loop again to call or to
 * answer), and a hand-off is one of the dearest things a create does (BENCHMARKS.md, session 15). The
 * steps that do block (a dead letter kept, rare) run through {@link #blocking}. The queue's and another
 * route's customers stay on dispatch threads: their own routes go on after the dispatch on the thread
 * that ended it, and those routes may block (a JMS send, whatever another application's route does).
 */
public final class Continuations {

    /** The event loop (a Vert.x context) the exchange goes on on: its HTTP request's, or one a file's record was given. */
    private static final String EVENT_LOOP = "GatewayEventLoop";

    private final Executor dispatchThreads;
    private final Vertx vertx;

    public Continuations(Executor dispatchThreads, Vertx vertx) {
        this.dispatchThreads = dispatchThreads;
        this.vertx = vertx;
    }

    /**
     * From here on the exchange goes on on this event loop after each wait (its HTTP request's, or its
     * file's): for a flow none of whose further steps blocks, or does so through {@link #blocking}.
     */
    public static void onEventLoop(Exchange exchange, Context eventLoop) {
        exchange.setProperty(EVENT_LOOP, eventLoop);
    }

    /**
     * An event loop for customers that go on together (a file's records), the next of Vert.x's in turn.
     * Together, because they wake one another (a flow that ends lets the next one waiting into a vendor's
     * lane; the ledger's writer completes several at once): on one loop that is a task queued where it
     * already runs, not a sleeping loop woken. Measured: 8 % less CPU a record (docs/flow.md).
     */
    public Context anEventLoop() {
        // a new context on the group's next loop: Vert.x's getOrCreateContext would give every call from one
        // (non-Vert.x) thread the same loop
        return ((VertxInternal) vertx).createEventLoopContext();
    }

    /**
     * Where the exchange goes on: a task given to it runs on the exchange's event loop (at once when that
     * is the thread giving it), or on a dispatch thread; never on the thread that finished the wait
     * (the ledger's writer, the lane's clock), which must not run a customer's flow.
     */
    public Executor of(Exchange exchange) {
        Context eventLoop = exchange.getProperty(EVENT_LOOP, Context.class);
        if (eventLoop == null) {
            return this::onDispatchThread;
        }
        return task -> {
            if (Vertx.currentContext() == eventLoop) {
                task.run();
            } else {
                eventLoop.runOnContext(ignored -> task.run());
            }
        };
    }

    /**
     * Work that blocks (a database write outside the ledger's writer): done at once on a thread that may
     * block, or on a Vert.x worker when the exchange lives on an event loop, from which the flow goes on
     * on that event loop.
     */
    public <T> CompletionStage<T> blocking(Exchange exchange, Callable<T> work) {
        Context eventLoop = exchange.getProperty(EVENT_LOOP, Context.class);
        if (eventLoop == null) {
            try {
                return CompletableFuture.completedFuture(work.call());
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return eventLoop.executeBlocking(work, false).toCompletionStage();
    }

    private void onDispatchThread(Runnable task) {
        try {
            dispatchThreads.execute(task);
        } catch (RejectedExecutionException stopping) {
            // Camel is stopping and its pool with it: the flow ends here rather than never
            task.run();
        }
    }
}
