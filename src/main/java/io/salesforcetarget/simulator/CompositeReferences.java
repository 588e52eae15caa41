package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code @{referenceId.path}} in a composite subrequest's url and body against the bodies of earlier
 * subrequests. A path walks the JSON with {@code .field} (case-sensitive) and {@code [n]}, e.g.
 * {@code @{refContact.records[0].AccountId}}. A body string that is exactly one reference takes the referenced value
 * with its JSON type; elsewhere the value's text is spliced in. A null value resolves (API 52.0+ behaviour); a missing
 * one does not.
 */
final class CompositeReferences {

    private static final Pattern REFERENCE = Pattern.compile("@\\{([^}]*)}");
    private static final Pattern STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");

    private final Map<String, JsonNode> bodies;

    /** {@code bodies}: referenceId -> body of a subrequest already run. */
    CompositeReferences(Map<String, JsonNode> bodies) {
        this.bodies = bodies;
    }

    /** Thrown for a reference that names no earlier subrequest or no value in its body. */
    static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved(String message) {
            super(message, null, false, false);
        }
    }

    String text(String s) {
        if (s == null || !s.contains("@{")) {
            return s;
        }
        Matcher m = REFERENCE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = value(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value.isValueNode() ? value.asText() : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    JsonNode body(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            Matcher whole = REFERENCE.matcher(node.asText());
            return whole.matches() ? value(whole.group(1)).deepCopy() : TextNode.valueOf(text(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode out = Json.object();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), body(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.array();
            node.forEach(n -> out.add(body(n)));
            return out;
        }
        return node;
    }

    private JsonNode value(String expression) {
        int cut = firstOf(expression);
        String id = expression.substring(0, cut);
        JsonNode at = bodies.get(id);
        Matcher step = STEP.matcher(expression);
        int pos = cut;
        while (at != null && pos < expression.length()) {
            if (!step.find(pos) || step.start() != pos) {
                at = null;
                break;
            }
            at = step.group(1) != null ? at.get(step.group(1)) : at.get(Integer.parseInt(step.group(2)));
            pos = step.end();
        }
        if (at == null || at.isMissingNode()) {
            throw new Unresolved("Invalid reference specified. No value for " + expression + " found in " + id + ".");
        }
        return at;
    }

    private static int firstOf(String expression) {
        for (int i = 0; i < expression.length(); i++) {
            if (expression.charAt(i) == '.' || expression.charAt(i) == '[') {
                return i;
            }
        }
        return expression.length();
    }
}
