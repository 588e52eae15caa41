package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs parsed queries over an in-memory store, as the query resource does, without HTTP. */
class SoqlEvaluatorTest {

    private static final String V = "/services/data/v66.0";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final SObjectTypes types = new SObjectTypes();
    private final SObjectStore store = new SObjectStore(types, clock, "005SM0000000001AAA", 1000);
    private SoqlMatcher.Context context;

    @BeforeEach
    void seed() {
        context = new SoqlMatcher.Context(types, store::find, clock);
        SObjectRecord acme = store.insert("Account", Map.of("Name", "Acme", "Industry", "Energy",
                "NumberOfEmployees", 50, "Ext__c", "a_1"));
        clock.advance(Duration.ofDays(-5));
        SObjectRecord globex = store.insert("Account", Map.of("Name", "Globex", "Industry", "Media",
                "NumberOfEmployees", 500, "ParentId", acme.id(), "Ext__c", "a%2"));
        clock.advance(Duration.ofDays(-30));
        store.insert("Account", Map.of("Name", "initech", "NumberOfEmployees", 5));
        clock.advance(Duration.ofDays(35));
        store.insert("Contact", Map.of("LastName", "Smith", "AccountId", acme.id(), "Birthdate", "1980-05-01"));
        store.insert("Contact", Map.of("LastName", "Jones", "AccountId", globex.id(), "Birthdate", "2001-01-01"));
        store.insert("Contact", Map.of("LastName", "Orphan"));
    }

    @Test
    void comparesTextIgnoringCaseAndNumbersAsNumbers() {
        assertThat(names("SELECT Name FROM Account WHERE Name = 'ACME'")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE Name != 'acme'")).containsExactly("Globex", "initech");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees > 5")).containsExactly("Acme", "Globex");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees >= 50")).containsExactly("Acme", "Globex");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees < 50")).containsExactly("initech");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees <= 50.0")).containsExactly("Acme", "initech");
        assertThat(names("SELECT Name FROM Account WHERE Name < 'h'")).containsExactly("Acme", "Globex");
    }

    @Test
    void nullMatchesOnlyNullAndNullIsNotEqualToAValue() {
        assertThat(names("SELECT Name FROM Account WHERE Industry = null")).containsExactly("initech");
        assertThat(names("SELECT Name FROM Account WHERE Industry != null")).containsExactly("Acme", "Globex");
        assertThat(names("SELECT Name FROM Account WHERE Industry != 'Energy'")).containsExactly("Globex", "initech");
        assertThat(names("SELECT Name FROM Account WHERE Industry < 'Z'")).containsExactly("Acme", "Globex");
    }

    @Test
    void likeInNotInAndBooleanLogic() {
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE 'a%'")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE '%e%'")).containsExactly("Acme", "Globex", "initech");
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE 'Glob_x'")).containsExactly("Globex");
        assertThat(names("SELECT Name FROM Account WHERE Ext__c LIKE 'a\\_%'")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE Ext__c LIKE 'a\\%%'")).containsExactly("Globex");
        assertThat(names("SELECT Name FROM Account WHERE Industry IN ('energy', 'Media')")).containsExactly("Acme", "Globex");
        assertThat(names("SELECT Name FROM Account WHERE Industry NOT IN ('Energy')")).containsExactly("Globex", "initech");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees IN (5, 500)")).containsExactly("Globex", "initech");
        assertThat(names("SELECT Name FROM Account WHERE Name = 'Acme' OR Industry = 'Media'")).containsExactly("Acme", "Globex");
        assertThat(names("SELECT Name FROM Account WHERE (Name = 'Acme' OR Industry = 'Media') AND NumberOfEmployees > 100"))
                .containsExactly("Globex");
        assertThat(names("SELECT Name FROM Account WHERE NOT (Name = 'Acme' OR Industry = 'Media')")).containsExactly("initech");
        assertThat(names("SELECT Name FROM Account WHERE NOT Name LIKE 'G%' AND NOT Name = 'initech'")).containsExactly("Acme");
    }

    @Test
    void idsMatchIn15Or18CharactersAndOtherTextIsRefused() {
        SObjectRecord acme = store.records("Account").get(0);
        assertThat(names("SELECT Name FROM Account WHERE Id = '" + acme.id().substring(0, 15) + "'")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE Id IN ('" + acme.id() + "')")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE ParentId = '" + acme.id() + "'")).containsExactly("Globex");
        assertThatThrownBy(() -> run("SELECT Name FROM Account WHERE Id = 'nope'"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
                    assertThat(e.getMessage()).endsWith("\ninvalid ID field: nope");
                });
    }

    @Test
    void orderByKeysDirectionsAndNulls() {
        assertThat(names("SELECT Name FROM Account ORDER BY Name DESC")).containsExactly("initech", "Globex", "Acme");
        assertThat(names("SELECT Name FROM Account ORDER BY NumberOfEmployees DESC")).containsExactly("Globex", "Acme", "initech");
        assertThat(names("SELECT Name FROM Account ORDER BY Industry")).containsExactly("initech", "Acme", "Globex");
        assertThat(names("SELECT Name FROM Account ORDER BY Industry NULLS LAST")).containsExactly("Acme", "Globex", "initech");
        assertThat(names("SELECT Name FROM Account ORDER BY Industry DESC")).containsExactly("Globex", "Acme", "initech");
        assertThat(names("SELECT Name FROM Account ORDER BY Industry DESC NULLS FIRST")).containsExactly("initech", "Globex", "Acme");
        store.insert("Account", Map.of("Name", "Acme", "NumberOfEmployees", 1));
        assertThat(employees("SELECT Name, NumberOfEmployees FROM Account ORDER BY Name, NumberOfEmployees DESC"))
                .containsExactly(50, 1, 500, 5);
        assertThat(employees("SELECT Name, NumberOfEmployees FROM Account ORDER BY Name ASC, NumberOfEmployees ASC"))
                .containsExactly(1, 50, 500, 5);
    }

    @Test
    void limitAndOffset() {
        assertThat(names("SELECT Name FROM Account ORDER BY Name LIMIT 2")).containsExactly("Acme", "Globex");
        assertThat(names("SELECT Name FROM Account ORDER BY Name LIMIT 1 OFFSET 1")).containsExactly("Globex");
        assertThat(names("SELECT Name FROM Account ORDER BY Name OFFSET 2")).containsExactly("initech");
        assertThat(names("SELECT Name FROM Account OFFSET 9")).isEmpty();
        assertThat(names("SELECT Name FROM Account LIMIT 0")).isEmpty();
        assertThatThrownBy(() -> run("SELECT Name FROM Account OFFSET 2001"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.errorCode()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE"));
    }

    @Test
    void parentFieldsAreNestedRecordsAndCanBeFilteredAndSorted() {
        List<ObjectNode> rows = rows("SELECT LastName, Account.Name, Account.Industry FROM Contact ORDER BY LastName");
        JsonNode jones = rows.get(0);
        assertThat(SimClient.fieldNames(jones)).containsExactly("attributes", "LastName", "Account");
        assertThat(SimClient.fieldNames(jones.get("Account"))).containsExactly("attributes", "Name", "Industry");
        assertThat(jones.get("Account").get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(jones.get("Account").get("attributes").get("url").asText()).startsWith(V + "/sobjects/Account/001");
        assertThat(jones.get("Account").get("Name").asText()).isEqualTo("Globex");
        assertThat(rows.get(1).get("Account").isNull()).isTrue();
        assertThat(rows.get(1).get("LastName").asText()).isEqualTo("Orphan");
        assertThat(lastNames("SELECT LastName FROM Contact WHERE Account.Industry = 'Energy'")).containsExactly("Smith");
        assertThat(lastNames("SELECT LastName FROM Contact WHERE Account.Name != null ORDER BY Account.Name DESC"))
                .containsExactly("Jones", "Smith");
        JsonNode grand = rows("SELECT Name, Parent.Name, Parent.Parent.Name FROM Account WHERE Name = 'Globex'").get(0);
        assertThat(grand.get("Parent").get("Name").asText()).isEqualTo("Acme");
        assertThat(grand.get("Parent").get("Parent").isNull()).isTrue();
        assertThat(rows("SELECT contact.lastname FROM Contact WHERE LastName = 'Smith'").get(0).get("LastName").asText())
                .isEqualTo("Smith");
    }

    @Test
    void datesAndDatetimes() {
        // Acme was created today (2026-03-10), Globex 5 days ago, initech 35 days ago.
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate = TODAY")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate = LAST_N_DAYS:7")).containsExactly("Acme", "Globex");
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate < LAST_N_DAYS:7")).containsExactly("initech");
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate > YESTERDAY")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate = NEXT_N_DAYS:3")).isEmpty();
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate > 2026-03-01T00:00:00Z")).containsExactly("Acme", "Globex");
        assertThat(names("SELECT Name FROM Account WHERE LastModifiedDate <= 2026-03-05T12:00:00.000+00:00"))
                .containsExactly("Globex", "initech");
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate = 2026-03-05T12:00:00Z")).containsExactly("Globex");
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate = 2026-03-05T13:00:00+01:00")).containsExactly("Globex");
        assertThat(lastNames("SELECT LastName FROM Contact WHERE Birthdate < 2000-01-01")).containsExactly("Smith");
        assertThat(lastNames("SELECT LastName FROM Contact WHERE Birthdate = 2001-01-01")).containsExactly("Jones");
        assertThat(lastNames("SELECT LastName FROM Contact ORDER BY Birthdate DESC NULLS LAST")).containsExactly("Jones", "Smith", "Orphan");
    }

    @Test
    void unknownObjectsFieldsAndRelationshipsAreRefused() {
        refused("SELECT Id FROM Whizbang", "INVALID_TYPE", "sObject type 'Whizbang' is not supported.");
        refused("SELECT Nope FROM Account", "INVALID_FIELD", "No such column 'Nope' on entity 'Account'.");
        refused("SELECT Id FROM Account WHERE Nope = 1", "INVALID_FIELD", "No such column 'Nope' on entity 'Account'.");
        refused("SELECT Id FROM Account ORDER BY Nope", "INVALID_FIELD", "No such column 'Nope' on entity 'Account'.");
        refused("SELECT Account.Nope FROM Contact", "INVALID_FIELD", "No such column 'Account.Nope' on entity 'Account'.");
        refused("SELECT Boss.Name FROM Contact", "INVALID_FIELD", "Didn't understand relationship 'Boss' in field path.");
        refused("SELECT Owner.Name FROM Contact", "INVALID_FIELD", "Didn't understand relationship 'Owner' in field path.");
    }

    @Test
    void customFieldsNotYetWrittenAreNullNotUnknown() {
        assertThat(names("SELECT Name FROM Account WHERE Never__c = null")).hasSize(3);
    }

    private List<ObjectNode> rows(String soql) {
        SoqlPlan plan = SoqlPlan.of(SoqlQuery.parse(soql), types);
        List<ObjectNode> out = new ArrayList<>();
        for (SObjectRecord r : run(soql)) {
            out.add(plan.render(r, V, context));
        }
        return out;
    }

    private List<SObjectRecord> run(String soql) {
        SoqlPlan plan = SoqlPlan.of(SoqlQuery.parse(soql), types);
        return plan.select(store.all(plan.type()), context);
    }

    private List<String> names(String soql) {
        return rows(soql).stream().map(r -> r.get("Name").asText()).toList();
    }

    private List<String> lastNames(String soql) {
        return rows(soql).stream().map(r -> r.get("LastName").asText()).toList();
    }

    private List<Integer> employees(String soql) {
        return rows(soql).stream().map(r -> r.get("NumberOfEmployees").asInt()).toList();
    }

    private void refused(String soql, String errorCode, String message) {
        assertThatThrownBy(() -> run(soql)).as(soql).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo(errorCode);
            assertThat(e.getMessage()).contains("ERROR at Row:1:Column:").contains(message);
        });
    }

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
