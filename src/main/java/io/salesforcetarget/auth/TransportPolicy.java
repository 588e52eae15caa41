package io.salesforcetarget.auth;

import java.net.URI;
import java.util.Locale;

/**
 * Salesforce is reached over https:// only (with the JVM's trust store, never "trust all"). Plain http:// is
 * accepted on loopback (the simulator, tests), or anywhere when {@code SALESFORCE_ALLOW_INSECURE_HTTP=true}.
 */
public final class TransportPolicy {

    private TransportPolicy() {
    }

    public static boolean isAllowedScheme(URI uri, boolean allowInsecureHttp) {
        if ("https".equalsIgnoreCase(uri.getScheme()) || allowInsecureHttp) {
            return true;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]");
    }
}
