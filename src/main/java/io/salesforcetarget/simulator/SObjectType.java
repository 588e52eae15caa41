package io.salesforcetarget.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of one sObject: key prefix, labels, its fields (in describe order) as {@link FieldSpec}s, which of them
 * are required or read-only. Any name ending in "__c" is accepted as a custom field; the first spelling seen becomes
 * its API name, as if it had been defined in Setup. Field names are case-insensitive, as in the API.
 */
final class SObjectType {

    /** Audit fields every sObject has; the API sets them, callers may not. */
    static final List<String> SYSTEM_FIELDS = List.of("IsDeleted", "CreatedDate", "CreatedById",
            "LastModifiedDate", "LastModifiedById", "SystemModstamp");

    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final List<String> fields;
    private final Map<String, FieldSpec> specs = new LinkedHashMap<>();
    private final Map<String, String> canonical = new LinkedHashMap<>();
    private final Set<String> required;
    private final Set<String> readOnly;
    private final Map<String, String> customFields = new ConcurrentHashMap<>();

    /** {@code declared}: the object's own fields, in describe order; Id comes first, the audit fields last. */
    SObjectType(String name, String label, String labelPlural, String keyPrefix, List<FieldSpec> declared) {
        this.name = name;
        this.label = label;
        this.labelPlural = labelPlural;
        this.keyPrefix = keyPrefix;
        List<FieldSpec> all = new ArrayList<>();
        all.add(FieldSpec.of("Id", label + " ID", FieldType.ID, 18).asReadOnly());
        all.addAll(declared);
        all.add(FieldSpec.of("IsDeleted", "Deleted", FieldType.BOOLEAN, 0).asReadOnly());
        all.add(FieldSpec.of("CreatedDate", "Created Date", FieldType.DATETIME, 0).asReadOnly());
        all.add(FieldSpec.reference("CreatedById", "Created By ID", "CreatedBy", "User").asReadOnly());
        all.add(FieldSpec.of("LastModifiedDate", "Last Modified Date", FieldType.DATETIME, 0).asReadOnly());
        all.add(FieldSpec.reference("LastModifiedById", "Last Modified By ID", "LastModifiedBy", "User").asReadOnly());
        all.add(FieldSpec.of("SystemModstamp", "System Modstamp", FieldType.DATETIME, 0).asReadOnly());
        List<String> names = new ArrayList<>();
        Set<String> req = new HashSet<>();
        Set<String> ro = new HashSet<>();
        for (FieldSpec spec : all) {
            names.add(spec.name());
            specs.put(spec.name(), spec);
            canonical.put(lower(spec.name()), spec.name());
            if (spec.required()) {
                req.add(spec.name());
            }
            if (spec.readOnly() && !spec.name().equals("Id")) {
                ro.add(spec.name());
            }
        }
        this.fields = List.copyOf(names);
        this.required = Set.copyOf(req);
        this.readOnly = Set.copyOf(ro);
    }

    String name() {
        return name;
    }

    String label() {
        return label;
    }

    String labelPlural() {
        return labelPlural;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    /** The describe of a field (an API name: a standard field or a custom field defined so far), or null. */
    FieldSpec spec(String apiName) {
        FieldSpec standard = specs.get(apiName);
        return standard != null || !isCustomName(apiName) ? standard : FieldSpec.custom(apiName);
    }

    /** Standard fields in describe order, starting with Id. */
    List<String> standardFields() {
        return fields;
    }

    /** Custom fields defined so far. */
    List<String> customFields() {
        return Collections.unmodifiableList(new ArrayList<>(customFields.values()));
    }

    Set<String> required() {
        return required;
    }

    boolean isReadOnly(String canonicalName) {
        return readOnly.contains(canonicalName);
    }

    /** API name of a field, or null when the sObject has no such field. Does not define custom fields. */
    String field(String anyCase) {
        String key = lower(anyCase);
        String standard = canonical.get(key);
        if (standard != null) {
            return standard;
        }
        if (isCustomName(key)) {
            return customFields.getOrDefault(key, anyCase);
        }
        return null;
    }

    /** Like {@link #field} but fixes the spelling of a new custom field, as a write does. */
    String defineField(String anyCase) {
        String key = lower(anyCase);
        String standard = canonical.get(key);
        if (standard != null) {
            return standard;
        }
        if (isCustomName(key)) {
            return customFields.computeIfAbsent(key, k -> anyCase);
        }
        return null;
    }

    static boolean isCustomName(String name) {
        return name.length() > 3 && lower(name).endsWith("__c");
    }

    void forgetCustomFields() {
        customFields.clear();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
