package io.salesforcetarget.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.camel.component.http.HttpComponent;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.auth.TestKeys;
import io.salesforcetarget.reply.ReplyPolicy;

class TargetConfigurationTest {

    @Test
    void everySalesforceCallIsBoundedAndKeepsNoCookiesNorFollowsRedirects() {
        HttpComponent http = new HttpComponent();
        TargetSettings settings = new TargetSettings("client", "https://login.example.com", "user",
                TestKeys.privateKey(), null, ReplyPolicy.ALWAYS, Duration.ofMillis(1500), "source", 5);

        TargetConfiguration.configureHttpClient(http, settings);

        assertThat(http.getConnectTimeout()).isEqualTo(1500);
        assertThat(http.getConnectionRequestTimeout()).isEqualTo(1500);
        assertThat(http.getResponseTimeout()).isEqualTo(1500);
        assertThat(http.getSoTimeout()).isEqualTo(1500);
        assertThat(http.isFollowRedirects()).isFalse();
        assertThat(http.isAutomaticRetriesDisabled()).as("no hidden re-execution below the target").isTrue();
        assertThat(http.isCookieManagementDisabled()).isTrue();
    }

    @Test
    void asManyConnectionsToSalesforceAsEventsHandledAtOnce() {
        HttpComponent http = new HttpComponent();
        TargetSettings settings = new TargetSettings("client", "https://login.example.com", "user",
                TestKeys.privateKey(), null, ReplyPolicy.ALWAYS, Duration.ofMillis(1500), "source", 5);

        TargetConfiguration.configureHttpClient(http, settings);

        assertThat(http.getConnectionsPerRoute()).isEqualTo(TargetConfiguration.CONCURRENT_CALLS);
        assertThat(http.getMaxTotalConnections()).isEqualTo(TargetConfiguration.CONCURRENT_CALLS);
    }
}
