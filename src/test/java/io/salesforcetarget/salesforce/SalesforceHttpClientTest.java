package io.salesforcetarget.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.camel.component.http.HttpComponent;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.settings.Coalescing;
import io.salesforcetarget.settings.EventStoreSettings;
import io.salesforcetarget.settings.Reliability;
import io.salesforcetarget.settings.ReplyPolicy;
import io.salesforcetarget.settings.Security;
import io.salesforcetarget.settings.TargetSettings;
import io.salesforcetarget.simulator.TestKeys;

class SalesforceHttpClientTest {

    private static final Reliability RELIABILITY = new Reliability(Duration.ofMillis(700), 12, Duration.ofMillis(300),
            3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), 100,
            1_000_000, Duration.ofMinutes(1), Duration.ofSeconds(5));

    @Test
    void everySalesforceCallIsBoundedAndKeepsNoCookiesNorFollowsRedirects() {
        HttpComponent http = new HttpComponent();
        TargetSettings settings = new TargetSettings("client", "https://login.example.com", "user",
                TestKeys.privateKey(), null, ReplyPolicy.ALWAYS, Duration.ofMillis(1500), "source", 5, RELIABILITY,
                Security.defaults(), false, Coalescing.off(), EventStoreSettings.memory());

        SalesforceHttpClient.configure(http, settings).stop();

        assertThat(http.getConnectTimeout()).isEqualTo(700);
        assertThat(http.getConnectionRequestTimeout()).as("the bounded wait for a free connection").isEqualTo(300);
        assertThat(http.getMaxTotalConnections()).as("at most N concurrent Salesforce calls").isEqualTo(12);
        assertThat(http.getConnectionsPerRoute()).isEqualTo(12);
        assertThat(http.getResponseTimeout()).as("bounded by the call's deadline, not per read").isZero();
        assertThat(http.getSoTimeout()).isZero();
        assertThat(http.getHttpClientConfigurer()).as("adds the deadline to the client").isNotNull();
        assertThat(http.isFollowRedirects()).isFalse();
        assertThat(http.isAutomaticRetriesDisabled()).as("no hidden re-execution below the target").isTrue();
        assertThat(http.isCookieManagementDisabled()).isTrue();
    }
}
