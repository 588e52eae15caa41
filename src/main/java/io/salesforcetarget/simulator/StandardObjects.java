package io.salesforcetarget.simulator;

import static io.salesforcetarget.simulator.FieldSpec.email;
import static io.salesforcetarget.simulator.FieldSpec.integer;
import static io.salesforcetarget.simulator.FieldSpec.number;
import static io.salesforcetarget.simulator.FieldSpec.phone;
import static io.salesforcetarget.simulator.FieldSpec.picklist;
import static io.salesforcetarget.simulator.FieldSpec.reference;
import static io.salesforcetarget.simulator.FieldSpec.text;
import static io.salesforcetarget.simulator.FieldSpec.textArea;
import static io.salesforcetarget.simulator.FieldSpec.url;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard objects of the simulated org and their fields, with the labels, types, lengths and picklists of a
 * new Salesforce org (a subset of each object's fields). Id and the audit fields are added by {@link SObjectType}.
 */
final class StandardObjects {

    private StandardObjects() {
    }

    static List<SObjectType> all() {
        return List.of(account(), contact(), lead(), opportunity(), caseObject());
    }

    private static SObjectType account() {
        List<FieldSpec> f = new ArrayList<>(List.of(
                text("Name", "Account Name", 255).asRequired().asNameField(),
                text("AccountNumber", "Account Number", 40),
                picklist("Type", "Account Type", StandardPicklists.ACCOUNT_TYPE),
                picklist("Industry", "Industry", StandardPicklists.INDUSTRY),
                textArea("Description", "Account Description", 32000),
                phone("Phone", "Account Phone"),
                phone("Fax", "Account Fax"),
                url("Website", "Website"),
                integer("NumberOfEmployees", "Employees", 8),
                number("AnnualRevenue", "Annual Revenue", FieldType.CURRENCY, 18, 0),
                picklist("Rating", "Account Rating", StandardPicklists.RATING),
                text("Site", "Account Site", 80),
                picklist("Ownership", "Ownership", StandardPicklists.OWNERSHIP),
                text("TickerSymbol", "Ticker Symbol", 20),
                reference("ParentId", "Parent Account ID", "Parent", "Account"),
                owner("User")));
        f.addAll(address("Billing", "Billing ", "BillingAddress"));
        f.addAll(address("Shipping", "Shipping ", "ShippingAddress"));
        return new SObjectType("Account", "Account", "Accounts", "001", f);
    }

    private static SObjectType contact() {
        List<FieldSpec> f = new ArrayList<>(personName());
        f.addAll(List.of(
                reference("AccountId", "Account ID", "Account", "Account"),
                text("Title", "Title", 128),
                text("Department", "Department", 80),
                email("Email", "Email"),
                phone("Phone", "Business Phone"),
                phone("MobilePhone", "Mobile Phone"),
                FieldSpec.of("Birthdate", "Birthdate", FieldType.DATE, 0),
                picklist("LeadSource", "Lead Source", StandardPicklists.LEAD_SOURCE),
                textArea("Description", "Contact Description", 32000),
                owner("User")));
        f.addAll(address("Mailing", "Mailing ", "MailingAddress"));
        f.add(text("Name", "Full Name", 121).asReadOnly().asNameField());
        return new SObjectType("Contact", "Contact", "Contacts", "003", f);
    }

    private static SObjectType lead() {
        List<FieldSpec> f = new ArrayList<>(personName());
        f.addAll(List.of(
                text("Company", "Company", 255).asRequired(),
                text("Title", "Title", 128),
                email("Email", "Email"),
                phone("Phone", "Phone"),
                phone("MobilePhone", "Mobile Phone"),
                picklist("Status", "Status", StandardPicklists.LEAD_STATUS).withDefault("Open - Not Contacted"),
                picklist("LeadSource", "Lead Source", StandardPicklists.LEAD_SOURCE),
                picklist("Industry", "Industry", StandardPicklists.INDUSTRY),
                picklist("Rating", "Rating", StandardPicklists.RATING),
                url("Website", "Website"),
                textArea("Description", "Description", 32000),
                integer("NumberOfEmployees", "Employees", 8),
                number("AnnualRevenue", "Annual Revenue", FieldType.CURRENCY, 18, 0),
                owner("Group", "User")));
        f.addAll(address("", "", "Address"));
        f.add(text("Name", "Full Name", 121).asReadOnly().asNameField());
        return new SObjectType("Lead", "Lead", "Leads", "00Q", f);
    }

    private static SObjectType opportunity() {
        return new SObjectType("Opportunity", "Opportunity", "Opportunities", "006", List.of(
                text("Name", "Name", 120).asRequired().asNameField(),
                reference("AccountId", "Account ID", "Account", "Account"),
                picklist("StageName", "Stage", StandardPicklists.STAGE).asRequired(),
                FieldSpec.of("CloseDate", "Close Date", FieldType.DATE, 0).asRequired(),
                number("Amount", "Amount", FieldType.CURRENCY, 18, 2),
                number("Probability", "Probability (%)", FieldType.PERCENT, 3, 0),
                picklist("Type", "Opportunity Type", StandardPicklists.OPPORTUNITY_TYPE),
                picklist("LeadSource", "Lead Source", StandardPicklists.LEAD_SOURCE),
                text("NextStep", "Next Step", 255),
                textArea("Description", "Description", 32000),
                owner("User")));
    }

    private static SObjectType caseObject() {
        return new SObjectType("Case", "Case", "Cases", "500", List.of(
                text("Subject", "Subject", 255),
                textArea("Description", "Description", 32000),
                picklist("Status", "Status", StandardPicklists.CASE_STATUS).withDefault("New"),
                picklist("Priority", "Priority", StandardPicklists.CASE_PRIORITY).withDefault("Medium"),
                picklist("Origin", "Case Origin", StandardPicklists.CASE_ORIGIN),
                picklist("Reason", "Case Reason", StandardPicklists.CASE_REASON),
                picklist("Type", "Case Type", StandardPicklists.CASE_TYPE),
                reference("AccountId", "Account ID", "Account", "Account"),
                reference("ContactId", "Contact ID", "Contact", "Contact"),
                text("SuppliedName", "Name", 80),
                email("SuppliedEmail", "Email Address"),
                phone("SuppliedPhone", "Phone"),
                owner("Group", "User"),
                text("CaseNumber", "Case Number", 30).asAutoNumber().asNameField()));
    }

    /** Salutation, FirstName and LastName (required): the parts of a person's Name. */
    private static List<FieldSpec> personName() {
        return List.of(
                picklist("Salutation", "Salutation", StandardPicklists.SALUTATION).partOf("Name"),
                text("FirstName", "First Name", 40).partOf("Name"),
                text("LastName", "Last Name", 80).asRequired().partOf("Name"));
    }

    private static FieldSpec owner(String... targets) {
        return reference("OwnerId", "Owner ID", "Owner", targets);
    }

    /** Street, City, State, PostalCode, Country: the parts of an address compound field. */
    private static List<FieldSpec> address(String prefix, String label, String compound) {
        return List.of(
                textArea(prefix + "Street", label + "Street", 255).partOf(compound),
                text(prefix + "City", label + "City", 40).partOf(compound),
                text(prefix + "State", label + "State/Province", 80).partOf(compound),
                text(prefix + "PostalCode", label + "Zip/Postal Code", 20).partOf(compound),
                text(prefix + "Country", label + "Country", 80).partOf(compound));
    }
}
