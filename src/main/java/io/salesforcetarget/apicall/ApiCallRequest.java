package io.salesforcetarget.apicall;

import java.util.List;
import java.util.Map;

/**
 * One validated Salesforce API call, as named by the event's data.
 *
 * @param method   the HTTP method, upper case
 * @param segments the path below {@code /services/data/vNN.N/}: resource, object and record split on "/", not encoded
 * @param query    query parameters in the order given
 * @param body     the JSON payload as bytes, or null for no body
 */
public record ApiCallRequest(String method, List<String> segments, Map<String, String> query, byte[] body) {

    /** Exchange property holding the {@link ApiCallRequest} being sent. */
    public static final String PROPERTY = "SalesforceTargetRequest";

    /** {@code resource/object/record} as given, for logs. */
    public String resourcePath() {
        return String.join("/", segments);
    }

    @Override
    public String toString() {
        return method + " " + resourcePath();
    }
}
