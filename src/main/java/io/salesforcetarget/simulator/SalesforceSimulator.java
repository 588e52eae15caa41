package io.salesforcetarget.simulator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Salesforce org on 127.0.0.1: the login host (JWT bearer token endpoint, token revocation, the
 * identity URL) and the instance (REST API under /services/data) on one port, plus /__admin/ controls. Start with
 * {@link #start(SimulatorConfig)}, stop with {@link #close()}.
 *
 * <p>Requests are answered on Vert.x event loops (one server instance per loop, sharing the port), with
 * no blocking work: the verification key is parsed once, delays use timers, state is lock-light.
 */
public final class SalesforceSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceSimulator.class);
    private static final long START_STOP_TIMEOUT_SECONDS = 30;

    private final SimulatorConfig config;
    private final OrgIdentity org = new OrgIdentity();
    private final Faults faults = new Faults();
    private final CounterState counters = new CounterState();
    private final SObjectTypes types = new SObjectTypes();
    private final Sessions sessions;
    private final RequestRecorder recorder;
    private final RequestRecorder otherRecorder;
    private final SObjectStore store;
    private final Vertx vertx;
    private final JwtBearerLogin login;
    private final TokenRevocation revocation;
    private final IdentityResource identity;
    private final RestApi rest;
    private final AdminApi admin;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile int port;

    private SalesforceSimulator(SimulatorConfig config) {
        this.config = config;
        this.sessions = new Sessions(org.orgId15(), config.sessionTimeout(), config.clock());
        this.recorder = new RequestRecorder(config.recordedRequestLimit());
        this.otherRecorder = new RequestRecorder(config.recordedRequestLimit());
        this.store = new SObjectStore(types, config.clock(), org.userId18(), config.maxRecordsPerType());
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.eventLoops()).setWorkerPoolSize(1));
        FaultPlayer player = new FaultPlayer(vertx);
        this.revocation = new TokenRevocation(sessions);
        this.identity = new IdentityResource(config, sessions, org);
        this.login = new JwtBearerLogin(new AssertionVerifier(config, org), sessions, org, faults, player, counters,
                otherRecorder);
        this.rest = new RestApi(config, sessions, faults, player, counters, recorder, types, store);
        this.admin = new AdminApi(this);
    }

    /** Starts listening on 127.0.0.1 (config port, 0 = any free port); returns once it accepts connections. */
    public static SalesforceSimulator start(SimulatorConfig config) {
        SalesforceSimulator simulator = new SalesforceSimulator(config);
        try {
            simulator.listen();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    /** The longest request URI Salesforce accepts, in bytes. */
    static final int MAX_URI_LENGTH = 16_384;

    private void listen() {
        // Port -1 asks Vert.x for one random port shared by every instance (0 would give each its own);
        // instances on one host:port share the socket and spread connections over their event loops.
        int requested = config.port() == 0 ? -1 : config.port();
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(requested)
                .setTcpNoDelay(true).setCompressionSupported(false)
                // Salesforce takes a URI of up to 16,384 bytes (Vert.x's default line, 4,096, refused a collection
                // delete of 200 ids with 414); the request line also holds the method and the HTTP version.
                .setMaxInitialLineLength(MAX_URI_LENGTH + 32)
                // Salesforce speaks HTTP/2 only over TLS; a cleartext "Upgrade: h2c" is answered in HTTP/1.1.
                .setHttp2ClearTextEnabled(false);
        Set<Integer> bound = ConcurrentHashMap.newKeySet();
        await(vertx.deployVerticle(() -> new ServerVerticle(options, this::handle, bound),
                new DeploymentOptions().setInstances(config.eventLoops())), "listen on 127.0.0.1:" + config.port());
        if (bound.size() != 1 || bound.iterator().next() <= 0) {
            throw new IllegalStateException("server instances did not share one port: " + bound);
        }
        this.port = bound.iterator().next();
        org.baseUrl("http://127.0.0.1:" + port);
        LOG.debug("Salesforce simulator listening on {}", baseUrl());
    }

    private void handle(HttpServerRequest request) {
        try {
            String path = request.path();
            boolean underData = path.startsWith(RestApi.PREFIX)
                    && (path.length() == RestApi.PREFIX.length() || path.charAt(RestApi.PREFIX.length()) == '/');
            boolean versionList = path.equals(RestApi.PREFIX) || path.equals(RestApi.PREFIX + "/");
            if ((versionList || !underData) && !path.equals(JwtBearerLogin.PATH) && otherRecorder.enabled()) {
                otherRecorder.add(RecordedRequest.of(request, null)); // the login records itself, with its body
            }
            if (underData) {
                rest.handle(request);
            } else if (path.equals(JwtBearerLogin.PATH)) {
                login.handle(request);
            } else if (path.equals(TokenRevocation.PATH)) {
                revocation.handle(request);
            } else if (path.startsWith(IdentityResource.PREFIX)) {
                identity.handle(request);
            } else if (path.startsWith(AdminApi.PREFIX)) {
                admin.handle(request);
            } else {
                Responses.json(request.response(), 404,
                        ApiError.notImplemented(request.method().name(), path).toJson());
            }
        } catch (Throwable e) {
            Responses.internalError(request, e);
        }
    }

    public int port() {
        return port;
    }

    /** "http://127.0.0.1:PORT": the login URL, the JWT audience and the instance_url all at once. */
    public String baseUrl() {
        return org.baseUrl();
    }

    public String tokenUrl() {
        return baseUrl() + JwtBearerLogin.PATH;
    }

    public SimulatorConfig config() {
        return config;
    }

    /** 18-character ID of the simulated org. */
    public String orgId() {
        return org.orgId18();
    }

    /** 18-character ID of the user every login is mapped to. */
    public String userId() {
        return org.userId18();
    }

    public Faults faults() {
        return faults;
    }

    public SimulatorCounters counters() {
        return counters.snapshot();
    }

    /** The last API requests (under /services/data/vNN.N), oldest first; at most the configured limit. */
    public List<RecordedRequest> recordedRequests() {
        return recorder.all();
    }

    /**
     * Every other request, oldest first, at most the configured limit: token requests (with their form body, so
     * the JWT assertion), version lists, admin calls, unknown paths. Security tests check that a target sends
     * nothing but logins and API calls.
     */
    public List<RecordedRequest> recordedOtherRequests() {
        return otherRecorder.all();
    }

    /** Forgets both {@link #recordedRequests()} and {@link #recordedOtherRequests()}. */
    public void clearRecordedRequests() {
        recorder.clear();
        otherRecorder.clear();
    }

    public SObjectStore store() {
        return store;
    }

    /** Every current token now answers 401 INVALID_SESSION_ID; a new JWT login gets a working one. */
    public void expireAllSessions() {
        sessions.expireAll();
    }

    /** Ends one session; returns whether it was live. */
    public boolean revokeSession(String token) {
        return sessions.revoke(token);
    }

    public int liveSessions() {
        return sessions.liveCount();
    }

    /** A fresh org again: records, faults, counters, API usage and recorded requests. Sessions stay valid. */
    public void reset() {
        faults.clear();
        store.clear();
        rest.reset();
        counters.reset();
        clearRecordedRequests();
    }

    /** Blocks until {@link #close()} has run (from any thread, e.g. a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops listening, drops open (e.g. hanging) connections; blocks until done. Idempotent. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            await(vertx.close(), "close");
        } catch (RuntimeException e) {
            LOG.warn("simulator did not close cleanly", e);
        } finally {
            closed.countDown();
        }
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulator could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulator timed out: " + what, e);
        }
    }

    /** One HTTP server instance, bound to its own event loop. */
    private static final class ServerVerticle extends AbstractVerticle {
        private final HttpServerOptions options;
        private final Handler<HttpServerRequest> handler;
        private final Set<Integer> bound;

        ServerVerticle(HttpServerOptions options, Handler<HttpServerRequest> handler, Set<Integer> bound) {
            this.options = options;
            this.handler = handler;
            this.bound = bound;
        }

        @Override
        public void start(Promise<Void> started) {
            vertx.createHttpServer(options).requestHandler(handler).listen()
                    .onSuccess(server -> {
                        bound.add(server.actualPort());
                        started.complete();
                    })
                    .onFailure(started::fail);
        }
    }
}
