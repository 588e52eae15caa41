package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * POST /composite/tree/{Type} {"records":[{"attributes":{"type","referenceId"},...fields, "Contacts":{"records":[...]}}]}:
 * creates record trees whose roots are of the URL's type, children linked to their parent through the relationship's
 * lookup field ({@link ChildRelationships}). One API call; records are created level by level (all roots, then all
 * second-level records, ...) and answered in that order: 201 {"hasErrors":false,"results":[{"referenceId","id"}]}.
 * If any record fails, nothing is created: 400 {"hasErrors":true,"results":[{"referenceId","errors":[...]}]} lists
 * only the failed records, each with the error its single create would get. Documented limits: 200 records in all,
 * 5 types, 5 levels; a request beyond them, or missing a type or referenceId, is refused with a single 400 (codes
 * chosen, the guide giving none: EXCEEDED_ID_LIMIT, LIMIT_EXCEEDED, INVALID_INPUT).
 */
final class SObjectTreeResource {

    static final int MAX_RECORDS = 200;
    static final int MAX_TYPES = 5;
    static final int MAX_DEPTH = 5;

    private final SObjectTypes types;
    private final SObjectStore store;
    private final RecordWrites writes;

    /** One record to create: its fields (children removed), and where its parent's ID goes. */
    private record Node(String referenceId, SObjectType type, ObjectNode fields, Node parent, String parentField,
                        int depth) {
    }

    SObjectTreeResource(SObjectTypes types, SObjectStore store) {
        this.types = types;
        this.store = store;
        this.writes = new RecordWrites(store);
    }

    /** segments: ["composite", "tree", Type]. */
    void handle(ApiExchange ex) {
        if (!ex.method().equals("POST")) {
            throw ApiError.methodNotAllowed(ex.method(), "POST");
        }
        SObjectType root = types.find(ex.segments().get(2));
        if (root == null) {
            throw ApiError.notFound();
        }
        JsonNode body = ex.jsonBody();
        if (!body.isObject() || !body.path("records").isArray()) {
            throw invalid("The request body must be {\"records\":[...]}");
        }
        List<Node> nodes = new ArrayList<>();
        collect(body.get("records"), root, null, null, 1, nodes);
        check(nodes);
        nodes.sort((a, b) -> Integer.compare(a.depth(), b.depth()));

        ArrayNode results = Json.array();
        Map<Node, String> ids = new IdentityHashMap<>();
        boolean created = store.atomically(() -> {
            ArrayNode errors = Json.array();
            for (Node node : nodes) {
                if (node.parent() != null && !ids.containsKey(node.parent())) {
                    continue; // its parent failed: not attempted
                }
                if (node.parent() != null) {
                    node.fields().put(node.parentField(), ids.get(node.parent()));
                }
                try {
                    String id = writes.create(node.type(), node.fields()).id();
                    ids.put(node, id);
                    results.addObject().put("referenceId", node.referenceId()).put("id", id);
                } catch (ApiError e) {
                    errors.addObject().put("referenceId", node.referenceId()).set("errors", SaveResults.errors(e));
                }
            }
            if (errors.isEmpty()) {
                return true;
            }
            results.removeAll();
            results.addAll(errors);
            return false;
        });
        ObjectNode out = Json.object().put("hasErrors", !created);
        out.set("results", results);
        ex.reply(created ? 201 : 400, out);
    }

    private void collect(JsonNode records, SObjectType expected, Node parent, String parentField, int depth,
                         List<Node> out) {
        if (depth > MAX_DEPTH) {
            throw new ApiError(400, "LIMIT_EXCEEDED", "An sObject tree can be at most " + MAX_DEPTH + " levels deep.");
        }
        for (JsonNode record : records) {
            if (!record.isObject()) {
                throw JsonShape.cannotDeserialize("SObjectTreeInput", record);
            }
            JsonNode attributes = record.path("attributes");
            String typeName = attributes.path("type").asText("");
            String referenceId = attributes.path("referenceId").asText("");
            if (!typeName.equalsIgnoreCase(expected.name())) {
                throw invalid("Record " + referenceId + " must be of type " + expected.name() + ", not '" + typeName + "'");
            }
            if (referenceId.isEmpty()) {
                throw invalid("Every record needs attributes.referenceId");
            }
            ObjectNode fields = Json.object();
            List<Map.Entry<ChildRelationships.Relationship, JsonNode>> children = new ArrayList<>();
            record.fields().forEachRemaining(e -> {
                ChildRelationships.Relationship r = e.getValue().isObject() && e.getValue().has("records")
                        ? ChildRelationships.find(expected, e.getKey()) : null;
                if (r != null) {
                    children.add(Map.entry(r, e.getValue().get("records")));
                } else if (!e.getKey().equals("attributes")) {
                    fields.set(e.getKey(), e.getValue()); // an unknown name fails as a create would: INVALID_FIELD
                }
            });
            Node node = new Node(referenceId, expected, fields, parent, parentField, depth);
            out.add(node);
            for (Map.Entry<ChildRelationships.Relationship, JsonNode> child : children) {
                collect(child.getValue(), types.find(child.getKey().child()), node, child.getKey().field(), depth + 1,
                        out);
            }
        }
    }

    private static void check(List<Node> nodes) {
        if (nodes.size() > MAX_RECORDS) {
            throw CollectionBody.tooMany(MAX_RECORDS);
        }
        Set<String> typeNames = new HashSet<>();
        Set<String> referenceIds = new HashSet<>();
        for (Node node : nodes) {
            typeNames.add(node.type().name());
            if (!referenceIds.add(node.referenceId())) {
                throw invalid("Duplicate referenceId provided in the request: " + node.referenceId());
            }
        }
        if (typeNames.size() > MAX_TYPES) {
            throw new ApiError(400, "LIMIT_EXCEEDED", "An sObject tree request can hold at most " + MAX_TYPES
                    + " types of records.");
        }
    }

    private static ApiError invalid(String message) {
        return new ApiError(400, "INVALID_INPUT", message);
    }
}
