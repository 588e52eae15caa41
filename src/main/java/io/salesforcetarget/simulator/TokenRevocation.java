package io.salesforcetarget.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /services/oauth2/revoke}, as Salesforce's: {@code POST} with the form field {@code token} (or {@code GET}
 * with it in the query) ends that session, answering 200 with no body; afterwards the token gets 401
 * INVALID_SESSION_ID. A token that is not a live session gets 400 {@code invalid_token}.
 */
final class TokenRevocation {

    static final String PATH = "/services/oauth2/revoke";

    private final Sessions sessions;

    TokenRevocation(Sessions sessions) {
        this.sessions = sessions;
    }

    void handle(HttpServerRequest request) {
        if (request.method() == HttpMethod.GET) {
            revoke(request, request.getParam("token"));
        } else if (request.method() == HttpMethod.POST) {
            Responses.withBody(request, body -> {
                List<String> token = new QueryStringDecoder(body.toString(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8, false).parameters().get("token");
                revoke(request, token == null || token.isEmpty() ? null : token.get(0));
            });
        } else {
            Responses.oauthError(request.response(), 400, "invalid_request", "must use HTTP POST");
        }
    }

    private void revoke(HttpServerRequest request, String token) {
        if (sessions.revoke(token)) {
            request.response().setStatusCode(200).end();
        } else {
            Responses.oauthError(request.response(), 400, "invalid_token", "Token was invalid");
        }
    }
}
