package io.salesforcetarget.server;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Graceful shutdown: counts the events in flight; once {@link #drain(Duration)} starts, new events are refused
 * (503) while those in flight finish, so no event answered 2xx is left undone.
 */
public class DrainGate {

    private int inFlight;
    private boolean draining;

    /** First step of every event: refuse it when draining, else count it until its exchange is done. */
    public void admit(Exchange exchange) {
        synchronized (this) {
            if (draining) {
                throw new ShuttingDownException();
            }
            inFlight++;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                leave();
            }
        });
    }

    private synchronized void leave() {
        inFlight--;
        notifyAll();
    }

    /** Stops admitting events and waits (at most {@code timeout}) for those in flight; true when none is left. */
    public synchronized boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        return true;
    }

    public synchronized boolean isDraining() {
        return draining;
    }

    public synchronized int inFlight() {
        return inFlight;
    }
}
