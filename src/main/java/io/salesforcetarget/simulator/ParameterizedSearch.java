package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /parameterizedSearch}: a search given as parameters instead of SOSL, with {@code GET} ({@code q},
 * {@code in}, {@code fields}, {@code sobject} (repeated), {@code Object.fields}, {@code Object.where},
 * {@code Object.limit}, {@code defaultLimit}, {@code overallLimit}) or {@code POST} with the same in a JSON body
 * ({@code sobjects: [{"name", "fields", "where", "limit"}]}). It is answered as the SOSL search it stands for,
 * {@code FIND {q} IN group FIELDS RETURNING Object(fields WHERE ... LIMIT n), ... LIMIT overall}, so its errors are
 * a search's, pointing into that text. Without {@code sobject} it searches every object; fields default to Id.
 */
final class ParameterizedSearch {

    private final SearchResource search;

    ParameterizedSearch(SearchResource search) {
        this.search = search;
    }

    void handle(ApiExchange ex) {
        Params p = switch (ex.method()) {
            case "GET", "HEAD" -> fromQuery(ex);
            case "POST" -> fromBody(ex.jsonBody());
            default -> throw ApiError.methodNotAllowed(ex.method(), "GET,HEAD,POST");
        };
        if (p.q == null || p.q.isBlank()) {
            throw new ApiError(400, SoslParser.MALFORMED, SoslParser.NO_TERM);
        }
        search.reply(ex, SoslQuery.parse(sosl(p)));
    }

    /** One object to return: its name, fields (comma-separated, or null), WHERE condition and LIMIT (or null). */
    private record Target(String name, String fields, String where, String limit) {
    }

    private static final class Params {
        String q;
        String in;
        String fields;
        String defaultLimit;
        String overallLimit;
        final List<Target> targets = new ArrayList<>();
    }

    private static Params fromQuery(ApiExchange ex) {
        Params p = new Params();
        p.q = ex.param("q");
        p.in = ex.param("in");
        p.fields = ex.param("fields");
        p.defaultLimit = ex.param("defaultLimit");
        p.overallLimit = ex.param("overallLimit");
        for (String name : ex.params("sobject")) {
            p.targets.add(new Target(name, ex.param(name + ".fields"), ex.param(name + ".where"),
                    ex.param(name + ".limit")));
        }
        return p;
    }

    private static Params fromBody(JsonNode body) {
        Params p = new Params();
        p.q = text(body.get("q"));
        p.in = text(body.get("in"));
        p.fields = text(body.get("fields"));
        p.defaultLimit = text(body.get("defaultLimit"));
        p.overallLimit = text(body.get("overallLimit"));
        for (JsonNode o : body.path("sobjects")) {
            p.targets.add(new Target(text(o.get("name")), text(o.get("fields")), text(o.get("where")),
                    text(o.get("limit"))));
        }
        return p;
    }

    /** A JSON value as parameter text: an array of strings joined with commas. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            return String.join(",", parts);
        }
        return node.asText();
    }

    private String sosl(Params p) {
        StringBuilder out = new StringBuilder("FIND {").append(p.q).append('}');
        if (p.in != null) {
            out.append(" IN ").append(p.in).append(" FIELDS");
        }
        List<Target> targets = p.targets;
        if (targets.isEmpty()) {
            targets = new ArrayList<>();
            for (String name : search.objectNames()) {
                targets.add(new Target(name, null, null, null));
            }
        }
        out.append(" RETURNING ");
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            String fields = t.fields() != null ? t.fields() : p.fields != null ? p.fields : "Id";
            String limit = t.limit() != null ? t.limit() : p.defaultLimit;
            out.append(i == 0 ? "" : ", ").append(t.name()).append('(').append(fields);
            if (t.where() != null) {
                out.append(" WHERE ").append(t.where());
            }
            if (limit != null) {
                out.append(" LIMIT ").append(limit);
            }
            out.append(')');
        }
        if (p.overallLimit != null) {
            out.append(" LIMIT ").append(p.overallLimit);
        }
        return out.toString();
    }
}
