package io.salesforcetarget.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.simulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz suite's oracle must itself catch every escape it is meant to catch. */
class PathInvariantTest {

    private static RecordedRequest request(String method, String uri) {
        int question = uri.indexOf('?');
        return new RecordedRequest(method, question < 0 ? uri : uri.substring(0, question),
                question < 0 ? null : uri.substring(question + 1), Map.of(), "");
    }

    private static List<String> check(String method, String uri) {
        return PathInvariant.violations("v62.0", List.of(request(method, uri)), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/services/data/v62.0/limits",
        "/services/data/v62.0/sobjects/Account/a%20b%3Fc",
        "/services/data/v62.0/sobjects/Account/Ext__c/a%2Fb",
        "/services/data/v62.0/sobjects/Account/%252e%252e",
        "/services/data/v62.0/sobjects/%E2%80%A4%E2%80%A4",
        "/services/data/v62.0/query?q=SELECT+Id+FROM+Account&x=%0D%0A",
        "/services/data/v62.0/sobjects/...",
    })
    void acceptsPathsThatStayBelowTheVersion(String uri) {
        assertThat(check("GET", uri)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/services/data/v62.0/../v61.0/limits",
        "/services/data/v62.0/sobjects/./Account",
        "/services/data/v62.0/sobjects/%2e%2e/x",
        "/services/data/v62.0/sobjects/%2E",
        "/services/data/v62.0/sobjects/Account/%2E%2E",
        "/services/data/v62.0/sobjects/.%2e/limits",
        "/services/data/v62.0/sobjects//Account",
        "/services/data/v62.0/sobjects/Account/",
        "/services/data/v62.0/",
        "/services/data/v61.0/limits",
        "/services/data/v62.0",
        "/services/oauth2/token",
        "/services/data/v62.0/sobjects/a\\..\\b",
        "/services/data/v62.0/sobjects/a b",
        "/services/data/v62.0/sobjects/\u00e9",
        "/services/data/v62.0/sobjects/%zz",
        "/services/data/v62.0/sobjects/%2",
        "/services/data/v62.0/query?q=a b",
        "/services/data/v62.0/query?q=a#b",
    })
    void catchesEveryEscapeAndEveryRawCharacter(String uri) {
        assertThat(check("GET", uri)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "TRACE", "OPTIONS", "CONNECT", "get" })
    void catchesMethodsThatAreNotSalesforceCalls(String method) {
        assertThat(check(method, "/services/data/v62.0/limits")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET /services/data", "GET /__admin/reset", "POST /services/oauth2/token?x=1",
        "GET /services/oauth2/token", "POST /services/oauth2/revoke" })
    void allowsNothingButTheLoginBesideApiCalls(String line) {
        String[] parts = line.split(" ");
        assertThat(PathInvariant.violations("v62.0", List.of(), List.of(request(parts[0], parts[1])))).hasSize(1);
        assertThat(PathInvariant.violations("v62.0", List.of(),
                List.of(request("POST", "/services/oauth2/token")))).isEmpty();
    }
}
