package io.salesforcetarget.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

class BuildRequestPathTest {

    private static Exchange build(List<String> segments, Map<String, String> query) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ApiCallRequest.PROPERTY, new ApiCallRequest("GET", segments, query, null));
        new BuildRequestPath().process(exchange);
        return exchange;
    }

    @Test
    void keepsTheEncodedPathForEveryAttempt() {
        assertThat(build(List.of("sobjects", "Account", "a b?c"), Map.of("fields", "Name"))
                .getProperty(SalesforceExchange.ENCODED_PATH, String.class))
                .isEqualTo("sobjects/Account/a%20b%3Fc?fields=Name");
    }

    @Test
    void aPathSalesforceWouldRefuseAsTooLongIsTheEventsFault() {
        // found by HostileInputIT: a 20,000-character record made the org drop the connection, so the event got 503
        // and would have come back forever
        String longest = "a".repeat(BuildRequestPath.MAX_ENCODED_LENGTH - "sobjects/".length());
        assertThat(build(List.of("sobjects", longest), Map.of()).getProperty(SalesforceExchange.ENCODED_PATH,
                String.class)).hasSize(BuildRequestPath.MAX_ENCODED_LENGTH);
        assertThatThrownBy(() -> build(List.of("sobjects", longest + "b"), Map.of()))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_VALIDATION);
                    assertThat(e.description()).contains("16001 characters once encoded");
                });
        assertThatThrownBy(() -> build(List.of("query"), Map.of("q", "\u00e9".repeat(3_000)))) // 6 bytes each
                .isInstanceOf(EventFaultException.class);
    }
}
