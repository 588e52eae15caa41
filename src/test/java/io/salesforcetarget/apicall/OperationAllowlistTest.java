package io.salesforcetarget.apicall;

import java.util.Arrays;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationAllowlistTest {

    private static final OperationAllowlist ALLOWLIST = OperationAllowlist.parse(
            "POST sobjects/Account, PATCH sobjects/Account/*; GET query\n* sobjects/Contact/**");

    private static ApiCallRequest request(String method, String path) {
        return new ApiCallRequest(method, Arrays.asList(path.split("/")), Map.of(), null);
    }

    @ParameterizedTest
    @CsvSource({
            "POST, sobjects/Account", "POST, sobjects/account", "PATCH, sobjects/Account/001000000000001AAA",
            "GET, query", "DELETE, sobjects/Contact", "GET, sobjects/Contact/003/Name", "PUT, sobjects/CONTACT/x" })
    void allowsWhatARuleNames(String method, String path) {
        assertThat(ALLOWLIST.allows(request(method, path))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "DELETE, sobjects/Account/001000000000001AAA", "GET, sobjects/Account", "POST, sobjects/Account/x",
            "PATCH, sobjects/Account", "PATCH, sobjects/Account/a/b", "GET, query/more", "POST, composite/sobjects",
            "GET, limits" })
    void deniesEverythingElse(String method, String path) {
        assertThat(ALLOWLIST.allows(request(method, path))).isFalse();
    }

    @Test
    void aDeniedRequestIsTheEventsFaultAndSaysWhatWasDenied() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ApiCallRequest.PROPERTY, request("DELETE", "sobjects/Account/001"));
        assertThatThrownBy(() -> ALLOWLIST.process(exchange)).isInstanceOfSatisfying(EventFaultException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_VALIDATION);
                    assertThat(e.description()).contains("DELETE sobjects/Account/001", "not allowed");
                });
    }

    @Test
    void noRulesAllowEverything() {
        assertThat(OperationAllowlist.parse(" ").allowsEverything()).isTrue();
        assertThat(OperationAllowlist.allowingEverything().allows(request("DELETE", "sobjects/Account/1"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "sobjects/Account", "CREATE sobjects/Account", "POST sobjects//Account",
            "POST sobjects/Account extra" })
    void anUnreadableRuleIsRefused(String rule) {
        assertThatThrownBy(() -> OperationAllowlist.parse(rule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(rule.split(" ")[0]);
    }
}
