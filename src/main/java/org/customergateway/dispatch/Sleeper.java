package org.customergateway.dispatch;

/** Waits between retries. A seam so tests can see the delays the policy chose without waiting them out. */
@FunctionalInterface
public interface Sleeper {

    void sleep(long millis) throws InterruptedException;

    Sleeper REAL = Thread::sleep;
}
