package io.salesforcetarget.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyPolicyTest {

    @ParameterizedTest
    @CsvSource({ "always,ALWAYS", "ALWAYS,ALWAYS", "Error,ERROR", "error,ERROR", "NeVeR,NEVER", "' never ',NEVER" })
    void parsesCaseInsensitively(String text, ReplyPolicy policy) {
        assertThat(ReplyPolicy.parse(text)).isEqualTo(policy);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  " })
    void defaultsToAlways(String text) {
        assertThat(ReplyPolicy.parse(text)).isEqualTo(ReplyPolicy.ALWAYS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sometimes", "errors", "none", "true" })
    void rejectsUnknownPolicies(String text) {
        assertThatThrownBy(() -> ReplyPolicy.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({ "ALWAYS,true,true", "ERROR,false,true", "NEVER,false,false" })
    void whichOutcomesGetAReply(ReplyPolicy policy, boolean onSuccess, boolean onError) {
        assertThat(policy.repliesOnSuccess()).isEqualTo(onSuccess);
        assertThat(policy.repliesOnError()).isEqualTo(onError);
    }
}
