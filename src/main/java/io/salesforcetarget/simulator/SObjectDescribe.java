package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The describe of an sObject as the REST API gives it: {@link #summary} is an entry of the describe global
 * ({@code /sobjects}) and the {@code objectDescribe} of the basic info ({@code /sobjects/{Type}}); {@link #full} is
 * {@code /sobjects/{Type}/describe}, with {@code fields}, {@code childRelationships} (the relationships the org
 * knows: Account's Contacts, Opportunities, Cases, ChildAccounts; Contact's Cases) and {@code recordTypeInfos} (only
 * the Master record type, as an org without record types has).
 */
final class SObjectDescribe {

    /** The Master record type's ID in every org. */
    static final String MASTER_RECORD_TYPE = "012000000000000AAA";

    private SObjectDescribe() {
    }

    static ObjectNode summary(String versionPath, SObjectType type) {
        String url = versionPath + "/sobjects/" + type.name();
        ObjectNode out = Json.object()
                .put("activateable", false)
                .putNull("associateEntityType")
                .putNull("associateParentEntity")
                .put("createable", true)
                .put("custom", false)
                .put("customSetting", false)
                .put("deepCloneable", false)
                .put("deletable", true)
                .put("deprecatedAndHidden", false)
                .put("feedEnabled", false)
                .put("hasSubtypes", false)
                .put("isInterface", false)
                .put("isSubtype", false)
                .put("keyPrefix", type.keyPrefix())
                .put("label", type.label())
                .put("labelPlural", type.labelPlural())
                .put("layoutable", true)
                .put("mergeable", !type.name().equals("Opportunity"))
                .put("mruEnabled", true)
                .put("name", type.name())
                .put("queryable", true)
                .put("replicateable", true)
                .put("retrieveable", true)
                .put("searchable", true)
                .put("triggerable", true)
                .put("undeletable", true)
                .put("updateable", true);
        out.putObject("urls")
                .put("compactLayouts", url + "/describe/compactLayouts")
                .put("rowTemplate", url + "/{ID}")
                .put("approvalLayouts", url + "/describe/approvalLayouts")
                .put("defaultValues", url + "/defaultValues?recordTypeId&fields")
                .put("listviews", url + "/listviews")
                .put("describe", url + "/describe")
                .put("quickActions", url + "/quickActions")
                .put("layouts", url + "/describe/layouts")
                .put("sobject", url);
        return out;
    }

    static ObjectNode full(String versionPath, SObjectType type) {
        ObjectNode out = summary(versionPath, type);
        out.putArray("actionOverrides");
        ArrayNode children = out.putArray("childRelationships");
        for (ChildRelationships.Relationship r : ChildRelationships.ALL) {
            if (r.parent().equals(type.name())) {
                children.addObject().put("cascadeDelete", false).put("childSObject", r.child())
                        .put("deprecatedAndHidden", false).put("field", r.field())
                        .<ObjectNode>set("junctionIdListNames", Json.array())
                        .<ObjectNode>set("junctionReferenceTo", Json.array())
                        .put("relationshipName", r.name()).put("restrictedDelete", false);
            }
        }
        out.put("compactLayoutable", true).putNull("defaultImplementation").putNull("extendedBy")
                .putNull("extendsInterfaces");
        ArrayNode fields = out.putArray("fields");
        for (String name : RecordJson.allFields(type)) {
            fields.add(FieldDescribe.of(type.spec(name)));
        }
        out.putNull("implementedBy").putNull("implementsInterfaces").putNull("listviewable")
                .putNull("lookupLayoutable");
        out.putArray("namedLayoutInfos");
        out.putNull("networkScopeFieldName");
        ObjectNode master = out.putArray("recordTypeInfos").addObject()
                .put("active", true).put("available", true).put("defaultRecordTypeMapping", true)
                .put("developerName", "Master").put("master", true).put("name", "Master")
                .put("recordTypeId", MASTER_RECORD_TYPE);
        master.putObject("urls").put("layout", versionPath + "/sobjects/" + type.name() + "/describe/layouts/"
                + MASTER_RECORD_TYPE);
        out.put("searchLayoutable", true).put("sobjectDescribeOption", "FULL");
        out.putArray("supportedScopes").addObject().put("label", "All " + type.labelPlural().toLowerCase(Locale.ROOT)).put("name", "everything");
        return out;
    }
}
