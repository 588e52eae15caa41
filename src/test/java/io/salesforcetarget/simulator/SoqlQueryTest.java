package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SoqlQueryTest {

    @Test
    void parsesFieldsObjectConditionsAndLimit() {
        SoqlQuery q = SoqlQuery.parse("select Id, Name FROM account where Name = 'O\\'Brien' and Ext__c != null LIMIT 5");
        assertThat(q.fields()).extracting(SoqlQuery.Name::text).containsExactly("Id", "Name");
        assertThat(q.object().text()).isEqualTo("account");
        assertThat(q.conditions()).hasSize(2);
        assertThat(q.conditions().get(0).literal()).isEqualTo("O'Brien");
        assertThat(q.conditions().get(0).equal()).isTrue();
        assertThat(q.conditions().get(1).literal()).isNull();
        assertThat(q.conditions().get(1).equal()).isFalse();
        assertThat(q.limit()).isEqualTo(5);
    }

    @Test
    void parsesCount() {
        SoqlQuery q = SoqlQuery.parse("SELECT COUNT() FROM Contact");
        assertThat(q.isCount()).isTrue();
        assertThat(q.fields()).isEmpty();
    }

    @Test
    void malformedQueriesPointAtTheBadToken() {
        assertThatThrownBy(() -> SoqlQuery.parse("SELECT Name FRM Account"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo(
                            "\nSELECT Name FRM Account\n            ^\nERROR at Row:1:Column:13\nunexpected token: FRM");
                });
        assertThatThrownBy(() -> SoqlQuery.parse("SELECT FROM Account")).hasMessageContaining("unexpected token: FROM");
        assertThatThrownBy(() -> SoqlQuery.parse("SELECT Id FROM Account WHERE")).hasMessageContaining("<EOF>");
        assertThatThrownBy(() -> SoqlQuery.parse("SELECT Id FROM Account WHERE Name = 'x")).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> SoqlQuery.parse(" ")).hasMessage("A query string has to be specified");
    }
}
