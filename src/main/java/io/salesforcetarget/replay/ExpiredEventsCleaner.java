package io.salesforcetarget.replay;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the PostgreSQL table bounded: every {@code interval}, deletes the rows whose lease or replay window has
 * ended, in batches of {@value #BATCH} (short statements, no long lock on the table), until none is left. Every
 * replica runs one; they only delete expired rows, so they cannot get in each other's way.
 */
public final class ExpiredEventsCleaner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredEventsCleaner.class);

    static final int BATCH = 500;

    private final PostgresEventStore store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "expired-events-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    public ExpiredEventsCleaner(PostgresEventStore store, Duration interval) {
        this.store = store;
        timer.scheduleWithFixedDelay(this::clean, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes every expired row, a batch at a time; how many. */
    int clean() {
        int deleted = 0;
        try {
            int batch;
            do {
                batch = store.deleteExpired(BATCH);
                deleted += batch;
            } while (batch == BATCH);
        } catch (StoreUnavailableException e) {
            LOG.warn("Expired events could not be deleted: {}", e.getMessage()); // again at the next run
        }
        if (deleted > 0) {
            LOG.debug("Deleted {} expired events", deleted);
        }
        return deleted;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
