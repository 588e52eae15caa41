package io.salesforcetarget.simulator;

/**
 * SOSL's {@code IN ... FIELDS}: which fields of a record the search reads. ALL (the default): every text, text
 * area, email, phone and URL field, custom fields included; NAME: the name field and the parts of a compound name
 * (FirstName, LastName); EMAIL and PHONE: the fields of that type; SIDEBAR: as NAME here.
 */
enum SearchGroup {
    ALL, NAME, EMAIL, PHONE, SIDEBAR;

    boolean includes(FieldSpec field) {
        FieldType type = field.type();
        return switch (this) {
            case ALL -> type.isSearchable();
            case NAME, SIDEBAR -> field.nameField() || type.isSearchable() && "Name".equals(field.compound());
            case EMAIL -> type == FieldType.EMAIL;
            case PHONE -> type == FieldType.PHONE;
        };
    }
}
