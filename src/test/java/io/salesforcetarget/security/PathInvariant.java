package io.salesforcetarget.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.salesforcetarget.simulator.RecordedRequest;

/**
 * What Salesforce may ever see from the target, checked on the simulated org's recorded requests:
 * <ul>
 * <li>API calls: the raw path starts with {@code /services/data/{version}/}; below it, every segment is non-empty,
 * made only of RFC 3986 path characters (a {@code \}, space, CR/LF, NUL or non-ASCII byte is never sent raw), with
 * well-formed percent escapes, and, decoded, is neither "." nor ".." (a "/" inside a segment is only ever sent
 * percent-encoded, since the raw path is split on "/"); the raw query holds only RFC 3986 query characters;</li>
 * <li>anything else: only {@code POST /services/oauth2/token} (the login), never a version list (the version is
 * configured), the admin API or an unknown path.</li>
 * </ul>
 */
final class PathInvariant {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD");
    /** RFC 3986 pchar without pct-encoded: unreserved, sub-delims, ":" and "@". */
    private static final String PCHAR = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";

    private PathInvariant() {
    }

    /** Every violation, one line each; empty when all requests are fine. */
    static List<String> violations(String version, List<RecordedRequest> apiCalls, List<RecordedRequest> others) {
        List<String> problems = new ArrayList<>();
        String prefix = "/services/data/" + version + "/";
        for (RecordedRequest request : apiCalls) {
            String problem = apiCallProblem(prefix, request);
            if (problem != null) {
                problems.add(problem + ": " + request.method() + " " + shown(request.uri()));
            }
        }
        for (RecordedRequest request : others) {
            if (!request.method().equals("POST") || !request.path().equals("/services/oauth2/token")
                    || request.query() != null) {
                problems.add("a request that is neither a login nor an API call: " + request.method() + " "
                        + shown(request.uri()));
            }
        }
        return problems;
    }

    static String apiCallProblem(String prefix, RecordedRequest request) {
        if (!METHODS.contains(request.method())) {
            return "method not one of " + METHODS;
        }
        String path = request.path();
        if (!path.startsWith(prefix)) {
            return "outside " + prefix;
        }
        String below = path.substring(prefix.length());
        if (below.isEmpty()) {
            return "no resource below " + prefix;
        }
        for (String segment : below.split("/", -1)) {
            if (segment.isEmpty()) {
                return "empty path segment";
            }
            String problem = segmentProblem(segment);
            if (problem != null) {
                return problem + " in segment '" + shown(segment) + "'";
            }
        }
        if (request.query() != null) {
            for (char c : request.query().toCharArray()) {
                if (PCHAR.indexOf(c) < 0 && c != '%' && c != '/' && c != '?') {
                    return String.format("raw character U+%04X in the query", (int) c);
                }
            }
        }
        return null;
    }

    private static String segmentProblem(String segment) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length() || Character.digit(segment.charAt(i + 1), 16) < 0
                        || Character.digit(segment.charAt(i + 2), 16) < 0) {
                    return "malformed percent escape";
                }
                decoded.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (PCHAR.indexOf(c) >= 0) {
                decoded.write(c);
            } else {
                return String.format("raw character U+%04X", (int) c);
            }
        }
        String text = decoded.toString(StandardCharsets.UTF_8);
        if (text.equals(".") || text.equals("..")) {
            return "a '" + text + "' segment";
        }
        return null;
    }

    private static String shown(String text) {
        String cut = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
