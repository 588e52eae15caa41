package io.salesforcetarget.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.salesforcetarget.simulator.SObjectRecord;
import io.salesforcetarget.simulator.SalesforceSimulator;

/**
 * The same stream of mixed writes, some of them invalid, sent at high concurrency to a target that coalesces and
 * to one that does not, each against its own simulated org answering 20 ms late with two calls at once: every
 * event gets the same status, category and reply data (ids aside), both orgs end in the same state, and the
 * coalescing one counted far fewer API calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoalescingIT {

    private static final int CLIENTS = 32;

    private Side coalescing;
    private Side alone;
    private ExecutorService clients;

    /** One org, answering 20 ms late, and the target in front of it, with two calls at once. */
    private record Side(SimulatedOrg org, RunningTarget target, CloudEventClient client) implements AutoCloseable {

        static Side start(String coalesce) throws Exception {
            SimulatedOrg org = SimulatedOrg.start(config -> config.apiLatency(Duration.ofMillis(20)));
            RunningTarget target = RunningTarget.start(RunningTarget.with(org.login(), Map.of(
                    "events.payload-policy", "always",
                    "salesforce.max-concurrent-calls", "2",
                    "salesforce.pool-wait-ms", "60000",
                    "salesforce.coalesce", coalesce)));
            return new Side(org, target, new CloudEventClient(target.url()));
        }

        SalesforceSimulator salesforce() {
            return org.salesforce();
        }

        @Override
        public void close() throws Exception {
            target.close();
            org.close();
        }
    }

    /** What the sender sees of one event's answer, the record id aside (each org makes its own). */
    private record Seen(int status, String category, JsonNode data, String id) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Seen seen && status == seen.status && category.equals(seen.category)
                    && data.equals(seen.data);
        }

        @Override
        public int hashCode() {
            return status;
        }
    }

    @BeforeAll
    void start() throws Exception {
        coalescing = Side.start("on");
        alone = Side.start("off");
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterAll
    void stop() throws Exception {
        clients.shutdownNow();
        coalescing.close();
        alone.close();
    }

    @Test
    void coalescedEventsGetTheAnswersOfTheirOwnCallsForFarFewerApiCalls() throws Exception {
        List<Seen> seenCoalescing = run(coalescing);
        List<Seen> seenAlone = run(alone);

        for (int i = 0; i < seenAlone.size(); i++) {
            assertThat(seenCoalescing.get(i)).as("event %d", i).isEqualTo(seenAlone.get(i));
        }
        assertThat(seenAlone).extracting(Seen::category).contains("success", "error");
        assertThat(seenAlone).extracting(seen -> seen.data().path("details").path("statusCode").asInt())
                .as("Salesforce's statuses in the error events").contains(400, 404);
        assertThat(seenAlone).extracting(seen -> seen.data().path("created").asText())
                .as("upserts that created and that updated").contains("true", "false");
        assertThat(state(coalescing.salesforce())).isEqualTo(state(alone.salesforce())).isNotEmpty();
        long callsCoalescing = coalescing.salesforce().counters().apiCalls();
        long callsAlone = alone.salesforce().counters().apiCalls();
        assertThat(callsAlone).as("one call per event").isGreaterThanOrEqualTo(seenAlone.size());
        assertThat(callsCoalescing).as("calls with coalescing, vs %d without", callsAlone)
                .isLessThan(callsAlone / 2);
    }

    /** Creates and upserts (valid and invalid), then updates, upserts again and deletes the records they made. */
    private List<Seen> run(Side side) throws Exception {
        List<Seen> seen = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<HttpResponse<byte[]>> created = send(side, 120, i -> i < 100
                ? upsert("K" + i, "{\"Name\":\"Account " + i + "\"}")
                : i < 110 ? upsert("K" + i, "{\"Name\":\"x\",\"Bogus\":1}")
                        : create(i % 2 == 0 ? "{\"Name\":\"New " + i + "\"}" : "{\"Phone\":\"1\"}"));
        for (HttpResponse<byte[]> response : created) {
            Seen one = seen(response);
            seen.add(one);
            ids.add(one.id());
        }
        List<HttpResponse<byte[]>> changed = send(side, 100, i -> i < 40
                ? update(ids.get(i), "{\"Phone\":\"" + i + "\"}")
                : i < 70 ? delete(ids.get(i))
                        : i < 90 ? upsert("K" + i, "{\"Name\":\"Again " + i + "\"}")
                                : i < 95 ? delete("001000000000000AAA") : update(ids.get(0), "{\"Bogus\":1}"));
        for (HttpResponse<byte[]> response : changed) {
            seen.add(seen(response));
        }
        return seen;
    }

    private List<HttpResponse<byte[]>> send(Side side, int count, IntFunction<String> event) throws Exception {
        List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String data = event.apply(i);
            Callable<HttpResponse<byte[]>> send = () -> side.client().sendBinary(CloudEventClient.API_CALL, data);
            responses.add(clients.submit(send));
        }
        List<HttpResponse<byte[]>> answers = new ArrayList<>();
        for (Future<HttpResponse<byte[]>> response : responses) {
            answers.add(response.get());
        }
        return answers;
    }

    private static Seen seen(HttpResponse<byte[]> response) throws Exception {
        CloudEvent reply = CloudEventClient.replyOf(response);
        JsonNode data = reply.getData() == null ? null : CloudEventClient.dataOf(reply);
        String id = null;
        if (data instanceof ObjectNode object && object.has("id")) {
            id = object.get("id").asText();
            object.put("id", "(id)");
        }
        return new Seen(response.statusCode(), String.valueOf(reply.getExtension("category")),
                data == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : data, id);
    }

    /** Each account's fields, ids aside, sorted by name. */
    private static Map<String, Map<String, Object>> state(SalesforceSimulator org) {
        Map<String, Map<String, Object>> accounts = new TreeMap<>();
        for (SObjectRecord account : org.store().records("Account")) {
            Map<String, Object> fields = new TreeMap<>(account.fields());
            fields.keySet().removeIf(name -> name.equals("Id") || name.endsWith("Date")
                    || name.toLowerCase(java.util.Locale.ROOT).endsWith("stamp"));
            accounts.put(account.field("Name"), fields);
        }
        return accounts;
    }

    private static String create(String payload) {
        return "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":" + payload + "}";
    }

    private static String upsert(String key, String payload) {
        return "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"Ext__c/" + key
                + "\",\"payload\":" + payload + "}";
    }

    private static String update(String id, String payload) {
        return "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"" + id
                + "\",\"payload\":" + payload + "}";
    }

    private static String delete(String id) {
        return "{\"action\":\"DELETE\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"" + id + "\"}";
    }
}
