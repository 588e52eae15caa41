package io.salesforcetarget.salesforce;

import static io.salesforcetarget.salesforce.CollectionWriteTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.apicall.PathSegments;

class CollectionCallTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "001000000000001AAA";
    private static final String B = "001000000000002AAA";

    private static CollectionWrite write(String method, String path, String body) {
        return CollectionWrite.of(request(method, path, body), JSON).orElseThrow();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<CollectionCall.SingleAnswer> answers(List<CollectionWrite> writes, String body)
            throws IOException {
        return CollectionCall.answers(writes, body.getBytes(StandardCharsets.UTF_8), JSON);
    }

    @Test
    void createsArePostedWithAllOrNoneFalse() {
        ApiCallRequest call = CollectionCall.request(List.of(write("POST", "sobjects/Account", "{\"Name\":\"a\"}"),
                write("POST", "sobjects/Account", "{\"Name\":\"b\"}")), JSON);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.resourcePath()).isEqualTo("composite/sobjects");
        assertThat(text(call.body())).isEqualTo("{\"allOrNone\":false,\"records\":["
                + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"a\"},"
                + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"b\"}]}");
    }

    @Test
    void updatesArePatchedAndUpsertsNameTheirObjectAndField() {
        assertThat(CollectionCall.request(List.of(write("PATCH", "sobjects/Account/" + A, "{}")), JSON))
                .extracting(ApiCallRequest::method, ApiCallRequest::resourcePath)
                .containsExactly("PATCH", "composite/sobjects");
        assertThat(CollectionCall.request(List.of(write("PATCH", "sobjects/Account/Ext__c/x", "{}")), JSON))
                .extracting(ApiCallRequest::method, ApiCallRequest::resourcePath)
                .containsExactly("PATCH", "composite/sobjects/Account/Ext__c");
    }

    @Test
    void deletesListTheirIdsInTheQuery() {
        ApiCallRequest call = CollectionCall.request(List.of(write("DELETE", "sobjects/Account/" + A, null),
                write("DELETE", "sobjects/Account/" + B, null)), JSON);
        assertThat(call.method()).isEqualTo("DELETE");
        assertThat(call.body()).isNull();
        assertThat(PathSegments.encode(call))
                .isEqualTo("composite/sobjects?ids=" + A + "%2C" + B + "&allOrNone=false");
    }

    @Test
    void eachSuccessGetsTheAnswerOfItsOwnCall() throws IOException {
        assertThat(answers(List.of(write("POST", "sobjects/Account", "{}")),
                "[{\"id\":\"" + A + "\",\"success\":true,\"errors\":[]}]").get(0))
                .satisfies(answer -> {
                    assertThat(answer.status()).isEqualTo(201);
                    assertThat(text(answer.body())).isEqualTo("{\"id\":\"" + A + "\",\"success\":true,\"errors\":[]}");
                });
        assertThat(answers(List.of(write("PATCH", "sobjects/Account/" + A, "{}"),
                write("DELETE", "sobjects/Account/" + B, null)),
                "[{\"id\":\"" + A + "\",\"success\":true,\"errors\":[]},{\"id\":\"" + B
                        + "\",\"success\":true,\"errors\":[]}]"))
                .allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(204);
                    assertThat(answer.body()).isEmpty();
                });
        List<CollectionCall.SingleAnswer> upserts = answers(List.of(write("PATCH", "sobjects/Account/E__c/1", "{}"),
                write("PATCH", "sobjects/Account/E__c/2", "{}")),
                "[{\"id\":\"" + A + "\",\"success\":true,\"errors\":[],\"created\":true},"
                        + "{\"id\":\"" + B + "\",\"success\":true,\"errors\":[],\"created\":false}]");
        assertThat(upserts.get(0).status()).isEqualTo(201);
        assertThat(text(upserts.get(0).body())).contains("\"created\":true");
        assertThat(upserts.get(1).status()).isEqualTo(200);
        assertThat(text(upserts.get(1).body()))
                .isEqualTo("{\"id\":\"" + B + "\",\"success\":true,\"errors\":[],\"created\":false}");
    }

    @Test
    void aFailureGetsTheSingleCallsErrorShapeAndStatus() throws IOException {
        List<CollectionCall.SingleAnswer> failed = answers(List.of(write("POST", "sobjects/Account", "{}"),
                write("DELETE", "sobjects/Account/" + A, null), write("DELETE", "sobjects/Account/" + B, null)),
                "[{\"success\":false,\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\","
                        + "\"message\":\"Required fields are missing: [Name]\",\"fields\":[\"Name\"]}]},"
                        + "{\"success\":false,\"errors\":[{\"statusCode\":\"ENTITY_IS_DELETED\",\"message\":\"gone\","
                        + "\"fields\":[]}]},"
                        + "{\"success\":false,\"errors\":[{\"statusCode\":\"NOT_FOUND\",\"message\":\"none\","
                        + "\"fields\":[]}]}]");
        assertThat(failed.get(0).status()).isEqualTo(400);
        assertThat(text(failed.get(0).body())).isEqualTo("[{\"errorCode\":\"REQUIRED_FIELD_MISSING\","
                + "\"message\":\"Required fields are missing: [Name]\",\"fields\":[\"Name\"]}]");
        assertThat(failed.get(1).status()).isEqualTo(404);
        assertThat(text(failed.get(1).body())).as("an error of the delete itself: its fields, empty, as a single call")
                .isEqualTo("[{\"errorCode\":\"ENTITY_IS_DELETED\",\"message\":\"gone\",\"fields\":[]}]");
        assertThat(failed.get(2).status()).isEqualTo(404);
        assertThat(text(failed.get(2).body())).as("no such record: no fields, as a single call gives")
                .isEqualTo("[{\"errorCode\":\"NOT_FOUND\",\"message\":\"none\"}]");
    }

    @Test
    void anEmptyFieldsListIsLeftOutOnlyForTheErrorsASingleCallFindsBeforeTheSave() throws IOException {
        List<CollectionWrite> two = List.of(write("PATCH", "sobjects/Account/" + A, "{\"Bogus\":1}"),
                write("PATCH", "sobjects/Account/" + B, "{\"Phone\":\"x\"}"));
        List<CollectionCall.SingleAnswer> failed = answers(two,
                "[{\"success\":false,\"errors\":[{\"statusCode\":\"INVALID_FIELD\",\"message\":\"No such column\","
                        + "\"fields\":[]}]},"
                        + "{\"success\":false,\"errors\":[{\"statusCode\":\"FIELD_CUSTOM_VALIDATION_EXCEPTION\","
                        + "\"message\":\"Phone must be digits\",\"fields\":[]}]}]");
        assertThat(text(failed.get(0).body()))
                .isEqualTo("[{\"errorCode\":\"INVALID_FIELD\",\"message\":\"No such column\"}]");
        assertThat(text(failed.get(1).body())).isEqualTo("[{\"errorCode\":\"FIELD_CUSTOM_VALIDATION_EXCEPTION\","
                + "\"message\":\"Phone must be digits\",\"fields\":[]}]");
    }

    @Test
    void anAnswerThatDoesNotMatchTheRecordsIsRefused() {
        List<CollectionWrite> two = List.of(write("POST", "sobjects/Account", "{}"),
                write("POST", "sobjects/Account", "{}"));
        assertThatThrownBy(() -> answers(two, "[{\"success\":true}]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> answers(two, "{\"success\":true}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> answers(two, "[{\"success\":true},{\"id\":1}]")).isInstanceOf(IOException.class);
    }
}
