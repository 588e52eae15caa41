package io.salesforcetarget.security;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * Writes a Jackson tree as JSON text by hand, so that the fuzz suite controls what Jackson would refuse or change:
 * lone surrogates (written as escapes), non-ASCII either raw or escaped, and numbers as raw text of any length
 * ({@link RawValue} in a {@link POJONode}).
 */
final class JsonText {

    private JsonText() {
    }

    static String write(JsonNode node, boolean escapeNonAscii) {
        StringBuilder out = new StringBuilder();
        write(out, node, escapeNonAscii);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode node, boolean escapeNonAscii) {
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, field.getKey(), escapeNonAscii);
                out.append(':');
                write(out, field.getValue(), escapeNonAscii);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, node.get(i), escapeNonAscii);
            }
            out.append(']');
        } else if (node.isTextual()) {
            quote(out, node.textValue(), escapeNonAscii);
        } else if (node.isPojo() && ((POJONode) node).getPojo() instanceof RawValue raw) {
            out.append(raw.rawValue());
        } else {
            out.append(node.toString()); // numbers, booleans, null
        }
    }

    static String quote(String text, boolean escapeNonAscii) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(out, text, escapeNonAscii);
        return out.toString();
    }

    private static void quote(StringBuilder out, String text, boolean escapeNonAscii) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
                    if (c < 0x20 || c == 0x7f || loneSurrogate || (escapeNonAscii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
