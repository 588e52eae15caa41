package io.salesforcetarget.salesforce;

import java.util.function.Function;

import io.salesforcetarget.auth.SalesforceSession;

/**
 * The API version in every URL: the configured one, or else the highest one the instance lists at
 * {@code GET /services/data}, asked once and remembered. A failed discovery is not remembered.
 */
public class ApiVersionResolver {

    private final String configured;
    private final Function<SalesforceSession, String> discovery;
    private volatile String discovered;

    /**
     * @param configured "v59.0", or null to discover
     * @param discovery  asks the instance for its highest version, e.g. "v66.0"
     */
    public ApiVersionResolver(String configured, Function<SalesforceSession, String> discovery) {
        this.configured = configured;
        this.discovery = discovery;
    }

    public String version(SalesforceSession session) {
        if (configured != null) {
            return configured;
        }
        String known = discovered;
        return known != null ? known : discover(session);
    }

    /** {@code {instance_url}/services/data/vNN.N}: the base of every REST call. */
    public String apiBase(SalesforceSession session) {
        return session.instanceUrl() + "/services/data/" + version(session);
    }

    private synchronized String discover(SalesforceSession session) {
        if (discovered == null) {
            discovered = discovery.apply(session);
        }
        return discovered;
    }
}
