package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * In-memory records of the org. All methods are synchronized: each is a few map operations, and upsert
 * needs find-or-create to be atomic. Custom (__c) field values are indexed, case-insensitively as
 * Salesforce matches external IDs, so upserts stay O(1) however many records the benchmark creates.
 */
public final class SObjectStore {

    private static final DateTimeFormatter SF_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final SObjectTypes types;
    private final Clock clock;
    private final String userId;
    private final int maxRecordsPerType;
    /** type name -> (15-char ID -> record), in creation order. */
    private final Map<String, LinkedHashMap<String, SObjectRecord>> byType = new HashMap<>();
    /** type name -> lower-case custom field -> lower-case value -> 15-char IDs. */
    private final Map<String, Map<String, Map<String, Set<String>>>> externalIds = new HashMap<>();
    private final Set<String> deleted = new HashSet<>();
    private final RecycleBin recycleBin;
    private final Map<String, Long> idCounters = new HashMap<>();
    private long caseNumbers = 1000;
    /** Undo actions of the open unit of work (see {@link #atomically}), newest first; null when none is open. */
    private Deque<Runnable> undo;

    SObjectStore(SObjectTypes types, Clock clock, String userId, int maxRecordsPerType) {
        this.types = types;
        this.clock = clock;
        this.userId = userId;
        this.maxRecordsPerType = maxRecordsPerType;
        this.recycleBin = new RecycleBin(maxRecordsPerType);
    }

    /** Outcome of an upsert: created or updated one record, or matched several (nothing written). */
    record UpsertResult(boolean created, SObjectRecord record, List<SObjectRecord> matches) {
    }

    // ---- public API for tests and seeding ----

    /** Records of one sObject type, in creation order. */
    public synchronized List<SObjectRecord> records(String sobject) {
        return List.copyOf(table(type(sobject)).values());
    }

    /** A record by 15- or 18-character ID. */
    public synchronized Optional<SObjectRecord> record(String sobject, String id) {
        if (!SalesforceIds.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(table(type(sobject)).get(id.substring(0, 15)));
    }

    /** Seeds a record as a create call would (same validation); e.g. two records with one external ID. */
    public SObjectRecord insert(String sobject, Map<String, Object> fields) {
        SObjectType type = type(sobject);
        return create(type, FieldValues.forWrite(type, Json.MAPPER.valueToTree(fields)));
    }

    public synchronized int count(String sobject) {
        return table(type(sobject)).size();
    }

    /** Forgets every record, tombstone, counter and custom field definition. */
    public synchronized void clear() {
        byType.clear();
        externalIds.clear();
        deleted.clear();
        recycleBin.clear();
        idCounters.clear();
        caseNumbers = 1000;
        types.all().forEach(SObjectType::forgetCustomFields);
    }

    // ---- operations used by the REST resources ----

    /**
     * Runs {@code work} as one unit under the store's lock: when it returns false (or throws), every write it made
     * is undone, as allOrNone rolls back. Units nest (a collection inside a composite); an inner unit that commits
     * can still be undone by the outer one. IDs and case numbers handed out are not reused, as in Salesforce.
     */
    synchronized boolean atomically(BooleanSupplier work) {
        boolean outermost = undo == null;
        if (outermost) {
            undo = new ArrayDeque<>();
        }
        int mark = undo.size();
        boolean commit = false;
        try {
            commit = work.getAsBoolean();
            return commit;
        } finally {
            if (!commit) {
                while (undo.size() > mark) {
                    undo.pop().run();
                }
            }
            if (outermost) {
                undo = null;
            }
        }
    }

    synchronized SObjectRecord create(SObjectType type, Map<String, JsonNode> values) {
        long n = idCounters.merge(type.name(), 1L, Long::sum);
        String id = SalesforceIds.generate(type.keyPrefix(), n);
        Map<String, JsonNode> fields = new LinkedHashMap<>(values);
        String now = now();
        fields.put("IsDeleted", JsonNodeFactory.instance.booleanNode(false));
        fields.put("CreatedDate", text(now));
        fields.put("CreatedById", text(userId));
        fields.putIfAbsent("OwnerId", text(userId));
        if (type.name().equals("Case")) {
            fields.put("CaseNumber", text(String.format(Locale.ROOT, "%08d", ++caseNumbers)));
        }
        SObjectRecord record = finish(type, id, fields, now);
        LinkedHashMap<String, SObjectRecord> table = table(type);
        table.put(id.substring(0, 15), record);
        index(type, record, true);
        remember(() -> {
            table.remove(id.substring(0, 15));
            index(type, record, false);
        });
        if (table.size() > maxRecordsPerType) {
            SObjectRecord eldest = table.values().iterator().next();
            table.remove(eldest.id().substring(0, 15));
            index(type, eldest, false);
            remember(() -> {
                table.put(eldest.id().substring(0, 15), eldest);
                index(type, eldest, true);
            });
        }
        return record;
    }

    synchronized SObjectRecord find(SObjectType type, String id15) {
        return table(type).get(id15);
    }

    synchronized SObjectRecord update(SObjectType type, String id15, Map<String, JsonNode> values) {
        SObjectRecord old = existing(type, id15);
        Map<String, JsonNode> fields = new LinkedHashMap<>(old.nodes());
        fields.putAll(values);
        SObjectRecord record = finish(type, old.id(), fields, now());
        index(type, old, false);
        table(type).put(id15, record);
        index(type, record, true);
        remember(() -> {
            index(type, record, false);
            table(type).put(id15, old);
            index(type, old, true);
        });
        return record;
    }

    synchronized void delete(SObjectType type, String id15) {
        SObjectRecord old = existing(type, id15);
        table(type).remove(id15);
        index(type, old, false);
        deleted.add(id15);
        recycleBin.add(old);
        remember(() -> {
            recycleBin.remove(old);
            deleted.remove(id15);
            table(type).put(id15, old);
            index(type, old, true);
        });
    }

    synchronized List<SObjectRecord> findByExternalId(SObjectType type, String field, String value) {
        Set<String> ids = externalIds.getOrDefault(type.name(), Map.of())
                .getOrDefault(field.toLowerCase(Locale.ROOT), Map.of())
                .getOrDefault(value.toLowerCase(Locale.ROOT), Set.of());
        List<SObjectRecord> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(table(type).get(id)));
        return out;
    }

    /** Find-or-create by external ID, atomically; the URL value wins over the body's copy of the field. */
    synchronized UpsertResult upsert(SObjectType type, String field, String value, Map<String, JsonNode> values) {
        List<SObjectRecord> matches = findByExternalId(type, field, value);
        if (matches.size() > 1) {
            return new UpsertResult(false, null, matches);
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>(values);
        if (matches.isEmpty()) {
            fields.put(field, text(value));
            return new UpsertResult(true, create(type, fields), List.of());
        }
        fields.remove(field);
        SObjectRecord match = matches.get(0);
        return new UpsertResult(false, update(type, match.id().substring(0, 15), fields), List.of());
    }

    synchronized List<SObjectRecord> all(SObjectType type) {
        return List.copyOf(table(type).values());
    }

    /** The live records, then those in the recycle bin (IsDeleted true): what queryAll reads. */
    synchronized List<SObjectRecord> allWithDeleted(SObjectType type) {
        List<SObjectRecord> out = new ArrayList<>(table(type).values());
        out.addAll(recycleBin.records(type.name()));
        return out;
    }

    /** Deleted records of one sObject type still in the recycle bin, in the order deleted. */
    public synchronized List<SObjectRecord> deletedRecords(String sobject) {
        return recycleBin.records(type(sobject).name());
    }

    // ---- internals ----

    private void remember(Runnable undoAction) {
        if (undo != null) {
            undo.push(undoAction);
        }
    }

    private SObjectRecord existing(SObjectType type, String id15) {
        SObjectRecord record = table(type).get(id15);
        if (record == null) {
            if (deleted.contains(id15)) {
                throw new ApiError(404, "ENTITY_IS_DELETED", "entity is deleted", List.of());
            }
            throw ApiError.notFound();
        }
        return record;
    }

    /** Derived fields, audit stamps and the required-field check shared by create and update. */
    private SObjectRecord finish(SObjectType type, String id, Map<String, JsonNode> fields, String now) {
        List<String> missing = new ArrayList<>();
        for (String required : type.required()) {
            JsonNode v = fields.get(required);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiError(400, "REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing, Collections.unmodifiableList(missing));
        }
        if (type.standardFields().contains("Name") && type.isReadOnly("Name")) {
            // Contact and Lead: Name is the compound of FirstName and LastName.
            String first = fields.containsKey("FirstName") && !fields.get("FirstName").isNull()
                    ? fields.get("FirstName").asText() : "";
            String last = fields.containsKey("LastName") && !fields.get("LastName").isNull()
                    ? fields.get("LastName").asText() : "";
            fields.put("Name", text((first + " " + last).trim()));
        }
        fields.put("LastModifiedDate", text(now));
        fields.put("LastModifiedById", text(userId));
        fields.put("SystemModstamp", text(now));
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        ordered.put("Id", text(id));
        fields.forEach((k, v) -> {
            if (!k.equals("Id")) {
                ordered.put(k, v);
            }
        });
        return new SObjectRecord(type.name(), id, ordered);
    }

    private void index(SObjectType type, SObjectRecord record, boolean add) {
        Map<String, Map<String, Set<String>>> byField =
                externalIds.computeIfAbsent(type.name(), k -> new HashMap<>());
        String id15 = record.id().substring(0, 15);
        record.nodes().forEach((field, value) -> {
            if (!SObjectType.isCustomName(field) || value == null || value.isNull() || !value.isValueNode()) {
                return;
            }
            String f = field.toLowerCase(Locale.ROOT);
            String v = value.asText().toLowerCase(Locale.ROOT);
            if (add) {
                byField.computeIfAbsent(f, k -> new HashMap<>()).computeIfAbsent(v, k -> new LinkedHashSet<>())
                        .add(id15);
            } else {
                Map<String, Set<String>> values = byField.get(f);
                if (values != null && values.containsKey(v)) {
                    values.get(v).remove(id15);
                    if (values.get(v).isEmpty()) {
                        values.remove(v);
                    }
                }
            }
        });
    }

    private LinkedHashMap<String, SObjectRecord> table(SObjectType type) {
        return byType.computeIfAbsent(type.name(), k -> new LinkedHashMap<>());
    }

    private SObjectType type(String sobject) {
        SObjectType type = types.find(sobject);
        if (type == null) {
            throw new IllegalArgumentException("unknown sObject " + sobject);
        }
        return type;
    }

    private String now() {
        return SF_DATETIME.format(clock.instant());
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }
}
