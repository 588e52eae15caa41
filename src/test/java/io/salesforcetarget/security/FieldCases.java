package io.salesforcetarget.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesforcetarget.security.HostileCases.Fidelity;
import io.salesforcetarget.security.RequestRules.Expectation;

import static io.salesforcetarget.security.HostileCases.CORRELATION;
import static io.salesforcetarget.security.RequestRules.byTheRules;

/**
 * Well-formed events with hostile data: {@code fields} (path traversal in every spelling, CR/LF/NUL,
 * {@code ?}/{@code #}, unicode dots, very long text in action, resource, object, record, query and payload),
 * {@code types} (a wrong JSON type in a field) and {@code numbers} (huge and very precise numbers, checked to
 * arrive unchanged).
 */
final class FieldCases extends CaseBuilder {

    private static final String[] SIMPLE_RESOURCES = { "limits", "sobjects", "query", "sobjects/Account" };

    FieldCases(int index, Random r, String secret) {
        super(index, r, secret);
    }

    /** A well-formed event whose data fields are hostile. */
    void fields() {
        family = "fields";
        ObjectNode data = NODES.objectNode();
        data.put("action", r.nextInt(10) < 8 ? validAction() : hostileText());
        data.put("resource", r.nextInt(10) < 2 ? pick(SIMPLE_RESOURCES) : hostilePath());
        int objectChoice = r.nextInt(10);
        if (objectChoice < 2) {
            data.put("object", r.nextBoolean() ? "Account" : "");
        } else if (objectChoice < 3) {
            data.putNull("object");
        } else if (objectChoice < 7) {
            data.put("object", hostilePath());
        }
        if (r.nextInt(10) < 5) {
            data.put("record", hostilePath());
        }
        if (r.nextInt(10) < 4) {
            ObjectNode query = data.putObject("query");
            for (int i = r.nextInt(4); i > 0; i--) {
                switch (r.nextInt(4)) {
                    case 0 -> query.put(hostileText(), r.nextInt());
                    case 1 -> query.put(hostileText(), r.nextBoolean());
                    default -> query.put(hostileText(), hostileText());
                }
            }
        }
        if (r.nextInt(10) < 3) {
            data.set("payload", randomJson(3));
        }
        expect = byTheRules(data);
        event(data);
    }

    /** A wrong JSON type in one or two fields of an otherwise valid request. */
    void types() {
        family = "types";
        ObjectNode data = NODES.objectNode();
        data.put("action", "GET");
        data.put("resource", "sobjects");
        data.put("object", "Account");
        data.put("record", "0014x000005Y9SNAA0");
        if (r.nextBoolean()) {
            data.putObject("query").put("fields", "Name");
        }
        String[] fields = { "action", "resource", "object", "record", "query", "payload", "query-value" };
        for (int n = 1 + r.nextInt(2); n > 0; n--) {
            String field = pick(fields);
            JsonNode wrong = wrongType();
            if (field.equals("query-value")) {
                data.putObject("query").set(hostileText(), wrong);
            } else {
                data.set(field, wrong);
            }
        }
        expect = byTheRules(data);
        event(data);
    }

    /** Numbers Jackson would round, or turn into "Infinity": they must reach Salesforce as the same numbers. */
    void numbers() {
        family = "numbers";
        String marker = index + "-" + Integer.toHexString(r.nextInt());
        ObjectNode data = NODES.objectNode();
        data.put("action", "PATCH"); // a GET carries no body
        data.put("resource", "limits");
        ObjectNode query = data.putObject("query");
        query.put(CORRELATION, marker);
        Map<String, String> numericQuery = new LinkedHashMap<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            String number = hugeNumber();
            query.set("n" + i, raw(number));
            numericQuery.put("n" + i, number);
        }
        ObjectNode payload = NODES.objectNode();
        payload.set("a", raw(hugeNumber()));
        ArrayNode list = payload.putArray("b");
        for (int i = r.nextInt(4); i > 0; i--) {
            list.add(raw(hugeNumber()));
        }
        data.set("payload", payload);
        fidelity = new Fidelity(marker, payload, numericQuery);
        expect = Expectation.reply("success", "adapter-process"); // the org refuses PATCH on limits: fine
        event(data);
    }
}
