package io.salesforcetarget.simulator;

import java.util.Locale;

/** A field's data type as the describe calls it ({@code type}) and its SOAP type ({@code soapType}). */
enum FieldType {
    ID("tns:ID"),
    STRING("xsd:string"),
    TEXTAREA("xsd:string"),
    PHONE("xsd:string"),
    EMAIL("xsd:string"),
    URL("xsd:string"),
    PICKLIST("xsd:string"),
    REFERENCE("tns:ID"),
    BOOLEAN("xsd:boolean"),
    CURRENCY("xsd:double"),
    DOUBLE("xsd:double"),
    PERCENT("xsd:double"),
    INT("xsd:int"),
    DATE("xsd:date"),
    DATETIME("xsd:dateTime");

    private final String soapType;

    FieldType(String soapType) {
        this.soapType = soapType;
    }

    /** As the describe writes it: "string", "datetime", "int", ... */
    String describeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String soapType() {
        return soapType;
    }

    /** Types whose values are text with a length (and a byte length of three bytes a character). */
    boolean hasLength() {
        return soapType.equals("xsd:string") || soapType.equals("tns:ID");
    }

    /** Types whose values have a precision and a scale. */
    boolean isDecimal() {
        return this == CURRENCY || this == DOUBLE || this == PERCENT;
    }

    /** Types whose text SOSL searches (picklists, IDs and the other types are not in the search index). */
    boolean isSearchable() {
        return this == STRING || this == TEXTAREA || this == PHONE || this == EMAIL || this == URL;
    }
}
