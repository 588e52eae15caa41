package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything under /services/data. A call goes: count and record it, maybe play an injected fault, then
 * version (404/410), session (401), daily allocation (403), and the resource itself.
 */
final class RestApi {

    static final String PREFIX = "/services/data";
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    private final ApiVersions versions;
    private final Sessions sessions;
    private final Faults faults;
    private final FaultPlayer faultPlayer;
    private final CounterState counters;
    private final RequestRecorder recorder;
    private final long dailyLimit;
    private final long latencyMillis;
    private final OrgResources org;
    private final SObjectResource sobjects;
    private final QueryResource query;
    private final SearchResource search;
    private final ParameterizedSearch parameterizedSearch;
    private final CompositeResources composite;

    RestApi(SimulatorConfig config, Sessions sessions, Faults faults, FaultPlayer faultPlayer, CounterState counters,
            RequestRecorder recorder, SObjectTypes types, SObjectStore store) {
        this.versions = new ApiVersions(config);
        this.sessions = sessions;
        this.faults = faults;
        this.faultPlayer = faultPlayer;
        this.counters = counters;
        this.recorder = recorder;
        this.dailyLimit = config.dailyApiLimit();
        this.latencyMillis = config.apiLatency().toMillis();
        this.org = new OrgResources(types, counters, dailyLimit);
        this.sobjects = new SObjectResource(types, store);
        this.query = new QueryResource(types, store, config.clock());
        this.search = new SearchResource(types, store, config.clock());
        this.parameterizedSearch = new ParameterizedSearch(search);
        this.composite = new CompositeResources(types, store, this::subrequest, counters, dailyLimit);
    }

    void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            versionList(request);
            return;
        }
        trackInFlight(request.response());
        Responses.withBody(request, body -> {
            if (recorder.enabled()) {
                recorder.add(RecordedRequest.of(request, body));
            }
            Fault fault = faults.take(FaultTarget.API);
            if (fault == null) {
                answerAfterLatency(request, body);
            } else {
                faultPlayer.api(fault, request, ApiExchange.limitInfo(counters, dailyLimit),
                        () -> answerAfterLatency(request, body));
            }
        });
    }

    /** GET /services/data needs no session and carries no Sforce-Limit-Info. */
    private void versionList(HttpServerRequest request) {
        if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            Responses.json(request.response(), 200, versions.list());
        } else {
            ApiError e = ApiError.methodNotAllowed(request.method().name(), "GET,HEAD");
            Responses.json(request.response(), e.status(), e.toJson());
        }
    }

    private void answerAfterLatency(HttpServerRequest request, Buffer body) {
        if (latencyMillis <= 0) {
            answer(request, body);
        } else {
            faultPlayer.later(latencyMillis, request, () -> answer(request, body));
        }
    }

    private void answer(HttpServerRequest request, Buffer body) {
        Reply reply;
        try {
            List<String> segments = PathDecoder.after(PREFIX, request.path());
            int version = versions.parse(segments.get(0));
            if (!sessions.touch(token(request.getHeader("Authorization")))) {
                throw new ApiError(401, "INVALID_SESSION_ID", "Session expired or invalid");
            }
            if (!counters.tryUseApi(dailyLimit)) {
                throw new ApiError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            }
            reply = serve(ApiExchange.of(request, segments.subList(1, segments.size()), body, version));
        } catch (ApiError e) {
            reply = Reply.error(e);
        }
        write(request.response(), reply);
    }

    /** One call, top-level or composite subrequest: the resource's reply, or its error as Salesforce renders it. */
    private Reply serve(ApiExchange ex) {
        try {
            route(ex);
        } catch (ApiError e) {
            ex.fail(e);
        } catch (RuntimeException e) {
            LOG.warn("simulator failed on {} {}", ex.method(), ex.segments(), e);
            ex.fail(new ApiError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred: " + e));
        }
        Reply reply = ex.answer();
        return reply != null ? reply
                : Reply.error(new ApiError(500, "UNKNOWN_EXCEPTION", "The resource gave no answer"));
    }

    /** A composite or batch subrequest, run in the caller's session as a top-level call would be. */
    private Reply subrequest(String method, String url, JsonNode body, MultiMap headers) {
        try {
            SubrequestUrl target = SubrequestUrl.parse(url);
            List<String> segments = target.segments();
            int version = versions.parse(segments.get(0));
            Buffer bytes = body == null || body.isNull() ? null : Buffer.buffer(Json.write(body));
            return serve(new ApiExchange(method, segments.subList(1, segments.size()), target.params(), headers,
                    bytes, version));
        } catch (ApiError e) {
            return Reply.error(e);
        }
    }

    private void route(ApiExchange ex) {
        List<String> s = ex.segments();
        if (s.isEmpty()) {
            org.directory(ex);
            return;
        }
        switch (s.get(0)) {
            case "limits" -> only(s, 1, () -> org.limits(ex));
            case "query", "queryAll" -> {
                if (s.size() > 2) {
                    throw ApiError.notFound();
                }
                query.handle(ex);
            }
            case "search" -> {
                if (s.size() > 1) {
                    throw ApiError.notImplemented(ex.method(), ex.versionPath() + "/" + String.join("/", s));
                }
                search.handle(ex);
            }
            case "parameterizedSearch" -> only(s, 1, () -> parameterizedSearch.handle(ex));
            case "composite" -> composite.handle(ex);
            case "sobjects" -> {
                if (s.size() == 1) {
                    org.describeGlobal(ex);
                } else {
                    sobjects.handle(ex);
                }
            }
            default -> throw ApiError.notImplemented(ex.method(),
                    ex.versionPath() + "/" + String.join("/", s));
        }
    }

    private static void only(List<String> segments, int size, Runnable action) {
        if (segments.size() != size) {
            throw ApiError.notFound();
        }
        action.run();
    }

    /** Forgets the open query cursors (a reset org). */
    void reset() {
        query.reset();
    }

    /** Every answer under /services/data but the version list carries Sforce-Limit-Info. */
    private void write(HttpServerResponse response, Reply reply) {
        if (!Responses.writable(response)) {
            return;
        }
        response.putHeader("Sforce-Limit-Info", ApiExchange.limitInfo(counters, dailyLimit));
        reply.headers().forEach(response::putHeader);
        if (reply.body() == null) {
            Responses.noContent(response, reply.status());
        } else {
            Responses.json(response, reply.status(), reply.body());
        }
    }

    /** "Bearer x" (the documented scheme) or "OAuth x" (what Camel sends). */
    static String token(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        if (!scheme.equals("bearer") && !scheme.equals("oauth")) {
            return null;
        }
        return value.substring(space + 1).trim();
    }

    /** In-flight = received and neither answered nor dropped; status 0 marks a dropped call. */
    private void trackInFlight(HttpServerResponse response) {
        counters.apiCallStarted();
        AtomicBoolean done = new AtomicBoolean();
        response.endHandler(v -> {
            if (done.compareAndSet(false, true)) {
                counters.apiCallEnded(response.getStatusCode());
            }
        });
        response.closeHandler(v -> {
            if (done.compareAndSet(false, true)) {
                counters.apiCallEnded(0);
            }
        });
    }
}
