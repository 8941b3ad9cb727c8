package org.customergateway.dispatch;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * The pace at which the gateway calls one vendor, from every way in (routes/&lt;vendor&gt;-call): a step
 * before each call that lets it start when the vendor's lane has room, without a thread waiting for it.
 * <ul>
 *   <li>{@code gateway.<vendor>.max-rate} calls a second at most, evenly spaced (off: 0), and
 *   {@code gateway.<vendor>.max-concurrent-calls} at once (off: 0);</li>
 *   <li>adaptive: a 429 slows the whole lane to 85 % of what the vendor let through in the last second
 *   (a Retry-After of more than a second also pauses it that long, up to gateway.retry.max-delay-ms), and the calls that succeed add
 *   back 1 % of the rate a second (additive increase, multiplicative decrease), up to the configured
 *   maximum: the lane probes its vendor's limit about every 15 s, and runs at 85-100 % of it; never
 *   slower than 5 calls a second by 429s alone, and back to its configured pace after 30 s without a
 *   429. A vendor that never answers 429 is never paced unless configured;</li>
 *   <li>callers wait in two lines: an HTTP caller (a way in with someone waiting on the line) goes
 *   ahead of the file drop's and the queue's customers, and is refused at once
 *   ({@link VendorLaneFullException}, its outcome FAILED) when it could not start within
 *   {@code gateway.pacing.http-wait-ms}; the bulk ways in wait for their turn, in the order they came;</li>
 *   <li>the bulk ways in (the file drop, the queue, another route) call the vendor
 *   {@code gateway.pacing.bulk-calls-per-vendor} at a time to begin with, together: more of their customers
 *   may be in flight (a file's records reading or waiting for the ledger, the queue's consumers), but a rate
 *   limit meets no more of their calls at once than these before the lane slows; an HTTP caller is not held
 *   back by them. While every one of their places is busy and the vendor answers each call, the lane
 *   gives them one place more a second, up to {@code gateway.pacing.max-bulk-calls-per-vendor} (a slow
 *   vendor that copes gets more calls at once: 8 calls of 200 ms are only 40 a second); a 429, a 5xx or a
 *   call that got no answer puts them back to where they began.</li>
 * </ul>
 * Per instance: several instances on one vendor share its limit by backing off on its 429s, or by a
 * {@code max-rate} of their share each. {@link #done} closes every call that {@link #process} let start.
 */
public final class VendorLane extends AsyncProcessorSupport implements AsyncProcessor {

    /**
     * What a vendor's lane is configured to: 0 is "no limit" for maxRate, maxConcurrentCalls and bulkCalls.
     * @param bulkCalls the calls of the bulk ways in at once to begin with (gateway.pacing.bulk-calls-per-vendor),
     *                  within maxConcurrentCalls
     * @param maxBulkCalls the most they open up to (gateway.pacing.max-bulk-calls-per-vendor); at or below
     *                  bulkCalls, bulkCalls stays their number
     * @param maxPause  the longest a Retry-After pauses the lane: gateway.retry.max-delay-ms, as for one customer
     */
    public record Settings(double maxRate, int maxConcurrentCalls, int bulkCalls, int maxBulkCalls, Duration httpWait,
                           Duration maxPause) {
    }

    /**
     * The lane as the console and the metrics show it: rate null while the lane is not paced; bulkCalls the
     * bulk ways' places now (0: they have no limit of their own).
     */
    public record State(String vendor, Double rate, int waiting, int inFlight, int bulkCalls, long rateLimited,
                        long refused) {
    }

    /** The slowest a 429 makes the lane (a vendor that wants fewer calls a second: max-rate says so). */
    private static final double SLOWEST = 5;
    /** A lane that met no 429 for this long goes back to its configured pace (none, or max-rate). */
    private static final long RELAX_AFTER = TimeUnit.SECONDS.toNanos(30);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final String STARTED = "GatewayLaneStarted";

    private final Vendor vendor;
    private final Settings settings;
    private final ScheduledExecutorService clock;
    private final Continuations continuations;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();

    // guarded by lock
    private double rate;
    private long nextStart;
    private long pausedUntil;
    private int inFlight;
    private int bulkInFlight;
    private int bulkPlaces;
    /** When the bulk ways' places last opened up or went back (nanoTime). */
    private long bulkPlacesChanged;
    /** Since when bulk callers have waited in line without a break (nanoTime). */
    private long bulkWaitingSince;
    private final ArrayDeque<Waiter> first = new ArrayDeque<>();
    private final ArrayDeque<Waiter> bulk = new ArrayDeque<>();
    /** When the clock wakes the lane next (Long.MAX_VALUE: it will not). */
    private long wakeAt = Long.MAX_VALUE;
    private long lastDecrease = Long.MIN_VALUE / 2;
    private long lastRateLimited = Long.MIN_VALUE / 2;
    private final SuccessesPerSecond admitted = new SuccessesPerSecond();
    private long rateLimited;
    private long refused;

    /** A call this lane let start: when, and whether a bulk way in made it. */
    private record Started(long at, boolean bulk) {
    }

    private record Waiter(Exchange exchange, AsyncCallback callback, long deadline) {
    }

    /**
     * @param clock         wakes the lane when the next call may start
     * @param continuations where a waiting call goes on (never on the clock: its next steps may block)
     */
    public VendorLane(Vendor vendor, Settings settings, ScheduledExecutorService clock, Continuations continuations) {
        this(vendor, settings, clock, continuations, System::nanoTime);
    }

    /** @param nanoTime what the lane reads the time from: System.nanoTime, or a test's own hand */
    VendorLane(Vendor vendor, Settings settings, ScheduledExecutorService clock, Continuations continuations,
               LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.vendor = vendor;
        this.settings = settings;
        this.clock = clock;
        this.continuations = continuations;
        this.rate = settings.maxRate() > 0 ? settings.maxRate() : Double.POSITIVE_INFINITY;
        this.bulkPlaces = settings.bulkCalls();
        this.bulkPlacesChanged = nanoTime.getAsLong();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        boolean http = isHttpCaller(exchange);
        try {
            synchronized (lock) {
                long now = nanoTime.getAsLong();
                if (first.isEmpty() && (http || bulk.isEmpty() && bulkHasPlace()) && canStart(now)) {
                    start(now, exchange, !http);
                } else {
                    long deadline = http ? now + settings.httpWait().toNanos() : Long.MAX_VALUE;
                    Waiter waiter = new Waiter(exchange, callback, deadline);
                    ArrayDeque<Waiter> line = http ? first : bulk;
                    if (!http && bulk.isEmpty()) {
                        bulkWaitingSince = now;
                    }
                    line.add(waiter);
                    try {
                        wakeAt(Math.min(deadline, nextTry(now)), now);
                    } catch (RejectedExecutionException stopping) {
                        line.removeLastOccurrence(waiter);
                        throw stopping;
                    }
                    return false;
                }
            }
        } catch (RejectedExecutionException stopping) {
            // the clock stopped with Camel: the call fails here, once, rather than wait for a wake-up that never comes
            exchange.setException(stopping);
        }
        callback.done(true);
        return true;
    }

    /**
     * After the call (whatever came of it): its place is free, and its answer steers the pace: a 429
     * slows the lane, any other answer of the vendor's (not a 5xx: that is the circuit breaker's) speeds
     * it up a little. A call this lane never started (refused, or failed before) changes nothing.
     */
    public void done(Exchange exchange) {
        Started started = (Started) exchange.removeProperty(STARTED);
        if (started == null) {
            return;
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        boolean waiting;
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            // every bulk place was busy, and a bulk caller waits for this one
            boolean placesShort = started.bulk() && bulkInFlight >= bulkPlaces && !bulk.isEmpty();
            inFlight--;
            if (started.bulk()) {
                bulkInFlight--;
            }
            if (status != null && status != 429 && status < 500) {
                admitted.count(now);
                speedUp(now);
                if (placesShort) {
                    openBulkPlace(now);
                }
            } else {
                if (status != null && status == 429) {
                    rateLimited++;
                    slowDown(now, started.at(), exchange.getMessage().getHeader("Retry-After", String.class));
                }
                bulkPlacesBack(now);
            }
            waiting = !(first.isEmpty() && bulk.isEmpty());
        }
        // the common case, an unpaced lane nobody waits for, ends here
        if (waiting) {
            drain();
        }
    }

    public State state() {
        synchronized (lock) {
            return new State(vendor.id(), Double.isInfinite(rate) ? null : rate, first.size() + bulk.size(), inFlight,
                    settings.bulkCalls() > 0 ? bulkPlaces : 0, rateLimited, refused);
        }
    }

    /**
     * A 429 for a call that started after the lane last slowed down says the pace is still too fast, and
     * slows it again at once; the 429s of calls that were already on their way (one burst) slow it once.
     */
    private void slowDown(long now, long startedAt, String retryAfter) {
        Duration pause = new VendorReply(429, null, new byte[0], retryAfter, VendorReply.Failure.NONE)
                .retryAfterDelay(ZonedDateTime.now(ZoneOffset.UTC));
        if (pause != null && pause.toNanos() > SECOND) {
            pausedUntil = Math.max(pausedUntil, now + Math.min(pause.toNanos(), settings.maxPause().toNanos()));
        }
        lastRateLimited = now;
        if (startedAt <= lastDecrease) {
            return;
        }
        lastDecrease = now;
        double let = admitted.lastSecond(now);
        double base = let > 0 ? Math.min(let, rate) : rate / 2;
        double slowest = settings.maxRate() > 0 ? Math.min(SLOWEST, settings.maxRate()) : SLOWEST;
        rate = Math.max(slowest, (Double.isInfinite(base) ? slowest : base) * 0.85);
        nextStart = Math.max(nextStart, now + spacing());
    }

    /**
     * The vendor answered while every bulk place was busy and bulk callers waited for one: once they have
     * waited a whole second without a break (and a second has passed since the places last changed), they
     * get one more. One a second whatever the vendor's speed: counting answers instead (a place more per
     * places' worth of them, as TCP opens its window) would open up within milliseconds at a fast vendor,
     * whose rate limit would then meet that many calls at once.
     */
    private void openBulkPlace(long now) {
        if (settings.bulkCalls() > 0 && bulkPlaces < settings.maxBulkCalls()
                && now - Math.max(bulkPlacesChanged, bulkWaitingSince) >= SECOND) {
            bulkPlaces++;
            bulkPlacesChanged = now;
        }
    }

    /** A 429, a 5xx or no answer at all: the vendor does not cope, and the bulk ways go back to where they began. */
    private void bulkPlacesBack(long now) {
        bulkPlaces = settings.bulkCalls();
        bulkPlacesChanged = now;
    }

    private void speedUp(long now) {
        if (Double.isInfinite(rate)) {
            return;
        }
        if (now - lastRateLimited > RELAX_AFTER) {
            rate = settings.maxRate() > 0 ? settings.maxRate() : Double.POSITIVE_INFINITY;
            return;
        }
        double perSecond = Math.max(0.3, rate * 0.01);
        rate += perSecond / rate;
        if (settings.maxRate() > 0) {
            rate = Math.min(rate, settings.maxRate());
        }
    }

    private boolean canStart(long now) {
        return now >= pausedUntil && (Double.isInfinite(rate) || now >= nextStart)
                && hasPlace();
    }

    private void start(long now, Exchange exchange, boolean bulkCaller) {
        inFlight++;
        if (bulkCaller) {
            bulkInFlight++;
        }
        if (!Double.isInfinite(rate)) {
            nextStart = Math.max(nextStart, now) + spacing();
        }
        exchange.setProperty(STARTED, new Started(now, bulkCaller));
    }

    private long spacing() {
        return (long) (SECOND / rate);
    }

    /**
     * When the next waiting call could start: never by the clock while every place is taken (or every
     * bulk place, and only bulk callers wait), since a call that ends wakes the lane ({@link #done}).
     */
    private long nextTry(long now) {
        if (!aWaiterHasPlace()) {
            return Long.MAX_VALUE;
        }
        long at = Math.max(now, pausedUntil);
        return Double.isInfinite(rate) ? at : Math.max(at, nextStart);
    }

    /**
     * The clock holds one wake-up of the lane's at a time, at the soonest moment it is needed: a wake-up
     * per waiting call would fill the clock's queue (a lane full by max-concurrent-calls, thousands of
     * records waiting) until it refused them.
     */
    private void wakeAt(long at, long now) {
        if (at >= wakeAt) {
            return;
        }
        clock.schedule(() -> woken(at), Math.max(0, at - now), TimeUnit.NANOSECONDS);
        wakeAt = at;
    }

    private void woken(long at) {
        synchronized (lock) {
            if (wakeAt == at) {
                wakeAt = Long.MAX_VALUE;
            }
        }
        drain();
    }

    /** Starts whoever may start now, HTTP callers first; refuses those whose wait is over; wakes again later. */
    private void drain() {
        List<Waiter> goOn = new ArrayList<>();
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            for (Iterator<Waiter> line = first.iterator(); line.hasNext(); ) {
                Waiter waiter = line.next();
                if (waiter.deadline() <= now) {
                    line.remove();
                    refused++;
                    waiter.exchange().setException(new VendorLaneFullException(vendor, first.size() + bulk.size(),
                            Double.isInfinite(rate) ? null : rate, settings.httpWait()));
                    goOn.add(waiter);
                }
            }
            while (canStart(now) && aWaiterHasPlace()) {
                boolean http = !first.isEmpty();
                Waiter next = http ? first.poll() : bulk.poll();
                start(now, next.exchange(), !http);
                goOn.add(next);
            }
            if (!(first.isEmpty() && bulk.isEmpty())) {
                long at = nextTry(now);
                try {
                    wakeAt(first.isEmpty() ? at : Math.min(at, first.peek().deadline()), now);
                } catch (RejectedExecutionException stopping) {
                    // the clock stopped with Camel: whoever still waits fails now rather than never go on
                    for (ArrayDeque<Waiter> line : List.of(first, bulk)) {
                        for (Waiter waiter; (waiter = line.poll()) != null; ) {
                            waiter.exchange().setException(stopping);
                            goOn.add(waiter);
                        }
                    }
                }
            }
        }
        goOn.forEach(waiter -> continuations.of(waiter.exchange()).execute(() -> waiter.callback().done(false)));
    }

    private boolean hasPlace() {
        return settings.maxConcurrentCalls() <= 0 || inFlight < settings.maxConcurrentCalls();
    }

    private boolean bulkHasPlace() {
        return settings.bulkCalls() <= 0 || bulkInFlight < bulkPlaces;
    }

    /** Whether a waiting caller has a place to start in: an HTTP caller, or a bulk one while the bulk ways have one. */
    private boolean aWaiterHasPlace() {
        return hasPlace() && (!first.isEmpty() || !bulk.isEmpty() && bulkHasPlace());
    }

    /** A caller on an HTTP connection, waiting for its answer: the API, a facade, a replay from the console. */
    private static boolean isHttpCaller(Exchange exchange) {
        Endpoint from = exchange.getFromEndpoint();
        return from != null && from.getEndpointUri().startsWith("platform-http");
    }

    /** The vendor's answers other than 429 over the last second, in tenths of a second. */
    private static final class SuccessesPerSecond {
        private final long[] counts = new long[10];
        private long tenth;

        void count(long now) {
            roll(now);
            counts[(int) (tenth % counts.length)]++;
        }

        double lastSecond(long now) {
            roll(now);
            long sum = 0;
            for (long count : counts) {
                sum += count;
            }
            return sum;
        }

        private void roll(long now) {
            long current = now / (SECOND / counts.length);
            for (long t = Math.max(tenth + 1, current - counts.length + 1); t <= current; t++) {
                counts[(int) (t % counts.length)] = 0;
            }
            tenth = Math.max(tenth, current);
        }
    }
}
