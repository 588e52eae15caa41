package io.salesforcetarget.simulator;

/** What an injected fault does to a request instead of (or before) answering it normally. */
public enum FaultKind {
    /** 503 {@code [{"message":"Server too busy","errorCode":"SERVER_UNAVAILABLE"}]}; on login 503 OAuth JSON. */
    SERVICE_UNAVAILABLE_JSON(true, true),
    /** 503 text/html maintenance page, as the CDN sends it. */
    SERVICE_UNAVAILABLE_HTML(true, true),
    /** 429 Too Many Requests. */
    TOO_MANY_REQUESTS(true, true),
    /** 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded." (daily allocation used up). */
    REQUEST_LIMIT_EXCEEDED(true, false),
    /** 403 REQUEST_LIMIT_EXCEEDED "ConcurrentRequests (Concurrent API Requests) Limit exceeded.". */
    CONCURRENT_REQUEST_LIMIT(true, false),
    /** 408 Request Timeout with a plain-text body, as an HTTP proxy or edge server in front of the org sends. */
    REQUEST_TIMEOUT(true, true),
    /** 500 UNKNOWN_EXCEPTION; on login 500 {"error":"unknown_error"}. */
    SERVER_ERROR(true, true),
    /** 401 INVALID_SESSION_ID whatever the token (even a fresh one). */
    INVALID_SESSION(true, false),
    /** 400 invalid_grant from the token endpoint, even for a valid assertion. */
    INVALID_GRANT(false, true),
    /** The TCP connection is reset (RST) without any answer. */
    CONNECTION_RESET(true, true),
    /** Answered normally, but only after the fault's delay. */
    DELAY(true, true),
    /** Never answered; the request stays open until the client gives up or the simulator closes. */
    HANG(true, true),
    /**
     * Answered normally once the fault's release completes, however long that takes: a call held in flight for
     * exactly as long as a test needs (armed from Java only, {@link Faults#apiHeld}).
     */
    HOLD(true, false);

    private final boolean api;
    private final boolean login;

    FaultKind(boolean api, boolean login) {
        this.api = api;
        this.login = login;
    }

    boolean appliesTo(FaultTarget target) {
        return target == FaultTarget.API ? api : login;
    }
}
