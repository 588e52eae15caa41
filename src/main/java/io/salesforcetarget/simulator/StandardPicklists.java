package io.salesforcetarget.simulator;

import java.util.List;

/** The values of the standard picklists of a new Salesforce org, in their setup order. */
final class StandardPicklists {

    static final List<String> ACCOUNT_TYPE = List.of("Prospect", "Customer - Direct", "Customer - Channel",
            "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other");
    static final List<String> INDUSTRY = List.of("Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals",
            "Communications", "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
            "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality",
            "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Recreation", "Retail", "Shipping",
            "Technology", "Telecommunications", "Transportation", "Utilities", "Other");
    static final List<String> RATING = List.of("Hot", "Warm", "Cold");
    static final List<String> OWNERSHIP = List.of("Public", "Private", "Subsidiary", "Other");
    static final List<String> SALUTATION = List.of("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mx.");
    static final List<String> LEAD_SOURCE = List.of("Web", "Phone Inquiry", "Partner Referral", "Purchased List",
            "Other");
    static final List<String> LEAD_STATUS = List.of("Open - Not Contacted", "Working - Contacted",
            "Closed - Converted", "Closed - Not Converted");
    static final List<String> STAGE = List.of("Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
            "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won",
            "Closed Lost");
    static final List<String> OPPORTUNITY_TYPE = List.of("Existing Customer - Upgrade",
            "Existing Customer - Replacement", "Existing Customer - Downgrade", "New Customer");
    static final List<String> CASE_STATUS = List.of("New", "Working", "Escalated", "Closed");
    static final List<String> CASE_PRIORITY = List.of("High", "Medium", "Low");
    static final List<String> CASE_ORIGIN = List.of("Phone", "Email", "Web");
    static final List<String> CASE_REASON = List.of("Installation", "Equipment Complexity", "Performance",
            "Breakdown", "Equipment Design", "Feedback", "Other");
    static final List<String> CASE_TYPE = List.of("Mechanical", "Electrical", "Electronic", "Structural", "Other");

    private StandardPicklists() {
    }
}
