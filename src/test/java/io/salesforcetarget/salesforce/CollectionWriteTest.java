package io.salesforcetarget.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.salesforce.CollectionWrite.Operation;
import io.salesforcetarget.apicall.ApiCallRequest;

class CollectionWriteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "001000000000001AAA";

    static ApiCallRequest request(String method, String path, String body) {
        return new ApiCallRequest(method, List.of(path.split("/")), Map.of(),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<CollectionWrite> write(String method, String path, String body) {
        return CollectionWrite.of(request(method, path, body), JSON);
    }

    @Test
    void aCreateBecomesARecordWithItsType() {
        CollectionWrite write = write("POST", "sobjects/Account", "{\"Name\":\"Acme\"}").orElseThrow();
        assertThat(write.operation()).isEqualTo(Operation.CREATE);
        assertThat(write.key()).isNull();
        assertThat(write.record().toString()).isEqualTo("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\"}");
        assertThat(write.groupKey()).isEqualTo("CREATE Account");
    }

    @Test
    void anUpdateCarriesItsIdAndIsKeyedByTheCaseSafeId() {
        CollectionWrite write = write("PATCH", "sobjects/Account/" + ID, "{\"Name\":\"Acme\"}").orElseThrow();
        assertThat(write.operation()).isEqualTo(Operation.UPDATE);
        assertThat(write.record().toString())
                .isEqualTo("{\"attributes\":{\"type\":\"Account\"},\"id\":\"" + ID + "\",\"Name\":\"Acme\"}");
        assertThat(write.key()).isEqualTo(ID.substring(0, 15));
        assertThat(write.id()).isEqualTo(ID);
        assertThat(write("PATCH", "sobjects/Account/" + ID.substring(0, 15), "{}").orElseThrow().key())
                .as("15 and 18 characters name one record").isEqualTo(write.key());
    }

    @Test
    void anUpsertCarriesItsExternalIdValue() {
        CollectionWrite write = write("PATCH", "sobjects/Account/Ext__c/A-1", "{\"Name\":\"Acme\"}").orElseThrow();
        assertThat(write.operation()).isEqualTo(Operation.UPSERT);
        assertThat(write.field()).isEqualTo("Ext__c");
        assertThat(write.record().toString())
                .isEqualTo("{\"attributes\":{\"type\":\"Account\"},\"Ext__c\":\"A-1\",\"Name\":\"Acme\"}");
        assertThat(write.key()).isEqualTo("a-1");
        assertThat(write.groupKey()).isEqualTo("UPSERT Account Ext__c");
    }

    @Test
    void aDeleteNeedsNoBody() {
        CollectionWrite write = write("DELETE", "sobjects/Contact/" + ID, null).orElseThrow();
        assertThat(write.operation()).isEqualTo(Operation.DELETE);
        assertThat(write.id()).isEqualTo(ID);
        assertThat(write("DELETE", "sobjects/Contact/" + ID, "{}")).as("a body the single call would send").isEmpty();
    }

    @Test
    void anythingACollectionWouldAnswerDifferentlyGoesAlone() {
        assertThat(write("GET", "sobjects/Account/" + ID, null)).as("a read").isEmpty();
        assertThat(write("POST", "sobjects/Account", "[{\"Name\":\"a\"}]")).as("not an object").isEmpty();
        assertThat(write("POST", "sobjects/Account", "not json")).as("not JSON").isEmpty();
        assertThat(write("POST", "sobjects/Account", null)).as("no payload").isEmpty();
        assertThat(write("POST", "sobjects/Account", "{\"Id\":\"" + ID + "\"}")).as("an id of its own").isEmpty();
        assertThat(write("POST", "sobjects/Account", "{\"attributes\":{}}")).as("attributes of its own").isEmpty();
        assertThat(write("POST", "sobjects/Account/" + ID, "{}")).as("a record on a create").isEmpty();
        assertThat(write("PATCH", "sobjects/Account/not-an-id", "{}")).as("not an id").isEmpty();
        assertThat(write("PATCH", "sobjects/Account/Id/" + ID, "{}")).as("upsert on Id").isEmpty();
        assertThat(write("PATCH", "sobjects/Account/Ext__c/A-1", "{\"ext__C\":\"B\"}")).as("field twice").isEmpty();
        assertThat(write("PATCH", "sobjects/Account/Ext__c/a,b", "{}")).as("an unusual value").isEmpty();
        assertThat(write("POST", "sobjects/Account Name", "{}")).as("not an API name").isEmpty();
        assertThat(write("POST", "composite/sobjects", "{}")).as("another resource").isEmpty();
        assertThat(CollectionWrite.of(new ApiCallRequest("DELETE", List.of("sobjects", "Account", ID),
                Map.of("x", "y"), null), JSON)).as("a query map").isEmpty();
    }
}
