package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Describe global, basic info and the sObject describe, in the REST API's shapes. */
class DescribeTest extends OneSimulatorPerClass {

    private static final String V = "/services/data/v66.0";
    /** What the REST API's field describe has for every field, whatever its type. */
    private static final List<String> FIELD_KEYS = List.of("aggregatable", "autoNumber", "byteLength", "calculated",
            "calculatedFormula", "cascadeDelete", "caseSensitive", "compoundFieldName", "controllerName", "createable",
            "custom", "defaultValue", "defaultValueFormula", "defaultedOnCreate", "dependentPicklist",
            "deprecatedAndHidden", "digits", "displayLocationInDecimal", "encrypted", "externalId", "extraTypeInfo",
            "filterable", "filteredLookupInfo", "groupable", "highScaleNumber", "htmlFormatted", "idLookup",
            "inlineHelpText", "label", "length", "mask", "maskType", "name", "nameField", "namePointing", "nillable",
            "permissionable", "picklistValues", "polymorphicForeignKey", "precision", "queryByDistance",
            "referenceTargetField", "referenceTo", "relationshipName", "relationshipOrder", "restrictedDelete",
            "restrictedPicklist", "scale", "searchPrefilterable", "soapType", "sortable", "type", "unique",
            "updateable", "writeRequiresMasterRead");
    private static final List<String> OBJECT_KEYS = List.of("activateable", "createable", "custom", "customSetting",
            "deletable", "deprecatedAndHidden", "feedEnabled", "keyPrefix", "label", "labelPlural", "layoutable",
            "mergeable", "mruEnabled", "name", "queryable", "replicateable", "retrieveable", "searchable",
            "triggerable", "undeletable", "updateable", "urls");

    private String token;

    @BeforeAll
    void logIn() throws Exception {
        token = client.token();
    }

    @Test
    void everyFieldHasTheFullFieldDescribe() throws Exception {
        for (String object : List.of("Account", "Contact", "Lead", "Opportunity", "Case")) {
            JsonNode describe = get("/sobjects/" + object + "/describe");
            assertThat(fieldNames(describe)).as(object).startsWith("Id").endsWith("SystemModstamp");
            for (JsonNode field : describe.get("fields")) {
                assertThat(SimClient.fieldNames(field)).as(object + "." + field.get("name").asText())
                        .containsAll(FIELD_KEYS);
                assertThat(field.get("picklistValues").isArray()).isTrue();
                assertThat(field.get("referenceTo").isArray()).isTrue();
            }
        }
    }

    @Test
    void accountFieldsHaveSalesforcesTypesLabelsAndLengths() throws Exception {
        JsonNode describe = get("/sobjects/Account/describe");

        JsonNode id = field(describe, "Id");
        assertThat(text(id, "type", "soapType", "label")).containsExactly("id", "tns:ID", "Account ID");
        assertThat(id.get("length").asInt()).isEqualTo(18);
        assertThat(flags(id, "nillable", "createable", "updateable", "idLookup")).containsExactly(false, false, false, true);

        JsonNode name = field(describe, "Name");
        assertThat(text(name, "type", "soapType", "label")).containsExactly("string", "xsd:string", "Account Name");
        assertThat(name.get("length").asInt()).isEqualTo(255);
        assertThat(name.get("byteLength").asInt()).isEqualTo(765);
        assertThat(flags(name, "nameField", "nillable", "createable", "updateable")).containsExactly(true, false, true, true);

        JsonNode type = field(describe, "Type");
        assertThat(text(type, "type", "soapType", "label")).containsExactly("picklist", "xsd:string", "Account Type");
        List<String> values = new ArrayList<>();
        type.get("picklistValues").forEach(v -> values.add(v.get("value").asText()));
        assertThat(values).startsWith("Prospect", "Customer - Direct").contains("Other");
        JsonNode first = type.get("picklistValues").get(0);
        assertThat(SimClient.fieldNames(first))
                .containsExactlyInAnyOrder("active", "defaultValue", "label", "validFor", "value");
        assertThat(first.get("active").asBoolean()).isTrue();

        JsonNode revenue = field(describe, "AnnualRevenue");
        assertThat(text(revenue, "type", "soapType")).containsExactly("currency", "xsd:double");
        assertThat(revenue.get("precision").asInt()).isEqualTo(18);
        assertThat(revenue.get("length").asInt()).isZero();
        JsonNode employees = field(describe, "NumberOfEmployees");
        assertThat(text(employees, "type", "soapType")).containsExactly("int", "xsd:int");
        assertThat(employees.get("digits").asInt()).isEqualTo(8);

        JsonNode parent = field(describe, "ParentId");
        assertThat(text(parent, "type", "soapType", "relationshipName")).containsExactly("reference", "tns:ID", "Parent");
        assertThat(parent.get("referenceTo").toString()).isEqualTo("[\"Account\"]");
        assertThat(field(describe, "OwnerId").get("referenceTo").toString()).isEqualTo("[\"User\"]");

        JsonNode description = field(describe, "Description");
        assertThat(text(description, "type", "extraTypeInfo")).containsExactly("textarea", "plaintextarea");
        assertThat(description.get("length").asInt()).isEqualTo(32000);
        assertThat(flags(description, "filterable", "sortable", "groupable")).containsExactly(false, false, false);
        assertThat(text(field(describe, "Phone"), "type")).containsExactly("phone");
        assertThat(text(field(describe, "Website"), "type")).containsExactly("url");
        assertThat(text(field(describe, "BillingCity"), "compoundFieldName")).containsExactly("BillingAddress");

        JsonNode created = field(describe, "CreatedDate");
        assertThat(text(created, "type", "soapType")).containsExactly("datetime", "xsd:dateTime");
        assertThat(flags(created, "createable", "updateable", "nillable", "defaultedOnCreate"))
                .containsExactly(false, false, false, true);
        JsonNode deleted = field(describe, "IsDeleted");
        assertThat(text(deleted, "type", "soapType")).containsExactly("boolean", "xsd:boolean");
        assertThat(deleted.get("defaultValue").asBoolean()).isFalse();
    }

    @Test
    void otherObjectsFields() throws Exception {
        JsonNode lead = get("/sobjects/Lead/describe");
        JsonNode status = field(lead, "Status");
        JsonNode open = status.get("picklistValues").get(0);
        assertThat(open.get("value").asText()).isEqualTo("Open - Not Contacted");
        assertThat(open.get("defaultValue").asBoolean()).isTrue();
        assertThat(status.get("picklistValues").get(1).get("defaultValue").asBoolean()).isFalse();
        assertThat(flags(field(lead, "Company"), "nillable")).containsExactly(false);
        assertThat(field(lead, "OwnerId").get("referenceTo").toString()).isEqualTo("[\"Group\",\"User\"]");
        assertThat(flags(field(lead, "OwnerId"), "polymorphicForeignKey", "namePointing")).containsExactly(true, true);

        JsonNode contact = get("/sobjects/Contact/describe");
        JsonNode name = field(contact, "Name");
        assertThat(text(name, "extraTypeInfo", "label")).containsExactly("personname", "Full Name");
        assertThat(flags(name, "createable", "nameField")).containsExactly(false, true);
        assertThat(text(field(contact, "FirstName"), "compoundFieldName")).containsExactly("Name");
        assertThat(text(field(contact, "Email"), "type")).containsExactly("email");
        assertThat(text(field(contact, "Birthdate"), "type", "soapType")).containsExactly("date", "xsd:date");
        assertThat(text(field(contact, "AccountId"), "relationshipName")).containsExactly("Account");

        JsonNode opportunity = get("/sobjects/Opportunity/describe");
        assertThat(text(field(opportunity, "Probability"), "type")).containsExactly("percent");
        assertThat(field(opportunity, "Amount").get("scale").asInt()).isEqualTo(2);
        assertThat(flags(field(opportunity, "CloseDate"), "nillable")).containsExactly(false);

        JsonNode number = field(get("/sobjects/Case/describe"), "CaseNumber");
        assertThat(flags(number, "autoNumber", "nameField", "createable", "updateable"))
                .containsExactly(true, true, false, false);
    }

    @Test
    void customFieldsAppearOnceWritten() throws Exception {
        assertThat(fieldNames(get("/sobjects/Account/describe"))).doesNotContain("Region__c");
        assertThat(client.send("POST", V + "/sobjects/Account", token, "{\"Name\":\"Acme\",\"Region__c\":\"EU\"}")
                .statusCode()).isEqualTo(201);
        JsonNode region = field(get("/sobjects/Account/describe"), "Region__c");
        assertThat(text(region, "type", "soapType", "label")).containsExactly("string", "xsd:string", "Region");
        assertThat(flags(region, "custom", "externalId", "createable", "updateable", "nillable"))
                .containsExactly(true, true, true, true, true);
    }

    @Test
    void childRelationshipsAndRecordTypes() throws Exception {
        JsonNode account = get("/sobjects/Account/describe");
        List<String> children = new ArrayList<>();
        for (JsonNode r : account.get("childRelationships")) {
            children.add(r.get("relationshipName").asText() + "=" + r.get("childSObject").asText() + "."
                    + r.get("field").asText());
            assertThat(SimClient.fieldNames(r)).containsExactlyInAnyOrder("cascadeDelete", "childSObject",
                    "deprecatedAndHidden", "field", "junctionIdListNames", "junctionReferenceTo", "relationshipName",
                    "restrictedDelete");
        }
        assertThat(children).containsExactly("Contacts=Contact.AccountId", "Opportunities=Opportunity.AccountId",
                "Cases=Case.AccountId", "ChildAccounts=Account.ParentId");
        assertThat(get("/sobjects/Lead/describe").get("childRelationships")).isEmpty();

        JsonNode master = account.get("recordTypeInfos").get(0);
        assertThat(account.get("recordTypeInfos")).hasSize(1);
        assertThat(text(master, "name", "developerName", "recordTypeId")).containsExactly("Master", "Master",
                "012000000000000AAA");
        assertThat(flags(master, "master", "available", "active", "defaultRecordTypeMapping"))
                .containsExactly(true, true, true, true);
        assertThat(master.get("urls").get("layout").asText())
                .isEqualTo(V + "/sobjects/Account/describe/layouts/012000000000000AAA");
        assertThat(SimClient.fieldNames(account)).containsAll(OBJECT_KEYS).contains("fields", "childRelationships",
                "recordTypeInfos", "actionOverrides", "namedLayoutInfos", "supportedScopes");
    }

    @Test
    void describeGlobalAndBasicInfoShareTheObjectSummary() throws Exception {
        JsonNode global = get("/sobjects");
        assertThat(global.get("encoding").asText()).isEqualTo("UTF-8");
        assertThat(global.get("maxBatchSize").asInt()).isEqualTo(200);
        List<String> labels = new ArrayList<>();
        for (JsonNode o : global.get("sobjects")) {
            assertThat(SimClient.fieldNames(o)).containsAll(OBJECT_KEYS).doesNotContain("fields");
            labels.add(o.get("name").asText() + "/" + o.get("labelPlural").asText());
        }
        assertThat(labels).containsExactly("Account/Accounts", "Contact/Contacts", "Lead/Leads",
                "Opportunity/Opportunities", "Case/Cases");
        JsonNode account = global.get("sobjects").get(0);
        JsonNode urls = account.get("urls");
        assertThat(urls.get("sobject").asText()).isEqualTo(V + "/sobjects/Account");
        assertThat(urls.get("describe").asText()).isEqualTo(V + "/sobjects/Account/describe");
        assertThat(urls.get("rowTemplate").asText()).isEqualTo(V + "/sobjects/Account/{ID}");

        JsonNode basic = get("/sobjects/Account");
        assertThat(basic.get("objectDescribe")).isEqualTo(account);
        assertThat(basic.get("recentItems").isArray()).isTrue();
    }

    private JsonNode get(String path) throws Exception {
        return SimClient.json(client.get(V + path, token));
    }

    private static JsonNode field(JsonNode describe, String name) {
        for (JsonNode f : describe.get("fields")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name);
    }

    private static List<String> fieldNames(JsonNode describe) {
        List<String> out = new ArrayList<>();
        describe.get("fields").forEach(f -> out.add(f.get("name").asText()));
        return out;
    }

    private static List<String> text(JsonNode node, String... keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            out.add(node.get(key).asText());
        }
        return out;
    }

    private static List<Boolean> flags(JsonNode node, String... keys) {
        List<Boolean> out = new ArrayList<>();
        for (String key : keys) {
            out.add(node.get(key).asBoolean());
        }
        return out;
    }
}
