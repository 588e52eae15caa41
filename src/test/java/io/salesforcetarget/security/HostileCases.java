package io.salesforcetarget.security;

import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesforcetarget.security.RequestRules.Expectation;

/**
 * Generates hostile HTTP requests for the target, each one from its own seeded {@link Random} (seed and index), so
 * that any case can be generated again alone. Families ({@link FieldCases}, {@link JsonCases}, {@link EnvelopeCases},
 * {@link HeaderCases}, {@link HttpCases}, built on {@link CaseBuilder} and {@link RawRequest}; what each case must
 * get is {@link RequestRules}'):
 * <ul>
 * <li>{@code fields}: a well-formed event whose action, resource, object, record, query and payload hold path
 * traversal in every spelling, CR/LF/NUL, {@code ?}/{@code #}, unicode dots, very long text;</li>
 * <li>{@code types}: a wrong JSON type in a field;</li>
 * <li>{@code numbers}: huge and very precise numbers in the payload and query, checked to arrive unchanged;</li>
 * <li>{@code json}: deep nesting, huge numbers and strings, duplicate keys, trailing data, non-UTF-8 bytes, raw
 * control characters, not JSON at all;</li>
 * <li>{@code envelope}: structured-mode envelopes with missing, mistyped or unknown attributes and specversions;</li>
 * <li>{@code headers}: binary-mode headers with CR, LF, NUL, non-UTF-8 bytes, huge or repeated values, odd
 * content types, broken framing;</li>
 * <li>{@code conflict}: binary and structured mode at once, batch content type;</li>
 * <li>{@code http}: other methods, request targets and versions, pipelining;</li>
 * <li>{@code size}: bodies just under and over the 1 MiB limit.</li>
 * </ul>
 * Many cases carry the sender's own secrets ({@link #INBOUND_SECRET_PREFIX}) in Authorization and Cookie headers
 * or as an envelope extension: they must never reach Salesforce nor come back.
 */
final class HostileCases {

    static final String API_CALL = "io.triggermesh.salesforce.apicall";
    static final String INBOUND_SECRET_PREFIX = "inbound-secret-";
    static final String CORRELATION = "hostile-case";

    private HostileCases() {
    }

    /**
     * A payload and numeric query values that must reach Salesforce unchanged (as numbers); the recorded request is
     * found by its {@value #CORRELATION} query parameter.
     */
    record Fidelity(String marker, JsonNode payload, Map<String, String> numericQuery) {
    }

    record HostileCase(int index, String family, String summary, byte[] request, Expectation expect,
            Fidelity fidelity, boolean halfClose) {
    }

    static long caseSeed(long seed, int index) {
        return seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
    }

    static HostileCase generate(long seed, int index) {
        Random r = new Random(caseSeed(seed, index));
        // the order of the draws makes the case: first the sender's secret, then the family
        String secret = INBOUND_SECRET_PREFIX + Long.toHexString(r.nextLong() & Long.MAX_VALUE);
        int pick = r.nextInt(100);
        if (pick < 34) {
            return build(new FieldCases(index, r, secret), FieldCases::fields);
        } else if (pick < 44) {
            return build(new FieldCases(index, r, secret), FieldCases::types);
        } else if (pick < 50) {
            return build(new FieldCases(index, r, secret), FieldCases::numbers);
        } else if (pick < 62) {
            return build(new JsonCases(index, r, secret), JsonCases::json);
        } else if (pick < 72) {
            return build(new EnvelopeCases(index, r, secret), EnvelopeCases::envelope);
        } else if (pick < 84) {
            return build(new HeaderCases(index, r, secret), HeaderCases::headers);
        } else if (pick < 90) {
            return build(new EnvelopeCases(index, r, secret), EnvelopeCases::conflict);
        } else if (pick < 97) {
            return build(new HttpCases(index, r, secret), HttpCases::requestLine);
        }
        return build(new HttpCases(index, r, secret), HttpCases::size);
    }

    private static <T extends CaseBuilder> HostileCase build(T builder, Consumer<T> family) {
        family.accept(builder);
        return builder.build();
    }
}
