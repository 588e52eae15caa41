package io.salesforcetarget.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.failure.RetryLaterException;
import io.salesforcetarget.simulator.FaultKind;

import static io.salesforcetarget.e2e.CloudEventClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The routes/ folder against the simulated org: the {@code salesforce-apicall-sink} Kamelet used from Camel routes,
 * and the example integration {@code example-new-account}, off unless {@code example.new-account.enabled} is true.
 * <p>
 * Two targets: {@code withExample} reads routes and Kamelets from the jar's copy (classpath), the helper's
 * {@link #target} from the top-level routes/ folder (the tests run in the project folder), so both locations are
 * exercised.
 */
class KameletAndRoutesIT extends TargetAgainstSimulatedOrg {

    private RunningTarget withExample;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Map<String, String> settings() {
        return Map.of("salesforce.api-version", "62.0");
    }

    @BeforeAll
    void startTheTargetWithTheExample() throws Exception {
        withExample = startTarget(Map.of(
                "example.new-account.enabled", "true",
                "routes.location", "classpath:routes"));
    }

    @AfterAll
    void stopTheTargetWithTheExample() throws Exception {
        withExample.close();
    }

    @Test
    void theExampleIntegrationIsOffByDefault() throws Exception {
        assertThat(target.camelContext().getRoute("example-new-account")).isNull();
        HttpResponse<String> response = postJson(target, "/example/accounts", "{\"Name\":\"Nobody\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(salesforce.store().records("Account")).noneMatch(r -> "Nobody".equals(r.field("Name")));
    }

    @Test
    void theExampleIntegrationCreatesAnAccountThroughTheKamelet() throws Exception {
        HttpResponse<String> response = postJson(withExample, "/example/accounts", "{\"Name\":\"Example Corp\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = json(response.body().getBytes());
        assertThat(created.get("success").asBoolean()).isTrue();
        String id = created.get("id").asText();
        assertThat(salesforce.store().record("Account", id)).hasValueSatisfying(
                account -> assertThat(account.field("Name")).isEqualTo("Example Corp"));
    }

    @Test
    void theExampleIntegrationAnswers400WhenSalesforceRejectsTheRequestAnd503WhenItIsDown() throws Exception {
        HttpResponse<String> rejected = postJson(withExample, "/example/accounts", "{\"NoSuchField__c\":1}");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("Salesforce answered 400");

        salesforce.faults().api(FaultKind.SERVICE_UNAVAILABLE_JSON, 1);
        HttpResponse<String> down = postJson(withExample, "/example/accounts", "{\"Name\":\"Later Inc\"}");
        assertThat(down.statusCode()).isEqualTo(503);
    }

    @Test
    void anyRouteCanCreateReadUpdateAndDeleteWithTheKamelet() throws Exception {
        for (RunningTarget each : new RunningTarget[] { target, withExample }) {
            ProducerTemplate template = each.camelContext().createProducerTemplate();
            // A Map body is sent as the JSON payload.
            Exchange created = template.request(
                    "kamelet:salesforce-apicall-sink?action=post&resource=sobjects&object=Account",
                    exchange -> exchange.getMessage().setBody(Map.of("Name", "Kamelet Ltd")));
            assertThat(created.getException()).isNull();
            assertThat(created.getMessage().getHeader("SalesforceStatusCode", Integer.class)).isEqualTo(201);
            String id = json(created.getMessage().getBody(byte[].class)).get("id").asText();

            // JSON text is sent as it is; no body means no payload.
            template.requestBody("kamelet:salesforce-apicall-sink?action=PATCH&resource=sobjects&object=Account"
                    + "&record=" + id, "{\"BillingCity\":\"Lyon\"}");
            byte[] read = template.requestBody("kamelet:salesforce-apicall-sink?action=GET&resource=sobjects"
                    + "&object=Account&record=" + id, null, byte[].class);
            assertThat(json(read).get("BillingCity").asText()).isEqualTo("Lyon");
            assertThat(json(read).get("Name").asText()).isEqualTo("Kamelet Ltd");

            Exchange deleted = template.request("kamelet:salesforce-apicall-sink?action=DELETE&resource=sobjects"
                    + "&object=Account&record=" + id, exchange -> { });
            assertThat(deleted.getMessage().getHeader("SalesforceStatusCode", Integer.class)).isEqualTo(204);
            assertThat(salesforce.store().record("Account", id)).isEmpty();
        }
    }

    @Test
    void failuresReachTheCallingRouteTyped() {
        ProducerTemplate template = withExample.camelContext().createProducerTemplate();

        assertThatThrownBy(() -> template.requestBody(
                "kamelet:salesforce-apicall-sink?action=GET&resource=sobjects&object=Account&record=001000000000000AAA",
                (Object) null))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOfSatisfying(EventFaultException.class,
                        fault -> assertThat(fault.code()).isEqualTo(ErrorCode.ADAPTER_PROCESS));
        assertThatThrownBy(() -> template.requestBody(
                "kamelet:salesforce-apicall-sink?action=FETCH&resource=sobjects", (Object) null))
                .cause().isInstanceOfSatisfying(EventFaultException.class,
                        fault -> assertThat(fault.code()).isEqualTo(ErrorCode.REQUEST_VALIDATION));
        assertThatThrownBy(() -> template.requestBody(
                "kamelet:salesforce-apicall-sink?action=POST&resource=sobjects&object=Account", "not json"))
                .cause().isInstanceOfSatisfying(EventFaultException.class,
                        fault -> assertThat(fault.code()).isEqualTo(ErrorCode.REQUEST_PARSING));

        // A persistent outage: the call's own retries are exhausted, then the failure reaches the caller.
        salesforce.faults().api(FaultKind.SERVICE_UNAVAILABLE_JSON, 10);
        try {
            assertThatThrownBy(() -> template.requestBody("kamelet:salesforce-apicall-sink?action=GET&resource=limits",
                    (Object) null)).cause().isInstanceOf(RetryLaterException.class);
        } finally {
            salesforce.faults().clear();
        }
    }

    @Test
    void aRouteAddedAtRunTimeUsesTheKameletAsItsSink() throws Exception {
        withExample.camelContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:new-contact").routeId("user-new-contact")
                        .setBody(simple("{\"LastName\":\"${header.lastName}\"}"))
                        .to("kamelet:salesforce-apicall-sink?action=POST&resource=sobjects&object=Contact");
            }
        });
        byte[] answer = withExample.camelContext().createProducerTemplate()
                .requestBodyAndHeader("direct:new-contact", null, "lastName", "Doe", byte[].class);

        String id = json(answer).get("id").asText();
        assertThat(salesforce.store().record("Contact", id)).hasValueSatisfying(
                contact -> assertThat(contact.field("LastName")).isEqualTo("Doe"));
    }

    @Test
    void aRoutesFolderWithoutTheKameletStillGetsItFromTheJar(@TempDir Path folder) throws Exception {
        Path routes = Files.createDirectory(folder.resolve("routes"));
        Files.writeString(routes.resolve("my-accounts.yaml"), String.join("\n",
                "- route:",
                "    id: my-accounts",
                "    from:",
                "      uri: \"platform-http:/my/accounts\"",
                "      steps:",
                "        - to: \"kamelet:salesforce-apicall-sink?action=POST&resource=sobjects&object=Account\""));
        Map<String, String> settings = Map.of(
                "routes.location", "file:" + routes.toAbsolutePath(),
                "example.new-account.enabled", "true"); // on, yet absent: the jar's routes are not read
        try (RunningTarget ownRoutes = startTarget(settings)) {
            assertThat(ownRoutes.camelContext().getRoute("example-new-account")).as("the folder replaces the jar's")
                    .isNull();
            HttpResponse<String> response = postJson(ownRoutes, "/my/accounts", "{\"Name\":\"Own Routes\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            String id = json(response.body().getBytes()).get("id").asText();
            assertThat(salesforce.store().record("Account", id)).isPresent();
        }
    }

    private HttpResponse<String> postJson(RunningTarget target, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()).resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
