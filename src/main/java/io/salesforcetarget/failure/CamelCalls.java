package io.salesforcetarget.failure;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/** Calls a helper route synchronously and rethrows its failure unwrapped, as the typed exception it is. */
public final class CamelCalls {

    private CamelCalls() {
    }

    public static <T> T request(ProducerTemplate template, String endpoint, Object body, Class<T> type,
            String whatFailed) {
        try {
            return template.requestBody(endpoint, body, type);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RetryLaterException || cause instanceof EventFaultException) {
                throw (RuntimeException) cause;
            }
            // I/O failures (refused, reset, timed out): only the class and message, which hold no secret.
            throw new RetryLaterException(whatFailed + ": " + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage(), "salesforce-unreachable", cause);
        }
    }
}
