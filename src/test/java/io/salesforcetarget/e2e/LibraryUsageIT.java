package io.salesforcetarget.e2e;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.spi.IdAware;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.NewCustomerRoute;

import io.salesforcetarget.salesforce.SalesforceBearerToken;
import io.salesforcetarget.salesforce.SalesforceLibrary;
import io.salesforcetarget.settings.InvalidConfigurationException;
import io.salesforcetarget.simulator.SalesforceSimulator;

import static io.salesforcetarget.e2e.CloudEventClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Another camel-main application (a plain {@link Main}, not the target's) that adds {@link SalesforceLibrary}
 * and its own routes, as the README's "Using it as a library" shows, against a {@link SimulatedOrg}. The target
 * runs only in the test that compares its routes with the library's, since it logs in at start and the session
 * test counts the org's logins.
 */
class LibraryUsageIT {

    private static SimulatedOrg org;
    private static SalesforceSimulator salesforce;
    private static Map<String, String> properties;
    private static Main library;

    @BeforeAll
    static void start() throws Exception {
        org = SimulatedOrg.start();
        salesforce = org.salesforce();
        properties = RunningTarget.with(org.login(), Map.of("camel.component.kamelet.location", "classpath:routes"));

        library = new Main();
        library.configure().addRoutesBuilder(new SalesforceLibrary());
        library.configure().addRoutesBuilder(new NewCustomerRoute());
        library.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // The token processor for a call of one's own: here the limits, outside direct:salesforce-apicall.
                from("direct:limits").routeId("my-limits")
                        .removeHeaders("*")
                        .process(SalesforceLibrary.BEARER_TOKEN)
                        .toD("${header." + SalesforceBearerToken.API_BASE + "}/limits?throwExceptionOnFailure=true");
                // The Kamelet, from the jar's routes/.
                from("direct:kamelet-account").routeId("my-kamelet-account")
                        .to("kamelet:salesforce-apicall-sink?action=POST&resource=sobjects&object=Account");
            }
        });
        properties.forEach(library::addOverrideProperty);
        library.start();
    }

    @AfterAll
    static void stop() throws Exception {
        library.stop();
        org.close();
    }

    @Test
    void aRouteOfAnotherApplicationCreatesAnAccountThroughTheCallRoute() throws Exception {
        String id = library.getCamelTemplate().requestBody("direct:new-customer", "Library Corp", String.class);

        assertThat(salesforce.store().record("Account", id)).hasValueSatisfying(
                account -> assertThat(account.field("Name")).isEqualTo("Library Corp"));
        assertThat(library.getCamelContext().getRoute("cloudevents-receiver")).as("no CloudEvents listener").isNull();
    }

    @Test
    void theTokenProcessorAuthorisesCallsOfOnesOwnWithTheSharedSession() throws Exception {
        long loginsBefore = salesforce.counters().successfulLogins();
        library.getCamelTemplate().requestBody("direct:new-customer", "Warm Up", String.class);
        byte[] limits = library.getCamelTemplate().requestBody("direct:limits", null, byte[].class);

        assertThat(json(limits).has("DailyApiRequests")).isTrue();
        assertThat(salesforce.counters().successfulLogins()).as("one session for both routes")
                .isLessThanOrEqualTo(loginsBefore + 1);
    }

    @Test
    void theKameletWorksInAnotherApplicationToo() throws Exception {
        byte[] created = library.getCamelTemplate().requestBody("direct:kamelet-account",
                Map.of("Name", "Kamelet Library"), byte[].class);

        String id = json(created).get("id").asText();
        assertThat(salesforce.store().record("Account", id)).hasValueSatisfying(
                account -> assertThat(account.field("Name")).isEqualTo("Kamelet Library"));
    }

    @Test
    void theLibraryHasTheSameSalesforceRoutesAsTheTarget() throws Exception {
        try (RunningTarget target = RunningTarget.start(properties)) {
            assertThat(salesforceRoutes(library.getCamelContext())).isEqualTo(salesforceRoutes(target.camelContext()));
        }
    }

    @Test
    void aMissingConfigurationFailsTheStartNamingEveryProblem() throws Exception {
        Main misconfigured = new Main();
        misconfigured.configure().addRoutesBuilder(new SalesforceLibrary());
        try {
            assertThatThrownBy(misconfigured::start)
                    .satisfies(failure -> assertThat(rootOfType(failure)).isNotNull()
                            .hasMessageContaining("salesforce.auth.client-id")
                            .hasMessageContaining("SALESFORCE_AUTH_CERT_KEY"));
        } finally {
            misconfigured.stop();
        }
    }

    private static InvalidConfigurationException rootOfType(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** Route id to its node ids, for the routes the library provides. */
    private static Map<String, List<String>> salesforceRoutes(CamelContext context) {
        return context.getRoutes().stream()
                .filter(route -> route.getRouteId().startsWith("salesforce-") && !route.isCreatedByKamelet())
                .collect(Collectors.toMap(Route::getRouteId,
                        // Camel's generated ids (doFinally1, doFinally2) count nodes across the context: left out.
                        route -> route.filter("*").stream().map(node -> ((IdAware) node).getId())
                                .filter(id -> !id.matches("[a-zA-Z]+\\d+")).sorted().toList(),
                        (a, b) -> a, TreeMap::new));
    }
}
