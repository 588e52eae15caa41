package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POST /services/oauth2/token with the OAuth 2.0 JWT bearer grant. Success opens a new session and answers
 * like Salesforce: access_token, scope, instance_url, id, token_type, issued_at, signature; never
 * expires_in or refresh_token. Failures are 400 {"error","error_description"}.
 */
final class JwtBearerLogin {

    static final String PATH = "/services/oauth2/token";
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final AssertionVerifier verifier;
    private final Sessions sessions;
    private final OrgIdentity org;
    private final Faults faults;
    private final FaultPlayer faultPlayer;
    private final CounterState counters;
    private final RequestRecorder recorder;
    /** Key for the response's "signature" (an HMAC of id + issued_at, as Salesforce signs it). */
    private final byte[] signingKey = new byte[32];

    JwtBearerLogin(AssertionVerifier verifier, Sessions sessions, OrgIdentity org, Faults faults,
                   FaultPlayer faultPlayer, CounterState counters, RequestRecorder recorder) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.org = org;
        this.faults = faults;
        this.faultPlayer = faultPlayer;
        this.counters = counters;
        this.recorder = recorder;
        new SecureRandom().nextBytes(signingKey);
    }

    void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            counters.loginFailed();
            Responses.oauthError(request.response(), 400, "invalid_request", "must use HTTP POST");
            return;
        }
        Responses.withBody(request, body -> {
            if (recorder.enabled()) {
                recorder.add(RecordedRequest.of(request, body));
            }
            Fault fault = faults.take(FaultTarget.LOGIN);
            if (fault == null) {
                login(request, body);
            } else {
                if (fault.kind() != FaultKind.DELAY) {
                    counters.loginFailed();
                }
                faultPlayer.login(fault, request, () -> login(request, body));
            }
        });
    }

    private void login(HttpServerRequest request, Buffer body) {
        Map<String, List<String>> form =
                new QueryStringDecoder(body.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false).parameters();
        try {
            if (!GRANT_TYPE.equals(param(form, request, "grant_type"))) {
                throw new OAuthError("unsupported_grant_type", "grant type not supported");
            }
            String username = verifier.verify(param(form, request, "assertion"));
            String token = sessions.open(username);
            counters.loginSucceeded();
            Responses.send(request.response().putHeader("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private"),
                    200, Responses.JSON, Json.write(success(token)));
        } catch (OAuthError e) {
            counters.loginFailed();
            Responses.oauthError(request.response(), 400, e.error(), e.description());
        }
    }

    private ObjectNode success(String token) {
        String issuedAt = Long.toString(System.currentTimeMillis());
        String id = org.baseUrl() + "/id/" + org.orgId18() + "/" + org.userId18();
        return Json.object()
                .put("access_token", token)
                .put("scope", "api")
                .put("instance_url", org.baseUrl())
                .put("id", id)
                .put("token_type", "Bearer")
                .put("issued_at", issuedAt)
                .put("signature", sign(id + issuedAt));
    }

    /** Form fields win; the query string is a fallback, as the real endpoint also reads it. */
    private static String param(Map<String, List<String>> form, HttpServerRequest request, String name) {
        List<String> values = form.get(name);
        return values != null && !values.isEmpty() ? values.get(0) : request.getParam(name);
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
