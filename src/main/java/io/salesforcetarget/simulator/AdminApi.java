package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test-control endpoints under /__admin/ for the standalone simulator (no auth; it listens on 127.0.0.1).
 * Not counted; recorded only among {@link SalesforceSimulator#recordedOtherRequests()}. Errors are {"error": "..."} with 400/404/405.
 */
final class AdminApi {

    static final String PREFIX = "/__admin/";

    private final SalesforceSimulator simulator;

    AdminApi(SalesforceSimulator simulator) {
        this.simulator = simulator;
    }

    void handle(HttpServerRequest request) {
        Responses.withBody(request, body -> {
            try {
                route(request, request.method().name(), request.path().substring(PREFIX.length()), body);
            } catch (IllegalArgumentException e) {
                error(request.response(), 400, e.getMessage());
            }
        });
    }

    private void route(HttpServerRequest request, String method, String path, Buffer body) {
        HttpServerResponse response = request.response();
        String route = method + " " + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        switch (route) {
            case "POST faults" -> {
                injectFault(json(body));
                Responses.json(response, 200, faultsJson());
            }
            case "GET faults" -> Responses.json(response, 200, faultsJson());
            case "DELETE faults", "POST faults/clear" -> {
                simulator.faults().clear();
                Responses.noContent(response, 204);
            }
            case "POST sessions/expire" -> {
                simulator.expireAllSessions();
                Responses.noContent(response, 204);
            }
            case "POST sessions/revoke" -> {
                boolean live = simulator.revokeSession(json(body).path("token").asText(null));
                Responses.noContent(response, live ? 204 : 404);
            }
            case "GET counters" -> Responses.json(response, 200, Json.MAPPER.valueToTree(simulator.counters()));
            case "POST reset" -> {
                simulator.reset();
                Responses.noContent(response, 204);
            }
            case "GET requests" -> Responses.json(response, 200, Json.MAPPER.valueToTree(simulator.recordedRequests()));
            case "DELETE requests" -> {
                simulator.clearRecordedRequests();
                Responses.noContent(response, 204);
            }
            default -> {
                if (method.equals("GET") && path.startsWith("records/")) {
                    records(response, path.substring("records/".length()));
                } else {
                    error(response, 404, "no admin resource " + route);
                }
            }
        }
    }

    /** {"fault": FaultKind, "count": n (default 1), "target": "api"|"login" (default api), "delayMillis": n}. */
    private void injectFault(JsonNode spec) {
        String kindName = spec.path("fault").asText("");
        FaultKind kind;
        try {
            kind = FaultKind.valueOf(kindName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault '" + kindName + "'; known: " + List.of(FaultKind.values()));
        }
        String targetName = spec.path("target").asText("api");
        FaultTarget target = switch (targetName.toLowerCase(Locale.ROOT)) {
            case "api" -> FaultTarget.API;
            case "login" -> FaultTarget.LOGIN;
            default -> throw new IllegalArgumentException("target must be api or login, not " + targetName);
        };
        Duration delay = Duration.ofMillis(spec.path("delayMillis").asLong(0));
        simulator.faults().inject(target, new Fault(kind, delay), spec.path("count").asInt(1));
    }

    private ObjectNode faultsJson() {
        ObjectNode out = Json.object();
        for (FaultTarget target : FaultTarget.values()) {
            ArrayNode list = out.putArray(target.name().toLowerCase(Locale.ROOT));
            for (Map.Entry<Fault, Integer> e : simulator.faults().list(target)) {
                list.addObject().put("fault", e.getKey().kind().name()).put("count", e.getValue())
                        .put("delayMillis", e.getKey().delay().toMillis());
            }
        }
        return out;
    }

    private void records(HttpServerResponse response, String sobject) {
        ArrayNode out = Json.array();
        try {
            simulator.store().records(sobject).forEach(r -> out.add(Json.MAPPER.valueToTree(r.fields())));
        } catch (IllegalArgumentException e) {
            error(response, 404, e.getMessage());
            return;
        }
        Responses.json(response, 200, out);
    }

    private static JsonNode json(Buffer body) {
        try {
            JsonNode node = body.length() == 0 ? null : Json.MAPPER.readTree(body.getBytes());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object body");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getMessage());
        }
    }

    private static void error(HttpServerResponse response, int status, String message) {
        Responses.send(response, status, Responses.JSON, Json.write(Json.object().put("error", message)));
    }
}
