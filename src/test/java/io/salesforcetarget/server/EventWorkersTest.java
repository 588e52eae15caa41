package io.salesforcetarget.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** Events run on a virtual thread each on Java 21+, on the pool of platform threads on 17 or when asked. */
class EventWorkersTest {

    private static final boolean JAVA_21 = Runtime.version().feature() >= 21;

    private Vertx vertx;

    @AfterEach
    void close() throws Exception {
        System.clearProperty(EventWorkers.PLATFORM_PROPERTY);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The thread the listener's executeBlocking runs an event on. */
    private Thread eventThread() throws Exception {
        return vertx.executeBlocking(Thread::currentThread, false).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEventGetsAVirtualThreadWhereTheRuntimeHasThem() throws Exception {
        vertx = EventWorkers.vertx(EventWorkers.PLATFORM_WORKERS);

        Thread thread = eventThread();

        assertThat(EventWorkers.virtual()).isEqualTo(JAVA_21);
        assertThat(thread.getName()).startsWith(JAVA_21 ? "event-" : "vert.x-worker-thread-");
        assertThat(thread.isDaemon()).as("virtual threads are daemons; Vert.x's workers are not").isEqualTo(JAVA_21);
    }

    @Test
    void thePlatformPoolCanBeKept() throws Exception {
        System.setProperty(EventWorkers.PLATFORM_PROPERTY, "true");
        vertx = EventWorkers.vertx(EventWorkers.PLATFORM_WORKERS);

        assertThat(EventWorkers.virtual()).isFalse();
        assertThat(eventThread().getName()).startsWith("vert.x-worker-thread-");
    }
}
