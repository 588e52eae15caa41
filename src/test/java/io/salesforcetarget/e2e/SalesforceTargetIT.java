package io.salesforcetarget.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.StandardError;
import io.salesforcetarget.security.RawHttp;
import io.salesforcetarget.simulator.FaultKind;
import io.salesforcetarget.simulator.RecordedRequest;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static io.salesforcetarget.e2e.CloudEventClient.dataOf;
import static io.salesforcetarget.e2e.CloudEventClient.replyOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application on a free port, driven over HTTP with real CloudEvents, against the simulated org on
 * loopback, which verifies every login assertion's RS256 signature with the public half of a key made here.
 * This class uses a PKCS#8 key given as PEM text and a configured API version.
 */
class SalesforceTargetIT extends TargetAgainstSimulatedOrg {

    @Override
    protected Map<String, String> settings() {
        return Map.of("salesforce.auth.server", salesforce.baseUrl() + "/", // a trailing slash is taken off
                "salesforce.api-version", "62.0",
                "events.payload-policy", "always");
    }

    @Test
    void createsRetrievesUpdatesAndDeletesAnAccount() throws Exception {
        HttpResponse<byte[]> created = client.sendBinary(API_CALL,
                "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"account\",\"payload\":{\"Name\":\"Jane Doe\"}}");
        CloudEvent createdReply = replyOf(created);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(createdReply.getType()).isEqualTo("io.triggermesh.salesforce.apicall.response");
        assertThat(createdReply.getExtension("category")).isEqualTo("success");
        JsonNode createdData = dataOf(createdReply);
        assertThat(createdData.get("success").asBoolean()).isTrue();
        String id = createdData.get("id").asText();
        assertThat(id).hasSize(18).startsWith("001");

        CloudEvent retrieved = replyOf(client.sendBinary(API_CALL, "{\"action\":\"get\",\"resource\":\"sobjects\","
                + "\"object\":\"account\",\"record\":\"" + id + "\",\"query\":{\"fields\":\"Name,BillingCity\"}}"));
        assertThat(dataOf(retrieved).get("Name").asText()).isEqualTo("Jane Doe");

        HttpResponse<byte[]> updated = client.sendBinary(API_CALL, "{\"action\":\"PATCH\",\"resource\":\"sobjects\","
                + "\"object\":\"account\",\"record\":\"" + id + "\","
                + "\"payload\":{\"Name\":\"Janet Does\",\"BillingCity\":\"San Francisco\"}}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(replyOf(updated).getExtension("category")).isEqualTo("success");
        assertThat(replyOf(updated).getData()).as("Salesforce answered 204: no data").isNull();

        CloudEvent reread = replyOf(client.sendBinary(API_CALL, "{\"action\":\"GET\",\"resource\":\"sobjects\","
                + "\"object\":\"account\",\"record\":\"" + id + "\",\"query\":{\"fields\":\"Name,BillingCity\"}}"));
        assertThat(dataOf(reread).get("BillingCity").asText()).isEqualTo("San Francisco");

        CloudEvent deleted = replyOf(client.sendBinary(API_CALL, "{\"action\":\"DELETE\",\"resource\":\"sobjects\","
                + "\"object\":\"account\",\"record\":\"" + id + "\"}"));
        assertThat(deleted.getExtension("category")).isEqualTo("success");

        HttpResponse<byte[]> gone = client.sendBinary(API_CALL, "{\"action\":\"GET\",\"resource\":\"sobjects\","
                + "\"object\":\"account\",\"record\":\"" + id + "\"}");
        CloudEvent goneReply = replyOf(gone);
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(goneReply.getExtension("category")).isEqualTo("error");
        JsonNode error = dataOf(goneReply);
        assertThat(error.get("code").asText()).isEqualTo("adapter-process");
        assertThat(error.at("/details/statusCode").asInt()).isEqualTo(404);
        assertThat(error.at("/details/body/0/errorCode").asText()).isEqualTo("NOT_FOUND");

        assertThat(salesforce.recordedRequests()).extracting(RecordedRequest::path)
                .allMatch(path -> path.startsWith("/services/data/v62.0/sobjects/account"));
    }

    @Test
    void structuredEventsGetStructuredReplies() throws Exception {
        HttpResponse<byte[]> response = client.sendStructured(API_CALL,
                "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Contact\",\"payload\":{\"LastName\":\"Doe\"}}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/cloudevents+json"));
        CloudEvent reply = replyOf(response);
        assertThat(reply.getExtension("category")).isEqualTo("success");
        assertThat(dataOf(reply).get("id").asText()).startsWith("003");
    }

    @Test
    void expiredSessionIsRenewedWithExactlyOneLoginForManyConcurrentEvents() throws Exception {
        assertThat(replyOf(client.sendBinary(API_CALL, "{\"action\":\"GET\",\"resource\":\"limits\"}"))
                .getExtension("category")).isEqualTo("success");
        long loginsBefore = salesforce.counters().successfulLogins();
        salesforce.expireAllSessions();

        ExecutorService senders = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                responses.add(senders.submit(() -> client.sendBinary(API_CALL,
                        "{\"action\":\"GET\",\"resource\":\"limits\"}")));
            }
            for (Future<HttpResponse<byte[]>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                assertThat(replyOf(response.get()).getExtension("category")).isEqualTo("success");
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(salesforce.counters().successfulLogins() - loginsBefore).isEqualTo(1);
    }

    @Test
    void nothingOfTheInboundRequestReachesSalesforceAndSegmentsStaySegments() throws Exception {
        HttpResponse<byte[]> response = client.sendBinary(API_CALL,
                "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"Ext__c/a b?c#d\","
                        + "\"payload\":{\"Name\":\"Upserted\"}}",
                "Cookie", "session=inbound", "Authorization", "Bearer inbound-secret", "X-Forwarded-For", "10.0.0.1");
        assertThat(replyOf(response).getExtension("category")).isEqualTo("success");

        RecordedRequest sent = salesforce.recordedRequests().get(salesforce.recordedRequests().size() - 1);
        assertThat(sent.path()).isEqualTo("/services/data/v62.0/sobjects/Account/Ext__c/a%20b%3Fc%23d");
        assertThat(sent.header("Authorization")).startsWith("Bearer ").doesNotContain("inbound-secret");
        assertThat(sent.header("Cookie")).isNull();
        assertThat(sent.header("X-Forwarded-For")).isNull();
        assertThat(sent.header("ce-id")).isNull();
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).isEmpty();
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void pathTraversalIsRefusedBeforeAnythingIsSent() throws Exception {
        CloudEvent reply = replyOf(client.sendBinary(API_CALL,
                "{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"../../../x\"}"));
        assertThat(reply.getExtension("category")).isEqualTo("error");
        assertThat(dataOf(reply).get("code").asText()).isEqualTo("request-validation");
        assertThat(salesforce.recordedRequests()).isEmpty();
    }

    @Test
    void aPostThatSalesforceReceivedIsNotRepeatedInsideButTheSenderRetriesAndSucceeds() throws Exception {
        salesforce.faults().api(FaultKind.SERVICE_UNAVAILABLE_JSON, 1);
        String create = "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
                + "\"payload\":{\"Name\":\"Outage\"}}";

        HttpResponse<byte[]> refused = client.sendBinary(API_CALL, create);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(CloudEventClient.json(refused.body()).get("code").asText()).isEqualTo("retry-later");
        assertThat(salesforce.recordedRequests()).as("a POST Salesforce may have seen is sent once").hasSize(1);

        assertThat(client.sendBinary(API_CALL, create).statusCode()).isEqualTo(200);
    }

    @Test
    void requestLimitExceededIsRetriedLaterWithoutALogin() throws Exception {
        client.sendBinary(API_CALL, "{\"action\":\"GET\",\"resource\":\"limits\"}");
        long loginsBefore = salesforce.counters().successfulLogins();
        salesforce.faults().api(FaultKind.REQUEST_LIMIT_EXCEEDED, 1);

        HttpResponse<byte[]> response = client.sendBinary(API_CALL, "{\"action\":\"GET\",\"resource\":\"limits\"}");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(salesforce.counters().successfulLogins()).isEqualTo(loginsBefore);
    }

    @Test
    void aRequestThatIsNotACloudEventGets400() throws Exception {
        HttpResponse<byte[]> response = client.sendRaw("application/json", "{\"action\":\"GET\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(CloudEventClient.json(response.body()).get("code").asText()).isEqualTo("invalid-cloudevent");
    }

    /** Refused by Vert.x before any route: 400 and one warning line, not "Unhandled exception in router". */
    @Test
    void aRequestTargetThatCannotBeDecodedGets400AndOneWarning() throws Exception {
        StandardError.Captured<RawHttp.Answer> answer = StandardError.during(
                () -> RawHttp.send(java.net.URI.create(target.url()).getPort(), "POST", "/%zz"));
        assertThat(answer.result().status()).isEqualTo(400);
        assertThat(answer.text()).contains("request refused before the route: reply=400 invalid-request POST /%zz")
                .doesNotContain("Unhandled exception in router");
    }

    @Test
    void anUnsupportedEventTypeGetsAnEventContextError() throws Exception {
        CloudEvent reply = replyOf(client.sendBinary("com.example.other", "{}"));
        assertThat(dataOf(reply).get("code").asText()).isEqualTo("event-context");
        assertThat(salesforce.recordedRequests()).isEmpty();
    }

    private static String get(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPort() throws Exception {
        client.sendBinary(API_CALL, "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
                + "\"payload\":{\"Name\":\"Metered\"}}");

        assertThat(get(target.healthUrl("ready"))).contains("\"UP\"");
        assertThat(get(target.healthUrl("live"))).contains("\"UP\"");
        String metrics = get(target.metricsUrl());
        assertThat(metrics).contains(
                "salesforce_target_events_total{action=\"POST\",outcome=\"success\"}",
                "salesforce_target_event_seconds_bucket{outcome=\"success\",le=\"0.001\"}",
                "salesforce_target_salesforce_call_seconds_count{action=\"POST\",status=\"201\"}",
                "salesforce_target_logins_total{result=\"success\"}",
                "salesforce_target_api_usage_max 15000.0",
                "salesforce_target_salesforce_calls_in_flight",
                "salesforce_target_salesforce_calls_total{kind=\"single\"}",
                "salesforce_target_events_per_call_bucket{le=\"1.0\"}",
                "salesforce_target_coalescing_waiting_writes 0.0",
                "camel_routes_running");
    }
}
