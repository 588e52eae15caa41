package io.salesforcetarget.receiver;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.apicall.OperationAllowlist;
import io.salesforcetarget.failure.UnauthenticatedException;
import io.salesforcetarget.settings.Security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundAuthenticationTest {

    private static final InboundAuthentication BEARER = InboundAuthentication.of(
            new Security(OperationAllowlist.allowingEverything(), "s3cret-token", null, null, false));
    private static final InboundAuthentication BASIC = InboundAuthentication.of(
            new Security(OperationAllowlist.allowingEverything(), null, "broker", "pa:ss", false));

    private static Exchange withAuthorization(String value) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (value != null) {
            exchange.getMessage().setHeader("Authorization", value);
        }
        return exchange;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theConfiguredBearerTokenPasses() {
        assertThatCode(() -> BEARER.process(withAuthorization("Bearer s3cret-token"))).doesNotThrowAnyException();
        assertThatCode(() -> BEARER.process(withAuthorization("bearer s3cret-token"))).doesNotThrowAnyException();
    }

    @Test
    void anythingElseIsRefusedWithABearerChallenge() {
        for (String wrong : new String[] { null, "", "Bearer", "Bearer s3cret-tokeN", "Bearer s3cret-token2",
                "Basic s3cret-token", "s3cret-token" }) {
            assertThatThrownBy(() -> BEARER.process(withAuthorization(wrong)))
                    .as("Authorization: %s", wrong)
                    .isInstanceOfSatisfying(UnauthenticatedException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.challenge()).startsWith("Bearer realm="));
        }
    }

    @Test
    void basicCredentialsAreCheckedAsAWhole() {
        assertThatCode(() -> BASIC.process(withAuthorization(basic("broker:pa:ss")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> BASIC.process(withAuthorization(basic("broker:pa:sS"))))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> BASIC.process(withAuthorization(basic("other:pa:ss"))))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> BASIC.process(withAuthorization("Bearer " + basic("broker:pa:ss").substring(6))))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void withoutConfigurationNothingIsRequired() {
        assertThatCode(() -> InboundAuthentication.none().process(withAuthorization(null))).doesNotThrowAnyException();
    }
}
