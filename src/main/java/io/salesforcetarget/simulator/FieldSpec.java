package io.salesforcetarget.simulator;

import java.util.List;

/**
 * One field of a simulated object as its describe shows it: API name, label, type, length (text), precision and
 * scale (numbers), the objects a lookup points to and its relationship name, the picklist values (the first marked
 * as the default when {@code defaultValue} names it), and whether it is required, set by the org (read-only), the
 * object's name field, an auto number, a custom field, or part of a compound field. Built with the factories and
 * the modifiers below; values are still stored as sent (the type is described, not enforced).
 */
record FieldSpec(String name, String label, FieldType type, int length, int precision, int scale,
                 List<String> referenceTo, String relationshipName, List<String> picklist, String defaultValue,
                 boolean required, boolean readOnly, boolean nameField, boolean autoNumber, boolean custom,
                 String compound) {

    static FieldSpec of(String name, String label, FieldType type, int length) {
        return new FieldSpec(name, label, type, length, 0, 0, List.of(), null, List.of(), null, false, false, false,
                false, false, null);
    }

    static FieldSpec text(String name, String label, int length) {
        return of(name, label, FieldType.STRING, length);
    }

    static FieldSpec textArea(String name, String label, int length) {
        return of(name, label, FieldType.TEXTAREA, length);
    }

    static FieldSpec phone(String name, String label) {
        return of(name, label, FieldType.PHONE, 40);
    }

    static FieldSpec email(String name, String label) {
        return of(name, label, FieldType.EMAIL, 80);
    }

    static FieldSpec url(String name, String label) {
        return of(name, label, FieldType.URL, 255);
    }

    static FieldSpec picklist(String name, String label, List<String> values) {
        return new FieldSpec(name, label, FieldType.PICKLIST, 255, 0, 0, List.of(), null, List.copyOf(values), null,
                false, false, false, false, false, null);
    }

    /** A lookup: {@code relationship} names the parent, e.g. Account through AccountId. */
    static FieldSpec reference(String name, String label, String relationship, String... targets) {
        return new FieldSpec(name, label, FieldType.REFERENCE, 18, 0, 0, List.of(targets), relationship, List.of(),
                null, false, false, false, false, false, null);
    }

    static FieldSpec number(String name, String label, FieldType type, int precision, int scale) {
        return new FieldSpec(name, label, type, 0, precision, scale, List.of(), null, List.of(), null, false, false,
                false, false, false, null);
    }

    /** An integer of {@code digits} digits. */
    static FieldSpec integer(String name, String label, int digits) {
        return number(name, label, FieldType.INT, digits, 0);
    }

    /** A custom field the org learnt from a write: text, usable as an external ID, as this org treats them. */
    static FieldSpec custom(String name) {
        String label = name.substring(0, name.length() - 3).replace('_', ' ').trim();
        return new FieldSpec(name, label.isEmpty() ? name : label, FieldType.STRING, 255, 0, 0, List.of(), null,
                List.of(), null, false, false, false, false, true, null);
    }

    FieldSpec asRequired() {
        return with(true, readOnly, nameField, autoNumber, defaultValue, compound);
    }

    /** Set by the org: not createable, not updateable. */
    FieldSpec asReadOnly() {
        return with(required, true, nameField, autoNumber, defaultValue, compound);
    }

    FieldSpec asNameField() {
        return with(required, readOnly, true, autoNumber, defaultValue, compound);
    }

    FieldSpec asAutoNumber() {
        return with(required, true, nameField, true, defaultValue, compound);
    }

    /** The picklist value marked as the default. */
    FieldSpec withDefault(String value) {
        return with(required, readOnly, nameField, autoNumber, value, compound);
    }

    /** Part of a compound field: {@code BillingCity} of {@code BillingAddress}, {@code FirstName} of {@code Name}. */
    FieldSpec partOf(String compoundName) {
        return with(required, readOnly, nameField, autoNumber, defaultValue, compoundName);
    }

    private FieldSpec with(boolean isRequired, boolean isReadOnly, boolean isNameField, boolean isAutoNumber,
                           String defaultPicklistValue, String compoundName) {
        return new FieldSpec(name, label, type, length, precision, scale, referenceTo, relationshipName, picklist,
                defaultPicklistValue, isRequired, isReadOnly, isNameField, isAutoNumber, custom, compoundName);
    }

    boolean writable() {
        return !readOnly && type != FieldType.ID;
    }
}
