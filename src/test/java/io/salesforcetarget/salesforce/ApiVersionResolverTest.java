package io.salesforcetarget.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.salesforcetarget.auth.SalesforceSession;

class ApiVersionResolverTest {

    private static final SalesforceSession SESSION = new SalesforceSession("token", "https://example.my.salesforce.com");

    @Test
    void configuredVersionNeverAsksSalesforce() {
        ApiVersionResolver resolver = new ApiVersionResolver("v59.0", session -> {
            throw new AssertionError("discovery must not run");
        });
        assertThat(resolver.version(SESSION)).isEqualTo("v59.0");
    }

    @Test
    void discoveredVersionIsAskedOnceAndRemembered() {
        AtomicInteger asked = new AtomicInteger();
        ApiVersionResolver resolver = new ApiVersionResolver(null, session -> {
            assertThat(session).isSameAs(SESSION);
            return "v" + (65 + asked.incrementAndGet()) + ".0";
        });
        assertThat(resolver.version(SESSION)).isEqualTo("v66.0");
        assertThat(resolver.version(SESSION)).isEqualTo("v66.0");
        assertThat(asked).hasValue(1);
    }

    @Test
    void failedDiscoveryIsNotRemembered() {
        AtomicInteger asked = new AtomicInteger();
        ApiVersionResolver resolver = new ApiVersionResolver(null, session -> {
            if (asked.incrementAndGet() == 1) {
                throw new SalesforceUnavailableException(503, "SERVER_UNAVAILABLE");
            }
            return "v66.0";
        });
        assertThatThrownBy(() -> resolver.version(SESSION)).isInstanceOf(SalesforceUnavailableException.class);
        assertThat(resolver.version(SESSION)).isEqualTo("v66.0");
        assertThat(asked).hasValue(2);
    }
}
