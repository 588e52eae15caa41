package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deleted records, as queryAll sees them: each with IsDeleted true, per object in the order deleted. At most
 * {@code capacity} per object; beyond it the oldest is forgotten. Not synchronized: {@link SObjectStore} calls it
 * under its own lock.
 */
final class RecycleBin {

    private final int capacity;
    /** type name -> (15-character ID -> deleted record). */
    private final Map<String, LinkedHashMap<String, SObjectRecord>> byType = new HashMap<>();

    RecycleBin(int capacity) {
        this.capacity = capacity;
    }

    void add(SObjectRecord record) {
        Map<String, JsonNode> fields = new LinkedHashMap<>(record.nodes());
        fields.put("IsDeleted", JsonNodeFactory.instance.booleanNode(true));
        LinkedHashMap<String, SObjectRecord> bin = byType.computeIfAbsent(record.type(), k -> new LinkedHashMap<>());
        bin.put(record.id().substring(0, 15), new SObjectRecord(record.type(), record.id(), fields));
        if (bin.size() > capacity) {
            bin.remove(bin.keySet().iterator().next());
        }
    }

    /** Takes a record out again (an undone delete). */
    void remove(SObjectRecord record) {
        LinkedHashMap<String, SObjectRecord> bin = byType.get(record.type());
        if (bin != null) {
            bin.remove(record.id().substring(0, 15));
        }
    }

    List<SObjectRecord> records(String type) {
        return new ArrayList<>(byType.getOrDefault(type, new LinkedHashMap<>()).values());
    }

    void clear() {
        byType.clear();
    }
}
