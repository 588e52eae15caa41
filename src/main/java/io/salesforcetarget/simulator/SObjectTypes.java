package io.salesforcetarget.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sObjects this org knows; names are looked up case-insensitively, as in REST URLs. */
final class SObjectTypes {

    private final Map<String, SObjectType> byName = new LinkedHashMap<>();

    SObjectTypes() {
        StandardObjects.all().forEach(this::add);
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
