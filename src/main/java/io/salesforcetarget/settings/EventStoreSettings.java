package io.salesforcetarget.settings;

import java.time.Duration;

/**
 * Where claims and answers of events are kept ({@code EVENTS_STORE}): this process's memory, or a PostgreSQL
 * database every replica shares.
 *
 * @param url a {@code jdbc:postgresql://} URL, or null for memory
 * @param password the database password (from {@code EVENTS_STORE_PASSWORD} or its file), never printed
 * @param claimLease how long a claim holds before another delivery may take the event over
 */
public record EventStoreSettings(String url, String username, String password, Duration claimLease) {

    public static final String MEMORY = "memory";

    /** In memory, with the default claim lease. */
    public static EventStoreSettings memory() {
        return new EventStoreSettings(null, null, null, TargetSettings.defaultClaimLease());
    }

    /** Whether the store is a database shared by every replica. */
    public boolean shared() {
        return url != null;
    }

    @Override
    public String toString() {
        return "EventStoreSettings[" + (shared() ? url + ", username=" + username + ", password=****" : MEMORY)
                + ", claimLease=" + claimLease + "]";
    }
}
