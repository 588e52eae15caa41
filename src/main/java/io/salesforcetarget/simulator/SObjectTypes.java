package io.salesforcetarget.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sObjects this org knows; names are looked up case-insensitively, as in REST URLs. */
final class SObjectTypes {

    private final Map<String, SObjectType> byName = new LinkedHashMap<>();

    SObjectTypes() {
        add(new SObjectType("Account", "Account", "001",
                List.of("Name", "AccountNumber", "Type", "Industry", "Description", "Phone", "Fax", "Website",
                        "NumberOfEmployees", "AnnualRevenue", "Rating", "Site", "Ownership", "TickerSymbol",
                        "ParentId", "OwnerId", "BillingStreet", "BillingCity", "BillingState",
                        "BillingPostalCode", "BillingCountry", "ShippingStreet", "ShippingCity", "ShippingState",
                        "ShippingPostalCode", "ShippingCountry"),
                List.of("Name"), List.of()));
        add(new SObjectType("Contact", "Contact", "003",
                List.of("Salutation", "FirstName", "LastName", "AccountId", "Title", "Department", "Email",
                        "Phone", "MobilePhone", "Birthdate", "LeadSource", "Description", "OwnerId",
                        "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "MailingCountry"),
                List.of("LastName"), List.of("Name")));
        add(new SObjectType("Lead", "Lead", "00Q",
                List.of("Salutation", "FirstName", "LastName", "Company", "Title", "Email", "Phone",
                        "MobilePhone", "Status", "LeadSource", "Industry", "Rating", "Website", "Description",
                        "NumberOfEmployees", "AnnualRevenue", "OwnerId", "Street", "City", "State", "PostalCode",
                        "Country"),
                List.of("LastName", "Company"), List.of("Name")));
        add(new SObjectType("Opportunity", "Opportunity", "006",
                List.of("Name", "AccountId", "StageName", "CloseDate", "Amount", "Probability", "Type",
                        "LeadSource", "NextStep", "Description", "OwnerId"),
                List.of("Name", "StageName", "CloseDate"), List.of()));
        add(new SObjectType("Case", "Case", "500",
                List.of("Subject", "Description", "Status", "Priority", "Origin", "Reason", "Type", "AccountId",
                        "ContactId", "SuppliedName", "SuppliedEmail", "SuppliedPhone", "OwnerId"),
                List.of(), List.of("CaseNumber")));
    }

    private void add(SObjectType type) {
        byName.put(type.name().toLowerCase(Locale.ROOT), type);
    }

    /** The type, or null if the org has no such sObject. */
    SObjectType find(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    List<SObjectType> all() {
        return List.copyOf(byName.values());
    }
}
