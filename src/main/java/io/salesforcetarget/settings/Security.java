package io.salesforcetarget.settings;

import io.salesforcetarget.apicall.OperationAllowlist;

/**
 * What may reach the target and what it may do: the operation allowlist, optional inbound credentials (a bearer
 * token, or HTTP Basic user and password; none by default), and whether plain http:// Salesforce servers are allowed
 * beyond loopback.
 */
public record Security(OperationAllowlist allowlist, String inboundBearerToken, String inboundUser,
        String inboundPassword, boolean allowInsecureHttp) {

    public static Security defaults() {
        return new Security(OperationAllowlist.allowingEverything(), null, null, null, false);
    }

    public boolean inboundAuthentication() {
        return inboundBearerToken != null || inboundUser != null;
    }

    @Override
    public String toString() {
        return "Security[allowlist=" + allowlist + ", inboundAuthentication="
                + (inboundBearerToken != null ? "bearer" : inboundUser != null ? "basic" : "none")
                + ", allowInsecureHttp=" + allowInsecureHttp + "]"; // never the credentials
    }
}
