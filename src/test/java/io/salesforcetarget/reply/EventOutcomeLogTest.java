package io.salesforcetarget.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.metrics.TargetMetrics;
import io.salesforcetarget.salesforce.SalesforceExchange;
import io.salesforcetarget.salesforce.SalesforceRetryPolicy;

/** The outcome line says {@code batch=N} for an event a collection call of N records answered, or failed. */
class EventOutcomeLogTest {

    private static final ApiCallRequest CREATE = new ApiCallRequest("POST", List.of("sobjects", "Account"), Map.of(),
            "{\"Name\":\"A\"}".getBytes());

    private static Exchange exchange(Integer collectionRecords) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ApiCallRequest.PROPERTY, CREATE);
        exchange.setProperty(SalesforceExchange.LAST_STATUS, 201);
        if (collectionRecords != null) {
            exchange.setProperty(SalesforceExchange.COLLECTION_RECORDS, collectionRecords);
        }
        return exchange;
    }

    private static String line(boolean json, Exchange exchange, String outcome, String category, String detail) {
        return new EventOutcomeLog(TargetMetrics.none(), json).line(exchange, CREATE, 200, outcome, category, detail,
                14);
    }

    @Test
    void aCoalescedEventsLineSaysTheRecordsOfItsCollectionCall() {
        assertThat(line(false, exchange(17), "success", "success", null)).isEqualTo("event id=- type=- action=POST"
                + " resource=sobjects/Account salesforce=201 reply=200 success category=success batch=17 14 ms");
        assertThat(line(true, exchange(17), "success", "success", null)).isEqualTo("{\"action\":\"POST\","
                + "\"resource\":\"sobjects/Account\",\"salesforce\":201,\"reply\":200,\"outcome\":\"success\","
                + "\"category\":\"success\",\"batch\":17,\"ms\":14}");
    }

    @Test
    void aWholeCallFailureSaysItsAttemptsAndItsBatch() {
        Exchange failed = exchange(200);
        failed.setProperty(SalesforceExchange.LAST_STATUS, 503);
        failed.setProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS, 3);
        assertThat(line(false, failed, "retry-later", null, "SERVER_UNAVAILABLE: Salesforce answered 503"))
                .isEqualTo("event id=- type=- action=POST resource=sobjects/Account salesforce=503 reply=200"
                        + " retry-later failed-attempts=3 batch=200: SERVER_UNAVAILABLE: Salesforce answered 503 14 ms");
    }

    @Test
    void anEventSentAloneHasNoBatch() {
        assertThat(line(false, exchange(null), "success", "success", null)).doesNotContain("batch");
        assertThat(line(true, exchange(null), "success", "success", null)).doesNotContain("batch");
    }
}
