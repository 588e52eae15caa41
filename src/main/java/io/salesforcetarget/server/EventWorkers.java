package io.salesforcetarget.server;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.spi.ExecutorServiceFactory;

/**
 * The threads events run on. camel-platform-http-vertx runs each event on a Vert.x worker for its whole round trip
 * ({@code executeBlocking}), so an event waiting for Salesforce holds its worker.
 * <ul>
 * <li>On Java 21 and later, each event gets a virtual thread of its own: waiting for Salesforce holds no platform
 * thread, and how many events are in flight is bounded by {@code SALESFORCE_MAX_CONCURRENT_CALLS} and the senders,
 * not by a pool. Vert.x's worker pool is replaced through its {@link ExecutorServiceFactory} service interface;
 * its other pools and event loops are as they were.</li>
 * <li>On Java 17, or with {@value #PLATFORM_PROPERTY}{@code =true}: a pool of platform threads, of the size the
 * caller gives ({@value #PLATFORM_WORKERS} and one more for each event that may wait to share a collection call).</li>
 * </ul>
 */
public final class EventWorkers {

    /** System property: keep the pool of platform threads on Java 21+ too. */
    public static final String PLATFORM_PROPERTY = "salesforce-target.platform-workers";
    /**
     * The platform pool's size for events that each hold their thread for one call: Vert.x's default (20) capped throughput at 20 / Salesforce's latency, and more costs
     * CPU on two cores.
     */
    public static final int PLATFORM_WORKERS = 64;
    /** The prefix of the names of Vert.x's worker threads, whose pool this replaces. */
    private static final String VERTX_WORKER_PREFIX = "vert.x-worker-thread-";

    private EventWorkers() {
    }

    /**
     * The listener's Vert.x, with virtual-thread workers where the runtime has them, else {@code platformWorkers}
     * platform threads.
     */
    public static Vertx vertx(int platformWorkers) {
        VertxOptions options = new VertxOptions().setWorkerPoolSize(platformWorkers);
        ThreadFactory virtualThreads = virtualThreads();
        VertxBuilder builder = new VertxBuilder(options);
        if (virtualThreads != null) {
            builder.executorServiceFactory((threadFactory, concurrency, maxConcurrency) -> isWorkerPool(threadFactory)
                    ? threadPerTask(virtualThreads)
                    : ExecutorServiceFactory.INSTANCE.createExecutor(threadFactory, concurrency, maxConcurrency));
        }
        return builder.init().vertx();
    }

    /** Whether events run on virtual threads in this runtime and configuration. */
    public static boolean virtual() {
        return virtualThreads() != null;
    }

    /** The factory of events' virtual threads, or null when they run on the platform pool. */
    private static ThreadFactory virtualThreads() {
        return Boolean.getBoolean(PLATFORM_PROPERTY) ? null : virtualThreadFactory();
    }

    /** Vert.x names the threads of each pool; the factory's first thread name tells the worker pool apart. */
    private static boolean isWorkerPool(ThreadFactory threadFactory) {
        return threadFactory.newThread(() -> {
        }).getName().startsWith(VERTX_WORKER_PREFIX);
    }

    /** {@code Thread.ofVirtual().name("event-", 0).factory()}, or null before Java 21 (the jar is built for 17). */
    private static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "event-", 0L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** {@code Executors.newThreadPerTaskExecutor(factory)}, a Java 21 method. */
    private static ExecutorService threadPerTask(ThreadFactory factory) {
        try {
            Method method = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
            return (ExecutorService) method.invoke(null, factory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a Java 21 runtime without newThreadPerTaskExecutor", e);
        }
    }
}
