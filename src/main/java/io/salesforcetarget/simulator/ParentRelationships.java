package io.salesforcetarget.simulator;

import java.util.Locale;

/**
 * The child-to-parent side of {@link ChildRelationships}: on Contact, {@code Account} is the parent reached through
 * {@code AccountId}; on Account, {@code Parent} through {@code ParentId}. The name is the lookup field without
 * its "Id", as for standard relationships. Owner, CreatedBy and LastModifiedBy (users) are not simulated.
 */
final class ParentRelationships {

    /** {@code child.name} is the {@code parent} record whose ID {@code child.field} holds. */
    record Parent(String name, String field, String parent) {
    }

    private ParentRelationships() {
    }

    /** The parent relationship named {@code name} (any case) on {@code child}, or null. */
    static Parent find(SObjectType child, String name) {
        for (ChildRelationships.Relationship r : ChildRelationships.ALL) {
            String relationship = r.field().substring(0, r.field().length() - 2);
            if (r.child().equals(child.name()) && relationship.equalsIgnoreCase(name)) {
                return new Parent(relationship, r.field(), r.parent());
            }
        }
        return null;
    }

    /** The parent relationship whose lookup field is {@code field} (an API name) on {@code child}, or null. */
    static Parent byField(SObjectType child, String field) {
        for (ChildRelationships.Relationship r : ChildRelationships.ALL) {
            if (r.child().equals(child.name()) && r.field().equals(field)) {
                return new Parent(r.field().substring(0, r.field().length() - 2), r.field(), r.parent());
            }
        }
        return null;
    }

    /** Fields that hold record IDs: Id, the lookups above, and the user lookups every object has. */
    static boolean holdsIds(SObjectType type, String field) {
        String f = field.toLowerCase(Locale.ROOT);
        return f.equals("id") || f.equals("ownerid") || f.equals("createdbyid") || f.equals("lastmodifiedbyid")
                || byField(type, field) != null;
    }
}
