package io.salesforcetarget.salesforce;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.auth.LoginFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureClassesTest {

    @ParameterizedTest
    @ValueSource(strings = { "GET", "HEAD", "PUT", "PATCH", "DELETE" })
    void requestsSafeToRepeatAreRetriedOnTransientAnswersTimeoutsAndBrokenConnections(String method) {
        for (int status : new int[] { 408, 429, 500, 502, 503, 504 }) {
            assertThat(FailureClasses.isRetryable(method, new SalesforceUnavailableException(status, null)))
                    .as("%s after %d", method, status).isTrue();
        }
        assertThat(FailureClasses.isRetryable(method, new SocketTimeoutException("Read timed out"))).isTrue();
        assertThat(FailureClasses.isRetryable(method, new SocketException("Connection reset"))).isTrue();
        assertThat(FailureClasses.isRetryable(method, new NoHttpResponseException("no response"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "POST", "PATCH" })
    void anAnswerThatIsNotTransientIsNeverRetried(String method) {
        assertThat(FailureClasses.isRetryable(method, new SalesforceUnavailableException(401, "INVALID_SESSION_ID")))
                .isFalse();
        assertThat(FailureClasses.isRetryable(method,
                new SalesforceUnavailableException(403, "REQUEST_LIMIT_EXCEEDED"))).isFalse();
        assertThat(FailureClasses.isRetryable(method, new LoginFailedException("invalid_grant", "no"))).isFalse();
        assertThat(FailureClasses.isRetryable(method, new IllegalStateException("bug"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 408, 429, 500, 503 })
    void aPostSalesforceMayHaveReceivedIsNotRetried(int status) {
        assertThat(FailureClasses.isRetryable("POST", new SalesforceUnavailableException(status, null))).isFalse();
        assertThat(FailureClasses.isRetryable("POST", new SocketTimeoutException("Read timed out"))).isFalse();
        assertThat(FailureClasses.isRetryable("POST", new SocketException("Connection reset"))).isFalse();
        assertThat(FailureClasses.isRetryable("POST", new NoHttpResponseException("no response"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "GET" })
    void aRequestThatNeverReachedSalesforceIsRetriedWhateverItsMethod(String method) throws IOException {
        assertThat(FailureClasses.isRetryable(method, new ConnectException("Connection refused"))).isTrue();
        assertThat(FailureClasses.isRetryable(method, new HttpHostConnectException("Connection refused"))).isTrue();
        assertThat(FailureClasses.isRetryable(method, new ConnectTimeoutException("connect timed out"))).isTrue();
        assertThat(FailureClasses.isRetryable(method, new UnknownHostException("na1.salesforce.com"))).isTrue();
        assertThat(FailureClasses.isRetryable(method, new ConnectionRequestTimeoutException("pool"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 403, 404, 405, 409, 410, 415 })
    void otherClientErrorsAreTheEventsFault(int status) {
        assertThat(FailureClasses.isNotTheEventsFault(status, "INSUFFICIENT_ACCESS")).isFalse();
        assertThat(FailureClasses.isTransient(status)).isFalse();
    }
}
