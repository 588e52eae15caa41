package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** GET /query?q= (and /queryAll): runs a {@link SoqlQuery} over the store; one page, done:true. */
final class QueryResource {

    private final SObjectTypes types;
    private final SObjectStore store;

    QueryResource(SObjectTypes types, SObjectStore store) {
        this.types = types;
        this.store = store;
    }

    void handle(ApiExchange ex) {
        OrgResources.requireGet(ex);
        SoqlQuery query = SoqlQuery.parse(ex.param("q"));
        SObjectType type = types.find(query.object().text());
        if (type == null) {
            throw query.error("INVALID_TYPE", query.object().position(), "sObject type '" + query.object().text()
                    + "' is not supported. If you are attempting to use a custom object, be sure to append the "
                    + "'__c' after the entity name. Please reference your WSDL or the describe call for the "
                    + "appropriate names.");
        }
        List<String> fields = new ArrayList<>();
        for (SoqlQuery.Name name : query.fields()) {
            fields.add(resolve(query, type, name));
        }
        List<String> conditionFields = new ArrayList<>();
        for (SoqlQuery.Condition c : query.conditions()) {
            conditionFields.add(resolve(query, type, c.field()));
        }
        List<SObjectRecord> matches = new ArrayList<>();
        for (SObjectRecord record : store.all(type)) {
            if (query.limit() != null && matches.size() >= query.limit()) {
                break;
            }
            if (matchesAll(record, query.conditions(), conditionFields)) {
                matches.add(record);
            }
        }
        ObjectNode out = Json.object().put("totalSize", matches.size()).put("done", true);
        ArrayNode records = out.putArray("records");
        if (!query.isCount()) {
            matches.forEach(r -> records.add(RecordJson.render(ex.versionPath(), type, r, fields)));
        }
        ex.reply(200, out);
    }

    private static String resolve(SoqlQuery query, SObjectType type, SoqlQuery.Name name) {
        String field = name.text().contains(".") ? null : type.field(name.text());
        if (field == null) {
            throw query.error("INVALID_FIELD", name.position(), RecordJson.unknownColumn(name.text(), type).getMessage());
        }
        return field;
    }

    private static boolean matchesAll(SObjectRecord record, List<SoqlQuery.Condition> conditions, List<String> fields) {
        for (int i = 0; i < conditions.size(); i++) {
            SoqlQuery.Condition c = conditions.get(i);
            boolean equal = valueEquals(fields.get(i), record.node(fields.get(i)), c.literal());
            if (equal != c.equal()) {
                return false;
            }
        }
        return true;
    }

    /** SOQL "=" on text is case-insensitive; IDs match in 15- or 18-character form; numbers numerically. */
    private static boolean valueEquals(String field, JsonNode value, String literal) {
        boolean isNull = value == null || value.isNull();
        if (literal == null || isNull) {
            return literal == null && isNull;
        }
        if (field.equals("Id") && SalesforceIds.isValid(literal)) {
            return value.asText().equals(SalesforceIds.to18(literal));
        }
        if (value.isNumber()) {
            try {
                return value.decimalValue().compareTo(new BigDecimal(literal)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return value.asText().equalsIgnoreCase(literal);
    }
}
