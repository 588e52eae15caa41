package io.salesforcetarget.apicall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.failure.LogText;

/**
 * Which actions may be applied to which resource paths ({@code SALESFORCE_ALLOWED_OPERATIONS}). Rules are separated
 * by commas, semicolons or line breaks; each is {@code METHOD path}: the method or {@code *}, and "/"-separated path
 * segments where {@code *} matches one segment and {@code **} any number (zero included). Segments compare without
 * case, as Salesforce's object names do. Examples: {@code POST sobjects/Account}, {@code PATCH sobjects/Account/*},
 * {@code GET query}, {@code * sobjects/Contact/**}. No rules: everything is allowed.
 */
public final class OperationAllowlist implements Processor {

    private final List<Rule> rules;

    private OperationAllowlist(List<Rule> rules) {
        this.rules = rules;
    }

    public static OperationAllowlist allowingEverything() {
        return new OperationAllowlist(List.of());
    }

    /** @throws IllegalArgumentException naming the first rule that cannot be read */
    public static OperationAllowlist parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : text.split("[,;\\n]")) {
            String rule = entry.trim();
            if (!rule.isEmpty()) {
                rules.add(Rule.parse(rule));
            }
        }
        return new OperationAllowlist(List.copyOf(rules));
    }

    public boolean allowsEverything() {
        return rules.isEmpty();
    }

    public boolean allows(ApiCallRequest request) {
        return rules.isEmpty() || rules.stream().anyMatch(rule -> rule.matches(request));
    }

    @Override
    public void process(Exchange exchange) {
        ApiCallRequest request = exchange.getProperty(ApiCallRequest.PROPERTY, ApiCallRequest.class);
        if (!allows(request)) {
            throw new EventFaultException(ErrorCode.REQUEST_VALIDATION, "operation " + request.method() + " "
                    + LogText.printable(request.resourcePath())
                    + " is not allowed by this target's operation allowlist");
        }
    }

    @Override
    public String toString() {
        return rules.isEmpty() ? "everything" : rules.toString();
    }

    private record Rule(String method, List<String> pattern) {

        static Rule parse(String text) {
            String[] parts = text.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + text + "' is not 'METHOD path', e.g. 'POST sobjects/Account'");
            }
            String method = parts[0].toUpperCase(Locale.ROOT);
            if (!method.equals("*") && !ApiCallRequestParser.METHODS.contains(method)) {
                throw new IllegalArgumentException("'" + text + "': " + parts[0] + " is not an HTTP method or *");
            }
            List<String> pattern = Arrays.asList(parts[1].split("/", -1));
            if (pattern.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("'" + text + "' has an empty path segment");
            }
            return new Rule(method, List.copyOf(pattern));
        }

        boolean matches(ApiCallRequest request) {
            return (method.equals("*") || method.equals(request.method()))
                    && matches(0, request.segments(), 0);
        }

        private boolean matches(int p, List<String> segments, int s) {
            if (p == pattern.size()) {
                return s == segments.size();
            }
            String expected = pattern.get(p);
            if (expected.equals("**")) {
                for (int rest = s; rest <= segments.size(); rest++) {
                    if (matches(p + 1, segments, rest)) {
                        return true;
                    }
                }
                return false;
            }
            return s < segments.size()
                    && (expected.equals("*") || expected.equalsIgnoreCase(segments.get(s)))
                    && matches(p + 1, segments, s + 1);
        }

        @Override
        public String toString() {
            return method + " " + String.join("/", pattern);
        }
    }
}
