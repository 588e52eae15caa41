package io.salesforcetarget.security;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.e2e.TargetAgainstSimulatedOrg;
import io.salesforcetarget.security.HostileCases.HostileCase;
import io.salesforcetarget.simulator.RecordedRequest;
import io.salesforcetarget.simulator.SimulatorConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, hostile input: thousands of generated requests ({@link HostileCases}) against the real application and
 * the simulated org, on loopback. For every case: an answer; never a 5xx; a 200 is a reply event (with the outcome
 * the README's rules give, where the family knows it); nothing of the sender's secrets comes back. For every
 * request the org received: inside {@code /services/data/v62.0/} ({@link PathInvariant}), nothing of the sender's
 * headers. Numbers arrive as the same numbers. After every batch, a valid event still succeeds.
 * <p>
 * Seeded and reproducible: {@code -Dhostile.seed=N} (default {@value #DEFAULT_SEED}), {@code -Dhostile.cases=N}
 * (default {@value #DEFAULT_CASES}), {@code -Dhostile.case=I} to run case I alone. A failure names the seed and the
 * failing case indexes.
 */
class HostileInputIT extends TargetAgainstSimulatedOrg {

    static final long DEFAULT_SEED = 7_2026_1128L;
    static final int DEFAULT_CASES = 4000;
    private static final String VERSION = "v62.0";
    private static final int SENDERS = 4;
    private static final int BATCH = 250;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);
    private static final Set<String> ERROR_CODES = Set.of("event-context", "request-parsing", "request-validation",
            "adapter-process", "response-parsing");
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    @Override
    protected SimulatorConfig.Builder org(SimulatorConfig.Builder org) {
        return org.dailyApiLimit(Long.MAX_VALUE).recordedRequestLimit(100_000);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "salesforce.api-version", VERSION,
                "salesforce.request-timeout-ms", "10000",
                "events.payload-policy", "always");
    }

    private int port() {
        return URI.create(target.url()).getPort();
    }

    @Test
    void everyHostileRequestGetsA4xxOrAnEventAndNothingLeavesTheApiPath() throws Exception {
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        String only = System.getProperty("hostile.case");
        int[] indexes = only != null && !only.isBlank()
                ? new int[] { Integer.parseInt(only.trim()) }
                : IntStream.range(0, Integer.getInteger("hostile.cases", DEFAULT_CASES)).toArray();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();

        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            for (int from = 0; from < indexes.length; from += BATCH) {
                salesforce.clearRecordedRequests();
                List<HostileCase> batch = new ArrayList<>();
                List<Future<?>> sent = new ArrayList<>();
                for (int i = from; i < Math.min(indexes.length, from + BATCH); i++) {
                    HostileCase hostile = HostileCases.generate(seed, indexes[i]);
                    batch.add(hostile);
                    sent.add(senders.submit(() -> {
                        RawHttp.Answer answer = RawHttp.exchange(port(), hostile.request(), ANSWER_TIMEOUT,
                                hostile.halfClose());
                        statuses.computeIfAbsent(hostile.family() + " " + answer.status(), k -> new AtomicInteger())
                                .incrementAndGet();
                        for (String problem : problems(hostile, answer)) {
                            failures.add(describe(hostile, problem));
                        }
                    }));
                }
                for (Future<?> future : sent) {
                    future.get(2, TimeUnit.MINUTES);
                }
                checkWhatSalesforceSaw(batch, failures);
                String canary = canaryProblem();
                if (canary != null) {
                    failures.add("after cases " + indexes[from] + ".." + batch.get(batch.size() - 1).index()
                            + ": a valid event failed: " + canary);
                    break; // the target is broken: later answers would say nothing
                }
            }
        } finally {
            senders.shutdownNow();
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("HostileInputIT: %d cases, seed %d, %d ms, answers by family and status: %s%n",
                indexes.length, seed, elapsedMs, new TreeMap<>(statuses));

        assertThat(liveness()).as("liveness after the run").isEqualTo(200);
        assertThat(failures).as("%d problems in %d cases; seed %d (rerun: mvn -B verify -Dtest=none "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HostileInputIT -Dhostile.seed=%d, one case: "
                + "-Dhostile.case=INDEX)", failures.size(), indexes.length, seed, seed)
                .isEmpty();
    }

    /** The invariants every answer must meet, and what the case's family expects. */
    private static List<String> problems(HostileCase hostile, RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        RequestRules.Expectation expect = hostile.expect();
        String everything = new String(answer.raw(), StandardCharsets.ISO_8859_1);
        if (everything.contains(HostileCases.INBOUND_SECRET_PREFIX)) {
            problems.add("the answer echoes the sender's secret");
        }
        if (answer.status() == 0) {
            if (!expect.mayGetNoAnswer()) {
                problems.add("no answer: " + answer.problem());
            }
            return problems;
        }
        int status = answer.status();
        if (status >= 500 && !expect.statuses().contains(status)) {
            problems.add("status " + status + ": " + cut(answer.bodyText()));
            return problems;
        }
        if (!expect.statuses().isEmpty() && !expect.statuses().contains(status)) {
            problems.add("status " + status + ", expected " + expect.statuses() + ": " + cut(answer.bodyText()));
            return problems;
        }
        if (status >= 200 && status < 300 && status != 200) {
            problems.add("status " + status + " (policy always: every acknowledged event gets a reply event)");
        }
        if (status == 200) {
            String outcome = replyOutcome(answer);
            if (outcome.startsWith("not a reply event")) {
                problems.add(outcome);
            } else if (!expect.replyCodes().isEmpty() && !expect.replyCodes().contains(outcome)) {
                problems.add("reply " + outcome + ", expected " + expect.replyCodes() + ": " + cut(answer.bodyText()));
            }
        }
        return problems;
    }

    /** {@code success} or the error code of the reply event; "not a reply event ..." when it is none. */
    private static String replyOutcome(RawHttp.Answer answer) {
        try {
            CloudEvent event = HttpMessageFactory.createReader(forEach -> answer.headers()
                    .forEach((name, values) -> values.forEach(value -> forEach.accept(name, value))),
                    answer.body()).toEvent();
            if (!"io.triggermesh.salesforce.apicall.response".equals(event.getType())) {
                return "not a reply event: type " + event.getType();
            }
            Object category = event.getExtension("category");
            if ("success".equals(category)) {
                return "success";
            }
            if (!"error".equals(category) || event.getData() == null) {
                return "not a reply event: category " + category;
            }
            String code = EXACT.readTree(event.getData().toBytes()).path("code").asText();
            return ERROR_CODES.contains(code) ? code : "not a reply event: error code '" + code + "'";
        } catch (Exception e) {
            return "not a reply event: " + e + ": " + cut(answer.bodyText());
        }
    }

    /** The path invariant over the batch's requests, the sender's secrets, and number fidelity. */
    private void checkWhatSalesforceSaw(List<HostileCase> batch, List<String> failures) throws Exception {
        List<RecordedRequest> apiCalls = salesforce.recordedRequests();
        List<RecordedRequest> others = salesforce.recordedOtherRequests();
        String cases = "cases " + batch.get(0).index() + ".." + batch.get(batch.size() - 1).index();
        for (String violation : PathInvariant.violations(VERSION, apiCalls, others)) {
            failures.add(cases + ": " + violation);
        }
        for (RecordedRequest request : apiCalls) {
            if ((request.uri() + request.headers() + request.body()).contains(HostileCases.INBOUND_SECRET_PREFIX)) {
                failures.add(cases + ": the sender's secret reached Salesforce: " + cut(request.uri()));
            }
            if (!String.valueOf(request.header("Authorization")).startsWith("Bearer ")
                    || request.headers().keySet().stream().anyMatch(name -> name.toLowerCase(Locale.ROOT)
                            .startsWith("ce-") || name.equalsIgnoreCase("Cookie"))) {
                failures.add(cases + ": inbound headers reached Salesforce: " + request.headers().keySet());
            }
        }
        for (HostileCase hostile : batch) {
            if (hostile.fidelity() != null) {
                String problem = fidelityProblem(hostile.fidelity(), apiCalls);
                if (problem != null) {
                    failures.add(describe(hostile, problem));
                }
            }
        }
    }

    private static String fidelityProblem(HostileCases.Fidelity fidelity, List<RecordedRequest> apiCalls)
            throws Exception {
        String parameter = HostileCases.CORRELATION + "=" + fidelity.marker();
        RecordedRequest request = apiCalls.stream()
                .filter(r -> r.query() != null && ("&" + r.query() + "&").contains("&" + parameter + "&"))
                .findFirst().orElse(null);
        if (request == null) {
            return "its request did not reach Salesforce";
        }
        JsonNode sent = EXACT.readTree(request.body());
        JsonNode expected = EXACT.readTree(JsonText.write(fidelity.payload(), false));
        if (!sameNumbers(expected, sent)) {
            return "payload changed on the way: sent " + cut(JsonText.write(fidelity.payload(), false))
                    + ", Salesforce got " + cut(request.body());
        }
        Map<String, String> query = new TreeMap<>();
        for (String pair : request.query().split("&")) {
            int equals = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> number : fidelity.numericQuery().entrySet()) {
            String got = query.get(number.getKey());
            if (got == null || !sameNumber(number.getValue(), got)) {
                return "query " + number.getKey() + "=" + cut(number.getValue()) + " reached Salesforce as "
                        + cut(String.valueOf(got));
            }
        }
        return null;
    }

    /** Same JSON, numbers compared as numbers (1.10 = 1.1, 1e400 = 1E+400), never as their spelling. */
    static boolean sameNumbers(JsonNode expected, JsonNode actual) {
        if (expected.isNumber()) {
            return actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isContainerNode()) {
            if (actual.getNodeType() != expected.getNodeType() || actual.size() != expected.size()) {
                return false;
            }
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    if (!sameNumbers(expected.get(i), actual.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (Iterator<String> names = expected.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!actual.has(name) || !sameNumbers(expected.get(name), actual.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static boolean sameNumber(String expected, String actual) {
        try {
            return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A plain valid event: the target still works. Null when it succeeded. */
    private String canaryProblem() {
        byte[] request = new RawRequest()
                .header("ce-specversion", "1.0").header("ce-id", "canary-" + System.nanoTime())
                .header("ce-source", "hostile-fuzz").header("ce-type", HostileCases.API_CALL)
                .header("Content-Type", "application/json")
                .body(RawRequest.bytes("{\"action\":\"GET\",\"resource\":\"limits\"}")).build();
        RawHttp.Answer answer = RawHttp.exchange(port(), request, ANSWER_TIMEOUT, false);
        if (answer.status() != 200) {
            return "status " + answer.status() + " " + answer.problem() + " " + cut(answer.bodyText());
        }
        String outcome = replyOutcome(answer);
        return outcome.equals("success") ? null : outcome;
    }

    private int liveness() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI.create(target.healthUrl("live"))).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String describe(HostileCase hostile, String problem) {
        return "case " + hostile.index() + " [" + cut(hostile.summary()) + "]: " + problem;
    }

    private static String cut(String text) {
        String shown = text.length() > 240 ? text.substring(0, 240) + "...(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
