package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SOSL through GET /search: what a search finds, what it returns, and its errors. */
class SearchTest extends OneSimulatorPerClass {

    private static final String V = "/services/data/v66.0";

    private String token;
    private String acme;

    @BeforeAll
    void logIn() throws Exception {
        token = client.token();
    }

    @BeforeEach
    void seed() throws Exception {
        acme = client.create(V, "Account", token,
                "{\"Name\":\"Acme Widgets\",\"Phone\":\"(415) 555-1212\",\"Rating\":\"Hot\"}");
        client.create(V, "Account", token,
                "{\"Name\":\"Acme Tools\",\"Rating\":\"Cold\",\"Description\":\"tools for smiths\"}");
        client.create(V, "Account", token, "{\"Name\":\"Globex\",\"Region__c\":\"acme territory\"}");
        client.create(V, "Contact", token,
                "{\"FirstName\":\"Joe\",\"LastName\":\"Smith\",\"Email\":\"joe.smith@acme.example\","
                + "\"AccountId\":\"" + acme + "\"}");
        client.create(V, "Contact", token,
                "{\"FirstName\":\"Jane\",\"LastName\":\"Smythe\",\"Email\":\"jane@globex.example\"}");
        client.create(V, "Lead", token, "{\"LastName\":\"Doe\",\"Company\":\"Initech\"}");
    }

    @Test
    void findsWordsInAllFieldsAndReturnsTheAskedFields() throws Exception {
        JsonNode records = search("FIND {acme} RETURNING Account(Id, Name, Rating), Contact(Name, Account.Name)");

        assertThat(names(records)).containsExactly("Account:Acme Widgets", "Account:Acme Tools", "Account:Globex",
                "Contact:Joe Smith");
        JsonNode first = records.get(0);
        assertThat(first.get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(first.get("attributes").get("url").asText()).isEqualTo(V + "/sobjects/Account/" + acme);
        assertThat(first.get("Id").asText()).isEqualTo(acme);
        assertThat(first.get("Rating").asText()).isEqualTo("Hot");
        assertThat(SimClient.fieldNames(first)).containsExactly("attributes", "Id", "Name", "Rating");
        JsonNode joe = records.get(3);
        assertThat(joe.get("Account").get("Name").asText()).isEqualTo("Acme Widgets");
        assertThat(joe.get("Account").get("attributes").get("type").asText()).isEqualTo("Account");
    }

    @Test
    void anObjectWithoutFieldsAndASearchWithoutReturningGiveIds() throws Exception {
        JsonNode records = search("FIND {smith*}");
        // Description "smiths" (Account), Joe Smith (Contact); not Smythe
        List<String> types = new ArrayList<>();
        for (JsonNode r : records) {
            types.add(r.get("attributes").get("type").asText());
            assertThat(SimClient.fieldNames(r)).containsExactly("attributes", "Id");
        }
        assertThat(types).containsExactly("Account", "Contact");
        assertThat(search("FIND {Initech} RETURNING Lead").get(0).has("Id")).isTrue();
        assertThat(search("FIND {nothing-like-it}")).isEmpty();
    }

    @Test
    void operatorsPhrasesAndWildcards() throws Exception {
        assertThat(names(search("FIND {acme AND widgets} RETURNING Account(Name)"))).containsExactly("Account:Acme Widgets");
        assertThat(names(search("FIND {acme widgets} RETURNING Account(Name)"))).containsExactly("Account:Acme Widgets");
        assertThat(names(search("FIND {acme AND NOT widgets} RETURNING Account(Name)")))
                .containsExactly("Account:Acme Tools", "Account:Globex");
        assertThat(names(search("FIND {globex OR initech} RETURNING Account(Name), Lead(Name)")))
                .containsExactly("Account:Globex", "Lead:Doe");
        assertThat(names(search("FIND {\"acme tools\"} RETURNING Account(Name)"))).containsExactly("Account:Acme Tools");
        assertThat(names(search("FIND {\"tools acme\"} RETURNING Account(Name)"))).isEmpty();
        assertThat(names(search("FIND {Sm?th*} RETURNING Contact(Name)")))
                .containsExactly("Contact:Joe Smith", "Contact:Jane Smythe");
        assertThat(names(search("FIND {Sm?the} RETURNING Contact(Name)"))).containsExactly("Contact:Jane Smythe");
        assertThat(names(search("FIND {Sm*} RETURNING Contact(Name)")))
                .containsExactly("Contact:Joe Smith", "Contact:Jane Smythe");
        // text is matched ignoring case, as whole tokens: "acm" is no word of "Acme"
        assertThat(names(search("FIND {ACME} RETURNING Account(Name)"))).hasSize(3);
        assertThat(search("FIND {acm} RETURNING Account(Name)")).isEmpty();
        // words found in different fields of one record: Joe (FirstName) and Smith (LastName)
        assertThat(names(search("FIND {(joe AND smith) OR nobody} RETURNING Contact(Name)")))
                .containsExactly("Contact:Joe Smith");
    }

    @Test
    void searchGroupsChooseTheFields() throws Exception {
        // "acme" is in Globex's custom field and Joe's email: ALL finds them, NAME does not
        assertThat(names(search("FIND {acme} IN NAME FIELDS RETURNING Account(Name), Contact(Name)")))
                .containsExactly("Account:Acme Widgets", "Account:Acme Tools");
        assertThat(names(search("FIND {acme} IN EMAIL FIELDS RETURNING Account(Name), Contact(Name)")))
                .containsExactly("Contact:Joe Smith");
        assertThat(names(search("FIND {jane@globex.example} IN EMAIL FIELDS RETURNING Contact(Name)")))
                .containsExactly("Contact:Jane Smythe");
        assertThat(names(search("FIND {smith} IN NAME FIELDS RETURNING Account(Name), Contact(Name)")))
                .containsExactly("Contact:Joe Smith");
        // phone numbers match by their digits
        assertThat(names(search("FIND {4155551212} IN PHONE FIELDS RETURNING Account(Name)")))
                .containsExactly("Account:Acme Widgets");
        assertThat(search("FIND {4155551212} IN NAME FIELDS RETURNING Account(Name)")).isEmpty();
        // picklists are not searched
        assertThat(search("FIND {hot} RETURNING Account(Name)")).isEmpty();
    }

    @Test
    void whereOrderByLimitAndOffsetPerObjectAndAnOverallLimit() throws Exception {
        assertThat(names(search("FIND {acme} RETURNING Account(Name WHERE Rating = 'Cold')")))
                .containsExactly("Account:Acme Tools");
        assertThat(names(search("FIND {acme} RETURNING Account(Name ORDER BY Name ASC)")))
                .containsExactly("Account:Acme Tools", "Account:Acme Widgets", "Account:Globex");
        assertThat(names(search("FIND {acme} RETURNING Account(Name ORDER BY Name LIMIT 2 OFFSET 1)")))
                .containsExactly("Account:Acme Widgets", "Account:Globex");
        assertThat(names(search("FIND {acme} RETURNING Account(Name), Contact(Name) LIMIT 2")))
                .containsExactly("Account:Acme Widgets", "Account:Acme Tools");
    }

    @Test
    void beforeV37TheAnswerIsABareArray() throws Exception {
        HttpResponse<String> old = client.get("/services/data/v36.0/search?q=" + SimClient.enc("FIND {globex}"), token);
        assertThat(old.statusCode()).isEqualTo(200);
        JsonNode body = SimClient.json(old);
        assertThat(body.isArray()).isTrue();
        assertThat(body.get(0).get("attributes").get("url").asText()).startsWith("/services/data/v36.0/sobjects/Account/");
        JsonNode current = SimClient.json(client.get(V + "/search?q=" + SimClient.enc("FIND {globex}"), token));
        assertThat(current.isObject()).isTrue();
        assertThat(SimClient.fieldNames(current)).containsExactly("searchRecords");
    }

    @Test
    void errorsAreSalesforces() throws Exception {
        refused("FIND acme", "MALFORMED_SEARCH", "No search term found. The search term must be enclosed in braces.");
        refused(null, "MALFORMED_SEARCH", "No search term found. The search term must be enclosed in braces.");
        refused("FIND {a}", "INVALID_SEARCH", "search term must be longer than one character: a");
        refused("FIND {acme} RETURNING Whizbang", "INVALID_TYPE", "\nFIND {acme} RETURNING Whizbang\n"
                + " ".repeat(22) + "^\nERROR at Row:1:Column:23\nsObject type 'Whizbang' is not supported.");
        refused("FIND {acme} RETURNING Account(Nmae)", "INVALID_FIELD",
                "\nFIND {acme} RETURNING Account(Nmae)\n" + " ".repeat(30) + "^\nERROR at Row:1:Column:31\n"
                        + "No such column 'Nmae' on entity 'Account'.");
        refused("FIND {acme} RETURNIN Account", "MALFORMED_SEARCH", "\nFIND {acme} RETURNIN Account\n"
                + " ".repeat(12) + "^\nERROR at Row:1:Column:13\nunexpected token: RETURNIN");
        HttpResponse<String> post = client.send("POST", V + "/search?q=" + SimClient.enc("FIND {acme}"), token, "{}");
        assertThat(post.statusCode()).isEqualTo(405);
        HttpResponse<String> other = client.get(V + "/search/scopeOrder", token);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(other).get(0).get("message").asText())
                .endsWith("the simulated org does not implement GET " + V + "/search/scopeOrder");
    }

    @Test
    void parameterizedSearchAsParametersOrAJsonBody() throws Exception {
        String base = V + "/parameterizedSearch?q=acme";
        JsonNode get = SimClient.json(client.get(base + "&sobject=Account&Account.fields=Id,Name"
                + "&Account.where=" + SimClient.enc("Rating = 'Cold'") + "&sobject=Contact&fields=Name", token));
        assertThat(names(get.get("searchRecords"))).containsExactly("Account:Acme Tools", "Contact:Joe Smith");

        JsonNode grouped = SimClient.json(client.get(base + "&in=NAME&sobject=Account&Account.fields=Name"
                + "&overallLimit=1", token));
        assertThat(names(grouped.get("searchRecords"))).containsExactly("Account:Acme Widgets");
        JsonNode perObject = SimClient.json(client.get(base + "&sobject=Account&fields=Name&defaultLimit=2", token));
        assertThat(perObject.get("searchRecords")).hasSize(2);
        JsonNode everywhere = SimClient.json(client.get(base, token));
        List<String> types = new ArrayList<>();
        everywhere.get("searchRecords").forEach(r -> types.add(r.get("attributes").get("type").asText()));
        assertThat(types).containsExactly("Account", "Account", "Account", "Contact");

        HttpResponse<String> posted = client.send("POST", V + "/parameterizedSearch", token, "{\"q\":\"smith*\","
                + "\"fields\":[\"Id\",\"Name\"],\"sobjects\":[{\"name\":\"Contact\",\"limit\":5},"
                + "{\"name\":\"Account\",\"where\":\"Name LIKE 'Acme%'\"}],\"in\":\"ALL\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(names(SimClient.json(posted).get("searchRecords")))
                .containsExactly("Contact:Joe Smith", "Account:Acme Tools");

        HttpResponse<String> noTerm = client.get(V + "/parameterizedSearch?sobject=Account", token);
        assertThat(noTerm.statusCode()).isEqualTo(400);
        assertThat(SimClient.errorCode(noTerm)).isEqualTo("MALFORMED_SEARCH");
        HttpResponse<String> short1 = client.get(V + "/parameterizedSearch?q=a", token);
        assertThat(SimClient.errorCode(short1)).isEqualTo("INVALID_SEARCH");
        assertThat(client.send("DELETE", V + "/parameterizedSearch?q=acme", token, null).statusCode()).isEqualTo(405);
    }

    private void refused(String sosl, String errorCode, String messageStart) throws Exception {
        String path = V + "/search" + (sosl == null ? "" : "?q=" + SimClient.enc(sosl));
        HttpResponse<String> response = client.get(path, token);
        assertThat(response.statusCode()).as(sosl).isEqualTo(400);
        assertThat(SimClient.errorCode(response)).as(sosl).isEqualTo(errorCode);
        assertThat(SimClient.json(response).get(0).get("message").asText()).as(sosl).startsWith(messageStart);
    }

    private JsonNode search(String sosl) throws Exception {
        HttpResponse<String> response = client.get(V + "/search?q=" + SimClient.enc(sosl), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SimClient.json(response).get("searchRecords");
    }

    private static List<String> names(JsonNode records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.get("attributes").get("type").asText() + ":" + r.get("Name").asText()));
        return out;
    }
}
