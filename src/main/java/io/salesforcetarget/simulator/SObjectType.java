package io.salesforcetarget.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of one sObject: key prefix, standard fields (in describe order), which of them are required
 * or read-only. Any name ending in "__c" is accepted as a custom field; the first spelling seen becomes
 * its API name, as if it had been defined in Setup. Field names are case-insensitive, as in the API.
 */
final class SObjectType {

    /** Audit fields every sObject has; the API sets them, callers may not. */
    static final List<String> SYSTEM_FIELDS = List.of("IsDeleted", "CreatedDate", "CreatedById",
            "LastModifiedDate", "LastModifiedById", "SystemModstamp");

    private final String name;
    private final String label;
    private final String keyPrefix;
    private final List<String> fields;
    private final Map<String, String> canonical = new LinkedHashMap<>();
    private final Set<String> required;
    private final Set<String> readOnly;
    private final Map<String, String> customFields = new ConcurrentHashMap<>();

    SObjectType(String name, String label, String keyPrefix, List<String> writable, List<String> required,
                List<String> computed) {
        this.name = name;
        this.label = label;
        this.keyPrefix = keyPrefix;
        List<String> all = new ArrayList<>();
        all.add("Id");
        all.addAll(writable);
        all.addAll(computed);
        all.addAll(SYSTEM_FIELDS);
        this.fields = List.copyOf(all);
        all.forEach(f -> canonical.put(lower(f), f));
        this.required = Set.copyOf(required);
        List<String> ro = new ArrayList<>(computed);
        ro.addAll(SYSTEM_FIELDS);
        this.readOnly = Set.copyOf(ro);
    }

    String name() {
        return name;
    }

    String label() {
        return label;
    }

    String keyPrefix() {
        return keyPrefix;
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
