package io.salesforcetarget.salesforce;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.auth.JwtAssertionFactory;
import io.salesforcetarget.auth.SalesforceLogin;
import io.salesforcetarget.auth.SalesforceLoginRoute;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.failure.CamelCalls;
import io.salesforcetarget.settings.InvalidConfigurationException;
import io.salesforcetarget.settings.Reliability;
import io.salesforcetarget.settings.Security;
import io.salesforcetarget.settings.TargetSettings;

/**
 * The library entry point: the Salesforce call for another Camel application, without the CloudEvents listener.
 * It defines no route of its own; added as a RoutesBuilder, it reads the settings, configures the {@code http}
 * component ({@link SalesforceHttpClient}), binds the beans and adds the login and call routes. Add it and set the
 * {@code salesforce.auth.*} properties, then send request JSON to {@value SalesforceApiCallRoutes#API_CALL}. The
 * target itself wires its Salesforce side through it, exactly as a library user gets it.
 * <p>
 * It adds the routes {@code salesforce-apicall}, {@code salesforce-call}, {@code salesforce-send},
 * {@code salesforce-api-versions} and {@code salesforce-login}, and binds the beans {@value #SETTINGS},
 * {@value #TOKEN_CACHE}, {@value #API_VERSION_RESOLVER} and {@value #BEARER_TOKEN} (a processor that sets
 * {@code Authorization} and the instance URL for calls of your own). Properties, as in the target's
 * application.properties: {@code salesforce.auth.client-id}, {@code salesforce.auth.server},
 * {@code salesforce.auth.user}, one of {@code salesforce.auth.cert-key} / {@code salesforce.auth.cert-key-file};
 * optional {@code salesforce.api-version} and the other {@code salesforce.*} settings (timeouts, retries, login
 * interval, operation allowlist). An invalid configuration fails the start with
 * {@link InvalidConfigurationException}, naming every problem.
 * <p>
 * The context's {@code http} component is configured as the target's (timeouts, no redirects, no automatic
 * retries, no cookies): other {@code http:} endpoints of the application get the same settings.
 */
public class SalesforceLibrary extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceLibrary.class);

    public static final String SETTINGS = "targetSettings";
    public static final String TOKEN_CACHE = "tokenCache";
    public static final String API_VERSION_RESOLVER = "apiVersionResolver";
    public static final String BEARER_TOKEN = "salesforceBearerToken";

    private final TargetSettings givenSettings;

    /** Reads the settings from the context's properties when the routes are added. */
    public SalesforceLibrary() {
        this(null);
    }

    /** @param settings the settings to use instead of the context's properties */
    public SalesforceLibrary(TargetSettings settings) {
        this.givenSettings = settings;
    }

    @Override
    public void configure() throws Exception {
        CamelContext context = getContext();
        TargetSettings settings = givenSettings != null ? givenSettings : TargetSettings.from(context);
        context.getRegistry().bind(SETTINGS, settings);

        context.addService(SalesforceHttpClient.configure(context.getComponent("http", HttpComponent.class), settings));

        Reliability reliability = settings.reliability();
        Security security = settings.security();
        ProducerTemplate template = context.createProducerTemplate();
        TokenCache tokens = new TokenCache(new SalesforceLogin(template, settings.username()),
                reliability.loginMinInterval(), Clock.systemUTC());
        ApiVersionResolver versions = new ApiVersionResolver(settings.apiVersion(),
                session -> CamelCalls.request(template, SalesforceApiCallRoutes.API_VERSIONS, session, String.class,
                        "Salesforce API version discovery failed"));
        context.getRegistry().bind(TOKEN_CACHE, tokens);
        context.getRegistry().bind(API_VERSION_RESOLVER, versions);
        context.getRegistry().bind(BEARER_TOKEN, new SalesforceBearerToken(tokens, versions));

        JwtAssertionFactory assertions = new JwtAssertionFactory(settings.clientId(), settings.username(),
                settings.authServer(), settings.privateKey(), Clock.systemUTC());
        if (security.allowlist().allowsEverything()) {
            LOG.warn("No operation allowlist (SALESFORCE_ALLOWED_OPERATIONS): every request may make any Salesforce"
                    + " call with the full rights of {}", settings.username());
        }
        context.addRoutes(new SalesforceLoginRoute(assertions, settings.authServer(), security.allowInsecureHttp()));
        context.addRoutes(new SalesforceApiCallRoutes(tokens, versions, new SalesforceRetryPolicy(
                reliability.retryMaxAttempts(), reliability.retryInitialDelay(), reliability.retryMaxDelay(),
                reliability.retryBudget()), security.allowlist(),
                new CallSlots(reliability.maxConcurrentCalls(), reliability.poolWait()), settings.coalescing()));
    }

}
