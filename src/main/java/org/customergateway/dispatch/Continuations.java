package org.customergateway.dispatch;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Exchange;

/**
 * Where a customer's flow goes on after it waited for something: the ledger's commit, a vendor's answer,
 * its turn in a vendor's lane. A customer who came by HTTP goes on on the event loop its request came
 * in on; the file drop's and the queue's go on on the gateway's dispatch threads.
 * <p>
 * Why the event loop: everything an HTTP create does between two waits is computing (mapping, checking,
 * JSON), and the ledger's writes are asynchronous steps, so nothing on it blocks. Going on there saves two
 * thread hand-offs at every wait (a dispatch thread woken, then the event loop again to answer), and a
 * hand-off is one of the dearest things a create does (BENCHMARKS.md, session 15). The one step of a
 * create that does block (a dead letter kept, rare) runs through {@link #blocking}.
 */
public final class Continuations {

    /** The Vert.x context of the HTTP request an exchange came with; absent for the other ways in. */
    private static final String EVENT_LOOP = "GatewayEventLoop";

    private final Executor dispatchThreads;

    public Continuations(Executor dispatchThreads) {
        this.dispatchThreads = dispatchThreads;
    }

    /** The exchange came with an HTTP request on this event loop: it goes on there after each wait. */
    public static void cameOn(Exchange exchange, Context eventLoop) {
        exchange.setProperty(EVENT_LOOP, eventLoop);
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
