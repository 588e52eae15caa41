package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A field of a query's object, or of a parent reached through relationships ({@code Account.Name} on Contact,
 * {@code Account.Parent.Name}), resolved to API names. Unknown names are refused as Salesforce does:
 * INVALID_FIELD "No such column ..." for a field, "Didn't understand relationship ..." for a relationship.
 */
record FieldPath(SObjectType owner, List<ParentRelationships.Parent> hops, String field, SObjectType fieldType) {

    /** Finds a parent record by type and 15-character ID, or null. */
    interface ParentLookup {
        SObjectRecord find(SObjectType type, String id15);
    }

    static FieldPath resolve(SoqlQuery query, SObjectTypes types, SObjectType owner, SoqlQuery.Name name) {
        List<String> parts = name.parts();
        List<ParentRelationships.Parent> hops = new ArrayList<>();
        SObjectType current = owner;
        int start = 0;
        if (parts.size() > 1 && parts.get(0).equalsIgnoreCase(owner.name())) {
            start = 1; // SELECT Contact.Name FROM Contact: the object's own name may lead
        }
        for (int i = start; i < parts.size() - 1; i++) {
            ParentRelationships.Parent parent = ParentRelationships.find(current, parts.get(i));
            if (parent == null) {
                throw query.error("INVALID_FIELD", name.position(), "Didn't understand relationship '" + parts.get(i)
                        + "' in field path. If you are attempting to use a custom relationship, be sure to append "
                        + "the '__r' after the custom relationship name. Please reference your WSDL or the describe "
                        + "call for the appropriate names.");
            }
            hops.add(parent);
            current = types.find(parent.parent());
        }
        String last = parts.get(parts.size() - 1);
        String field = current.field(last);
        if (field == null) {
            String shown = hops.isEmpty() ? last : name.text();
            throw query.error("INVALID_FIELD", name.position(), RecordJson.unknownColumn(shown, current).getMessage());
        }
        return new FieldPath(owner, List.copyOf(hops), field, current);
    }

    /** The value for {@code record}; null when a parent on the way is not set or not found. */
    JsonNode value(SObjectRecord record, SObjectTypes types, ParentLookup lookup) {
        SObjectRecord at = parentRecord(record, hops.size(), types, lookup);
        return at == null ? null : at.node(field);
    }

    /** The record {@code depth} hops up from {@code record} (0: itself), or null. */
    static SObjectRecord walk(SObjectRecord record, List<ParentRelationships.Parent> hops, int depth,
                              SObjectTypes types, ParentLookup lookup) {
        SObjectRecord at = record;
        for (int i = 0; i < depth && at != null; i++) {
            String id = at.field(hops.get(i).field());
            at = id == null || !SalesforceIds.isValid(id) ? null
                    : lookup.find(types.find(hops.get(i).parent()), id.substring(0, 15));
        }
        return at;
    }

    SObjectRecord parentRecord(SObjectRecord record, int depth, SObjectTypes types, ParentLookup lookup) {
        return walk(record, hops, depth, types, lookup);
    }

    boolean holdsIds() {
        return ParentRelationships.holdsIds(fieldType, field);
    }
}
