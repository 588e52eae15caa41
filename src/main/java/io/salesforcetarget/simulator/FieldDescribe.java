package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of a describe's {@code fields}, with the properties the REST API's field describe has (in its
 * alphabetical order). What the simulated org has no notion of (formulas, encryption, dependent picklists, field
 * history) is described as an org without it would: false, null or empty.
 */
final class FieldDescribe {

    private FieldDescribe() {
    }

    static ObjectNode of(FieldSpec f) {
        FieldType type = f.type();
        boolean longText = type == FieldType.TEXTAREA && f.length() > 255;
        boolean system = SObjectType.SYSTEM_FIELDS.contains(f.name());
        boolean idField = type == FieldType.ID;
        boolean nillable = !f.required() && !idField && !system && type != FieldType.BOOLEAN && !f.autoNumber()
                && !(f.readOnly() && f.nameField());
        ObjectNode out = Json.object()
                .put("aggregatable", !longText)
                .put("aiPredictionField", false)
                .put("autoNumber", f.autoNumber())
                .put("byteLength", type.hasLength() ? f.length() * 3 : 0)
                .put("calculated", false)
                .putNull("calculatedFormula")
                .put("cascadeDelete", false)
                .put("caseSensitive", false)
                .put("compoundFieldName", f.compound())
                .putNull("controllerName")
                .put("createable", f.writable())
                .put("custom", f.custom());
        if (type == FieldType.BOOLEAN) {
            out.put("defaultValue", false);
        } else {
            out.putNull("defaultValue");
        }
        out.putNull("defaultValueFormula")
                .put("defaultedOnCreate", idField || system || f.name().equals("OwnerId") || f.autoNumber()
                        || f.defaultValue() != null)
                .put("dependentPicklist", false)
                .put("deprecatedAndHidden", false)
                .put("digits", type == FieldType.INT ? f.precision() : 0)
                .put("displayLocationInDecimal", false)
                .put("encrypted", false)
                .put("externalId", f.custom())
                .put("extraTypeInfo", extraTypeInfo(f))
                .put("filterable", !longText)
                .putNull("filteredLookupInfo")
                .put("formulaTreatNullNumberAsZero", false)
                .put("groupable", !longText && !type.isDecimal() && type != FieldType.DATETIME)
                .put("highScaleNumber", false)
                .put("htmlFormatted", false)
                .put("idLookup", idField || f.nameField() && type == FieldType.STRING || type == FieldType.EMAIL
                        || f.custom())
                .putNull("inlineHelpText")
                .put("label", f.label())
                .put("length", type.hasLength() ? f.length() : 0)
                .putNull("mask")
                .putNull("maskType")
                .put("name", f.name())
                .put("nameField", f.nameField())
                .put("namePointing", f.referenceTo().size() > 1)
                .put("nillable", nillable)
                .put("permissionable", nillable && !f.readOnly());
        ArrayNode picklist = out.putArray("picklistValues");
        for (String value : f.picklist()) {
            picklist.addObject().put("active", true).put("defaultValue", value.equals(f.defaultValue()))
                    .put("label", value).putNull("validFor").put("value", value);
        }
        out.put("polymorphicForeignKey", f.referenceTo().size() > 1)
                .put("precision", type.isDecimal() ? f.precision() : 0)
                .put("queryByDistance", false)
                .putNull("referenceTargetField");
        ArrayNode referenceTo = out.putArray("referenceTo");
        f.referenceTo().forEach(referenceTo::add);
        return out.put("relationshipName", f.relationshipName())
                .putNull("relationshipOrder")
                .put("restrictedDelete", false)
                .put("restrictedPicklist", false)
                .put("scale", type.isDecimal() ? f.scale() : 0)
                .put("searchPrefilterable", type == FieldType.REFERENCE)
                .put("soapType", type.soapType())
                .put("sortable", !longText)
                .put("type", type.describeName())
                .put("unique", false)
                .put("updateable", f.writable() && !f.autoNumber())
                .put("writeRequiresMasterRead", false);
    }

    /** "plaintextarea" for text areas, "personname" for the Name a Contact or Lead has from its parts. */
    private static String extraTypeInfo(FieldSpec f) {
        if (f.type() == FieldType.TEXTAREA) {
            return "plaintextarea";
        }
        return f.nameField() && f.readOnly() && !f.autoNumber() ? "personname" : null;
    }
}
