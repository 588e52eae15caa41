package io.salesforcetarget.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.failure.LogText;
import io.salesforcetarget.failure.SalesforceErrorBody;

/**
 * Decides what Salesforce's answer means, in one place:
 * <ul>
 * <li>2xx and 3xx: success; the body (Salesforce's JSON, empty for 204) stays as the result.</li>
 * <li>401 (even after a new login), 403 REQUEST_LIMIT_EXCEEDED, 408, 429 and 5xx: not the event's fault,
 * {@link SalesforceUnavailableException}, so the sender retries.</li>
 * <li>any other 4xx: Salesforce refused this request, {@link EventFaultException} {@code adapter-process} with
 * Salesforce's status and error body as details.</li>
 * </ul>
 */
public class InterpretSalesforceResponse implements Processor {

    @Override
    public void process(Exchange exchange) {
        int status = exchange.getMessage().getHeader(SalesforceExchange.STATUS_CODE, Integer.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (status >= 200 && status < 400) {
            if (body.length > 0 && !SalesforceErrorBody.isJson(body)) {
                // The call was made and may have changed data: acknowledge it, never ask for a redelivery.
                throw new EventFaultException(ErrorCode.RESPONSE_PARSING,
                        "Salesforce answered " + status + " with a body that is not JSON", detail(status, body));
            }
            return;
        }
        SalesforceErrorBody error = SalesforceErrorBody.of(body);
        if (FailureClasses.isNotTheEventsFault(status, error.errorCode())) {
            throw new SalesforceUnavailableException(status, error.errorCode());
        }
        throw new EventFaultException(ErrorCode.ADAPTER_PROCESS, describe(status, error), detail(status, body));
    }

    private static String describe(int status, SalesforceErrorBody error) {
        StringBuilder description = new StringBuilder("Salesforce answered ").append(status);
        if (error.errorCode() != null) {
            description.append(' ').append(error.errorCode());
        }
        if (error.message() != null) {
            // Salesforce's message may quote the request (a record id with CR/LF): it goes into logs
            description.append(": ").append(LogText.withoutControlCharacters(error.message()));
        }
        return description.toString();
    }

    private static Map<String, Object> detail(int status, byte[] body) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statusCode", status);
        details.put("body", SalesforceErrorBody.of(body).asDetail());
        return details;
    }
}
