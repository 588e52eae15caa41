package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlParserTest {

    @Test
    void parsesFieldsObjectConditionsAndLimit() {
        SoqlQuery q = SoqlQuery.parse("select Id, Name FROM account where Name = 'O\\'Brien' and Ext__c != null LIMIT 5");
        assertThat(q.fields()).extracting(SoqlQuery.Name::text).containsExactly("Id", "Name");
        assertThat(q.object().text()).isEqualTo("account");
        SoqlCondition.And and = (SoqlCondition.And) q.where();
        assertThat(and.parts()).hasSize(2);
        SoqlCondition.Compare first = (SoqlCondition.Compare) and.parts().get(0);
        assertThat(first.op()).isEqualTo("=");
        assertThat(first.value().text()).isEqualTo("O'Brien");
        SoqlCondition.Compare second = (SoqlCondition.Compare) and.parts().get(1);
        assertThat(second.op()).isEqualTo("!=");
        assertThat(second.value().isNull()).isTrue();
        assertThat(q.limit()).isEqualTo(5);
        assertThat(q.offset()).isNull();
    }

    @Test
    void parsesCount() {
        SoqlQuery q = SoqlQuery.parse("SELECT COUNT() FROM Contact");
        assertThat(q.isCount()).isTrue();
        assertThat(q.fields()).isEmpty();
    }

    @Test
    void parsesRelationshipPaths() {
        SoqlQuery q = SoqlQuery.parse("SELECT Id, Account.Name, Account.Parent.Name FROM Contact");
        assertThat(q.fields()).extracting(SoqlQuery.Name::text)
                .containsExactly("Id", "Account.Name", "Account.Parent.Name");
        assertThat(q.fields().get(2).parts()).containsExactly("Account", "Parent", "Name");
        assertThat(q.fields().get(1).position()).isEqualTo(11);
    }

    @Test
    void parsesEveryComparisonOperator() {
        for (String op : List.of("=", "!=", "<", ">", "<=", ">=")) {
            SoqlCondition.Compare c = (SoqlCondition.Compare) SoqlQuery.parse(
                    "SELECT Id FROM Account WHERE NumberOfEmployees " + op + " 10").where();
            assertThat(c.op()).isEqualTo(op);
            assertThat(c.value().kind()).isEqualTo(SoqlValue.Kind.NUMBER);
        }
        SoqlCondition.Compare ne = (SoqlCondition.Compare) SoqlQuery.parse(
                "SELECT Id FROM Account WHERE Name <> 'x'").where();
        assertThat(ne.op()).isEqualTo("!=");
    }

    @Test
    void parsesLiterals() {
        assertThat(literal("'it''s'".replace("''", "\\'")).text()).isEqualTo("it's");
        assertThat(literal("-12.5").kind()).isEqualTo(SoqlValue.Kind.NUMBER);
        assertThat(literal("-12.5").text()).isEqualTo("-12.5");
        assertThat(literal("TRUE").kind()).isEqualTo(SoqlValue.Kind.BOOLEAN);
        assertThat(literal("false").text()).isEqualTo("false");
        assertThat(literal("NULL").kind()).isEqualTo(SoqlValue.Kind.NULL);
        assertThat(literal("2026-01-31").kind()).isEqualTo(SoqlValue.Kind.DATE);
        assertThat(literal("2026-01-31T10:00:00Z").kind()).isEqualTo(SoqlValue.Kind.DATETIME);
        assertThat(literal("2026-01-31T10:00:00.000+01:00").kind()).isEqualTo(SoqlValue.Kind.DATETIME);
        assertThat(literal("today").kind()).isEqualTo(SoqlValue.Kind.DATE_LITERAL);
        assertThat(literal("today").text()).isEqualTo("TODAY");
        SoqlValue lastN = literal("LAST_N_DAYS:30");
        assertThat(lastN.kind()).isEqualTo(SoqlValue.Kind.DATE_LITERAL);
        assertThat(lastN.text()).isEqualTo("LAST_N_DAYS");
        assertThat(lastN.n()).isEqualTo(30);
    }

    @Test
    void parsesInNotInAndLike() {
        SoqlCondition.In in = (SoqlCondition.In) SoqlQuery.parse(
                "SELECT Id FROM Account WHERE Industry IN ('Energy', 'Media')").where();
        assertThat(in.negated()).isFalse();
        assertThat(in.values()).extracting(SoqlValue::text).containsExactly("Energy", "Media");
        SoqlCondition.In notIn = (SoqlCondition.In) SoqlQuery.parse(
                "SELECT Id FROM Account WHERE Industry NOT IN ('Energy')").where();
        assertThat(notIn.negated()).isTrue();
        SoqlCondition.Like like = (SoqlCondition.Like) SoqlQuery.parse(
                "SELECT Id FROM Account WHERE Name LIKE 'Ac\\_me%'").where();
        assertThat(like.pattern().raw()).isEqualTo("Ac\\_me%");
    }

    @Test
    void parsesOrNotAndParentheses() {
        SoqlCondition where = SoqlQuery.parse(
                "SELECT Id FROM Account WHERE (Name = 'a' OR Name = 'b') AND NOT (Industry = 'x')").where();
        SoqlCondition.And and = (SoqlCondition.And) where;
        assertThat(and.parts().get(0)).isInstanceOf(SoqlCondition.Or.class);
        assertThat(((SoqlCondition.Or) and.parts().get(0)).parts()).hasSize(2);
        assertThat(and.parts().get(1)).isInstanceOf(SoqlCondition.Not.class);
        assertThat(SoqlQuery.parse("SELECT Id FROM Account WHERE NOT Name = 'a'").where())
                .isInstanceOf(SoqlCondition.Not.class);
        assertThat(SoqlQuery.parse("SELECT Id FROM Account WHERE ((Name = 'a'))").where())
                .isInstanceOf(SoqlCondition.Compare.class);
    }

    @Test
    void parsesOrderByLimitAndOffset() {
        SoqlQuery q = SoqlQuery.parse("SELECT Id FROM Account ORDER BY Name DESC NULLS FIRST, Industry, "
                + "Phone ASC NULLS LAST, Site DESC LIMIT 10 OFFSET 20");
        assertThat(q.orderBy()).extracting(k -> k.field().text() + ":" + k.descending() + ":" + k.nullsFirst())
                .containsExactly("Name:true:true", "Industry:false:true", "Phone:false:false", "Site:true:false");
        assertThat(q.limit()).isEqualTo(10);
        assertThat(q.offset()).isEqualTo(20);
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

    @Test
    void everyConstructRefusesWhatDoesNotFit() {
        malformed("SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'", "unexpected token: OR");
        malformed("SELECT Id FROM Account WHERE Name = 'a' OR Name = 'b' AND Name = 'c'", "unexpected token: AND");
        malformed("SELECT Id FROM Account WHERE (Name = 'a'", "unexpected token: <EOF>");
        malformed("SELECT Id FROM Account WHERE Name IN 'a'", "unexpected token: 'a'");
        malformed("SELECT Id FROM Account WHERE Name IN ()", "unexpected token: )");
        malformed("SELECT Id FROM Account WHERE Name LIKE 5", "unexpected token: 5");
        malformed("SELECT Id FROM Account WHERE Name = Acme", "unexpected token: Acme");
        malformed("SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS", "unexpected token: <EOF>");
        malformed("SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:x", "unexpected token: x");
        malformed("SELECT Id FROM Account ORDER Name", "unexpected token: Name");
        malformed("SELECT Id FROM Account ORDER BY Name NULLS", "unexpected token: <EOF>");
        malformed("SELECT Id FROM Account LIMIT -1", "unexpected token: -1");
        malformed("SELECT Id FROM Account LIMIT 1.5", "unexpected token: 1.5");
        malformed("SELECT Id FROM Account OFFSET 5 LIMIT 1", "unexpected token: LIMIT");
        malformed("SELECT Id, FROM Account", "unexpected token: FROM");
        malformed("SELECT Account. FROM Contact", "unexpected token: Account.");
        malformed("SELECT Id FROM Account WHERE Name == 'a'", "unexpected token: =");
        malformed("SELECT Id FROM Account WHERE Name ~ 'a'", "unexpected token: ~");
        malformed("SELECT COUNT( FROM Account", "unexpected token: FROM");
    }

    @Test
    void errorsGiveRowAndColumnOnLaterLines() {
        assertThatThrownBy(() -> SoqlQuery.parse("SELECT Id\nFROM Account\nWHERE Name = = 'x'"))
                .hasMessage("\nWHERE Name = = 'x'\n             ^\nERROR at Row:3:Column:14\nunexpected token: =");
    }

    private static SoqlValue literal(String text) {
        return ((SoqlCondition.Compare) SoqlQuery.parse("SELECT Id FROM Account WHERE F__c = " + text).where()).value();
    }

    private static void malformed(String soql, String reason) {
        assertThatThrownBy(() -> SoqlQuery.parse(soql)).as(soql)
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY"))
                .hasMessageEndingWith("\n" + reason);
    }
}
