package io.salesforcetarget.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import io.vertx.core.Vertx;

import io.salesforcetarget.auth.SalesforceLoginRoute;
import io.salesforcetarget.auth.SessionWarmUpRoute;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.metrics.SalesforceCallNotifier;
import io.salesforcetarget.metrics.TargetMetrics;
import io.salesforcetarget.receiver.CloudEventsReceiverRoute;
import io.salesforcetarget.receiver.InboundAuthentication;
import io.salesforcetarget.replay.EventReplay;
import io.salesforcetarget.replay.EventStore;
import io.salesforcetarget.replay.ExpiredEventsCleaner;
import io.salesforcetarget.replay.MemoryEventStore;
import io.salesforcetarget.replay.PostgresEventStore;
import io.salesforcetarget.reply.EventOutcomeLog;
import io.salesforcetarget.reply.HttpReplies;
import io.salesforcetarget.reply.ReplyEvents;
import io.salesforcetarget.salesforce.CoalesceWrites;
import io.salesforcetarget.salesforce.SalesforceApiCallRoutes;
import io.salesforcetarget.salesforce.SalesforceLibrary;
import io.salesforcetarget.salesforce.WriteCoalescer;
import io.salesforcetarget.server.ConfiguredPortHttpEngine;
import io.salesforcetarget.server.DrainGate;
import io.salesforcetarget.server.EventWorkers;
import io.salesforcetarget.server.GracefulShutdown;
import io.salesforcetarget.server.ReadinessCheck;
import io.salesforcetarget.server.RefusedBeforeTheRoute;
import io.salesforcetarget.settings.Coalescing;
import io.salesforcetarget.settings.EventStoreSettings;
import io.salesforcetarget.settings.InvalidConfigurationException;
import io.salesforcetarget.settings.Reliability;
import io.salesforcetarget.settings.TargetSettings;

/**
 * Reads the configuration in one place, then wires the beans and routes by constructor: auth (JWT login, token
 * cache), the Salesforce call, and the CloudEvents receiver with its replies.
 */
public class TargetConfiguration implements CamelConfiguration {

    /** Registry name under which a shared {@link IdempotentRepository} replaces the in-memory one. */
    public static final String IDEMPOTENT_REPOSITORY = "eventIdempotentRepository";

    /**
     * The listener's platform threads, where events do not get virtual threads: {@link EventWorkers#PLATFORM_WORKERS},
     * and with coalescing on one more for each record a collection call carries. An event waiting to share a
     * collection call holds its thread (parked, using no CPU) until the call answers it: with 64 threads no call could
     * carry more than 63 records, and a full one could never form while other calls are in flight with their events.
     */
    static int platformWorkers(Coalescing coalescing) {
        return EventWorkers.PLATFORM_WORKERS + (coalescing.enabled() ? coalescing.maxRecords() : 0);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        TargetSettings settings = TargetSettings.from(context);
        // The CloudEvents listener's Vert.x (camel-platform-http-main takes the one it finds here), closed when the
        // context stops, after the listener.
        Vertx vertx = EventWorkers.vertx(platformWorkers(settings.coalescing()));
        context.getRegistry().bind("vertx", vertx);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                vertx.close();
            }
        }, true, true);

        // The Salesforce side, exactly as a library user gets it: login, token cache, call routes, retries.
        context.addRoutes(new SalesforceLibrary(settings));
        TokenCache tokens = context.getRegistry()
                .lookupByNameAndType(SalesforceLibrary.TOKEN_CACHE, TokenCache.class);

        int port = Integer.parseInt(properties.resolveProperty("camel.server.port").orElse("8080"));
        ConfiguredPortHttpEngine engine = new ConfiguredPortHttpEngine(port);
        engine.setCamelContext(context);
        context.getComponent("platform-http", PlatformHttpComponent.class).setEngine(engine);

        // The CloudEvents side: receiver, replies, replay, drain, readiness, metrics.
        Reliability reliability = settings.reliability();
        TargetMetrics metrics = metrics(context);
        HttpReplies replies = new HttpReplies(new ReplyEvents(settings.replySource()), settings.retryAfterSeconds(),
                new EventOutcomeLog(metrics, settings.jsonLogs()));
        DrainGate gate = new DrainGate();
        context.getRegistry().bind(GracefulShutdown.DRAIN_GATE, gate);
        EventStore store = eventStore(context, settings);
        EventReplay replay = new EventReplay(store);
        context.addRoutes(new CloudEventsReceiverRoute(settings.replyPolicy(), replies, gate, replay,
                InboundAuthentication.of(settings.security())));
        context.addRoutes(new SessionWarmUpRoute(tokens, reliability.loginMinInterval()));
        HealthCheckRegistry.get(context).register(new ReadinessCheck(tokens, gate, store::reachable));
        context.addStartupListener(new RefusedBeforeTheRoute());
    }

    /**
     * Where claims and answers live ({@code EVENTS_STORE}): this process's memory, or PostgreSQL, connected and
     * migrated now (a database that cannot be used stops the start, with the reason) and closed when the context
     * stops, after its routes have drained.
     */
    static EventStore eventStore(CamelContext context, TargetSettings settings) throws Exception {
        Reliability reliability = settings.reliability();
        EventStoreSettings stored = settings.eventStore();
        if (!stored.shared()) {
            return new MemoryEventStore(idempotentRepository(context, reliability), reliability.replayStoreSize(),
                    reliability.replayStoreBytes(), reliability.replayTtl());
        }
        PostgresEventStore store;
        try {
            store = PostgresEventStore.start(stored.url(), stored.username(), stored.password(), replicaName(),
                    stored.claimLease(), reliability.replayTtl(), reliability.replayStoreBytes());
        } catch (IllegalStateException e) {
            throw new InvalidConfigurationException(List.of("EVENTS_STORE " + stored.url() + ": " + e.getMessage()));
        }
        ExpiredEventsCleaner cleaner = new ExpiredEventsCleaner(store, CLEANING_INTERVAL);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                cleaner.close();
                store.close();
            }
        }, true, true);
        return store;
    }

    /** How often each replica deletes the rows whose lease or replay window has ended. */
    static final Duration CLEANING_INTERVAL = Duration.ofMinutes(1);

    /** The name a replica's claims carry: the pod's name on Kubernetes (HOSTNAME), and the process id. */
    static String replicaName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    /**
     * The Prometheus registry Camel's metrics (camel-micrometer-prometheus, {@code /observe/metrics}) use too, with
     * the target's own meters, fed by an event notifier on the Salesforce and login endpoints.
     */
    static TargetMetrics metrics(CamelContext context) {
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) { // camel.metrics.enabled=false: keep the meters, nothing exports them
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        }
        TargetMetrics metrics = new TargetMetrics(registry,
                () -> context.getInflightRepository().size("salesforce-send"));
        metrics.waitingWrites(() -> {
            WriteCoalescer coalescer = context.getRegistry().lookupByNameAndType(CoalesceWrites.COALESCER,
                    WriteCoalescer.class);
            return coalescer == null ? 0 : coalescer.waitingWrites();
        });
        context.getManagementStrategy().addEventNotifier(new SalesforceCallNotifier(metrics,
                SalesforceApiCallRoutes.SALESFORCE_HTTP_ENDPOINT, SalesforceLoginRoute.LOGIN_HTTP_ENDPOINT));
        return metrics;
    }

    /**
     * The key store of the replay: a bean named {@value #IDEMPOTENT_REPOSITORY} (e.g. a JDBC, Infinispan or Redis
     * repository shared by all replicas) when one is bound, else Camel's in-memory repository over a map that keeps
     * the most recent keys.
     * <p>
     * Why not {@code memoryIdempotentRepository(size)}: its {@code SimpleLRUCache} took 90% of the target's CPU in
     * the benchmark once full (its change queue is compacted again and again). A {@link LinkedHashMap} that drops
     * its eldest key does the same job in constant time (the repository locks around every use).
     */
    static IdempotentRepository idempotentRepository(CamelContext context, Reliability reliability) {
        IdempotentRepository shared = context.getRegistry()
                .lookupByNameAndType(IDEMPOTENT_REPOSITORY, IdempotentRepository.class);
        if (shared != null) {
            return shared;
        }
        int bound = reliability.replayStoreSize();
        Map<String, Object> claims = Collections.synchronizedMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > bound;
            }
        });
        return MemoryIdempotentRepository.memoryIdempotentRepository(claims);
    }
}
