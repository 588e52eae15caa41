package io.salesforcetarget.simulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One API request exactly as it arrived.
 *
 * @param method  HTTP method as sent (before any {@code _HttpMethod} override)
 * @param path    raw path, not percent-decoded
 * @param query   raw query string without "?", or null
 * @param headers header name (case-insensitive lookup) to values, in arrival order
 * @param body    body decoded as UTF-8 ("" when empty)
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              String body) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The request as it arrived; {@code body} null for a request whose body is not read. */
    static RecordedRequest of(HttpServerRequest request, Buffer body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        return new RecordedRequest(request.method().name(), request.path(), request.query(), headers,
                body == null ? "" : body.toString(StandardCharsets.UTF_8));
    }

    /** First value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Path plus "?query" when there is one, as on the request line. */
    public String uri() {
        return query == null ? path : path + "?" + query;
    }
}
