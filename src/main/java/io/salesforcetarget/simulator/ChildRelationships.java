package io.salesforcetarget.simulator;

import java.util.List;
import java.util.Locale;

/** The parent-child relationships among the simulated objects, e.g. Account.Contacts = Contact.AccountId. */
final class ChildRelationships {

    /** {@code parent.name} lists {@code child} records whose {@code field} holds the parent's ID. */
    record Relationship(String parent, String name, String child, String field) {
    }

    static final List<Relationship> ALL = List.of(
            new Relationship("Account", "Contacts", "Contact", "AccountId"),
            new Relationship("Account", "Opportunities", "Opportunity", "AccountId"),
            new Relationship("Account", "Cases", "Case", "AccountId"),
            new Relationship("Account", "ChildAccounts", "Account", "ParentId"),
            new Relationship("Contact", "Cases", "Case", "ContactId"));

    private ChildRelationships() {
    }

    /** The relationship named {@code name} (any case) on {@code parent}, or null. */
    static Relationship find(SObjectType parent, String name) {
        for (Relationship r : ALL) {
            if (r.parent().equals(parent.name()) && r.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
