package io.salesforcetarget.apicall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

class PathSegmentsTest {

    private static List<String> split(String value) {
        List<String> segments = new ArrayList<>();
        PathSegments.append(segments, "record", value);
        return segments;
    }

    private static String encode(List<String> segments, Map<String, String> query) {
        return PathSegments.encode(new ApiCallRequest("GET", segments, query, null));
    }

    private static String encodeSegment(String segment) {
        return encode(List.of(segment), Map.of());
    }

    @Test
    void splitsOnSlash() {
        assertThat(split("ExtId__c/42")).containsExactly("ExtId__c", "42");
        assertThat(split("001D000000IqhSLIAZ/Name")).containsExactly("001D000000IqhSLIAZ", "Name");
        assertThat(split("one")).containsExactly("one");
    }

    @Test
    void nothingToAppendWhenNotSet() {
        assertThat(split(null)).isEmpty();
    }

    @Test
    void appendsAfterEarlierSegments() {
        List<String> segments = new ArrayList<>(List.of("sobjects"));
        PathSegments.append(segments, "object", "Account");
        assertThat(segments).containsExactly("sobjects", "Account");
    }

    @ParameterizedTest
    @ValueSource(strings = { "..", "../../identity", "a/../b", "a/..", "../x", "%2e%2e/..", "ExtId__c/.." })
    void parentSegmentsAreRejected(String value) {
        assertThatThrownBy(() -> split(value))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_VALIDATION);
                    assertThat(e.description()).isEqualTo("record '" + value
                            + "' contains a '..' segment; relative paths are not allowed");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { ".", "./x", "a/./b", "a/." })
    void currentSegmentsAreRejected(String value) {
        assertThatThrownBy(() -> split(value))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_VALIDATION);
                    assertThat(e.description()).isEqualTo("record '" + value
                            + "' contains a '.' segment; relative paths are not allowed");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/x", "x/", "a//b", "//x" })
    void emptySegmentsAreRejected(String value) {
        assertThatThrownBy(() -> split(value))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_VALIDATION);
                    assertThat(e.description()).isEqualTo("record '" + value
                            + "' has an empty path segment (leading, trailing or double '/')");
                });
    }

    @Test
    void rejectionNamesTheFieldAndShowsControlCharactersEscaped() {
        List<String> segments = new ArrayList<>();
        assertThatThrownBy(() -> PathSegments.append(segments, "resource", "../\r\nHost: evil"))
                .isInstanceOfSatisfying(EventFaultException.class, e -> assertThat(e.description())
                        .isEqualTo("resource '../\\u000d\\u000aHost: evil' contains a '..' segment; "
                                + "relative paths are not allowed"));
        assertThat(segments).isEmpty();
    }

    @Test
    void dotsInsideASegmentAreAllowed() {
        assertThat(split("...")).containsExactly("...");
        assertThat(split("a.b")).containsExactly("a.b");
        assertThat(split(".hidden")).containsExactly(".hidden");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "Account                  | Account",
            "Ext-Id_c.x~1             | Ext-Id_c.x~1",
            "a?b=c                    | a%3Fb%3Dc",
            "a#frag                   | a%23frag",
            "100%                     | 100%25",
            "'two words'              | two%20words",
            "a+b                      | a%2Bb",
            "a;b,c                    | a%3Bb%2Cc",
            "{{env:HOME}}             | %7B%7Benv%3AHOME%7D%7D",
            "café                     | caf%C3%A9",
            "日本                      | %E6%97%A5%E6%9C%AC",
            "%2e%2e                   | %252e%252e",
            "%2F                      | %252F",
            "a\\b                     | a%5Cb" })
    void eachSegmentIsPercentEncodedAsOneSegment(String segment, String encoded) {
        assertThat(encodeSegment(segment)).isEqualTo(encoded);
    }

    @Test
    void controlCharactersAreEncoded() {
        assertThat(encodeSegment("a\r\nb\tc\u0000")).isEqualTo("a%0D%0Ab%09c%00");
    }

    @Test
    void slashInsideAGivenSegmentIsEncoded() {
        // Segments come from append(), which splits on "/"; an ApiCallRequest built in code may still hold one.
        assertThat(encodeSegment("a/b")).isEqualTo("a%2Fb");
    }

    @Test
    void segmentsAreJoinedWithSlash() {
        assertThat(encode(List.of("sobjects", "Account", "ExtId__c", "A 1"), Map.of()))
                .isEqualTo("sobjects/Account/ExtId__c/A%201");
    }

    @Test
    void queryIsFormEncodedInOrder() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("q", "SELECT Id, Name FROM Account WHERE Name = 'A&B'");
        query.put("limit", "5");
        query.put("a b", "x=y#z%");
        query.put("empty", "");
        assertThat(encode(List.of("query"), query)).isEqualTo("query"
                + "?q=SELECT+Id%2C+Name+FROM+Account+WHERE+Name+%3D+%27A%26B%27"
                + "&limit=5&a+b=x%3Dy%23z%25&empty=");
    }

    @Test
    void queryCannotAddParametersOrFragments() {
        String encoded = encode(List.of("query"), Map.of("q", "x&api=1#top\r\n"));
        assertThat(encoded).isEqualTo("query?q=x%26api%3D1%23top%0D%0A");
        assertThat(encoded.chars().filter(c -> c == '&' || c == '#' || c == '?').count()).isEqualTo(1);
    }

    @Test
    void noQueryNoQuestionMark() {
        assertThat(encode(List.of("limits"), Map.of())).isEqualTo("limits");
    }

    @Test
    void parsedRequestEncodesToTheExpectedPath() {
        ApiCallRequest request = ApiCallRequestParser.parse("""
                {"action":"PATCH","resource":"sobjects","object":"Account","record":"ExtId__c/A?1#2",
                 "query":{"updateOnly":true}}""".getBytes(StandardCharsets.UTF_8));
        assertThat(PathSegments.encode(request)).isEqualTo("sobjects/Account/ExtId__c/A%3F1%232?updateOnly=true");
    }
}
