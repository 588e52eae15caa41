package io.salesforcetarget.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.e2e.PackagedJar;
import io.salesforcetarget.e2e.RunningTarget;
import io.salesforcetarget.e2e.SimulatedOrg;
import io.salesforcetarget.simulator.FaultKind;
import io.salesforcetarget.simulator.KeyPairs;
import io.salesforcetarget.simulator.RecordedRequest;
import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, secret hygiene: the built jar runs in its own JVM with every logger at DEBUG, its stdout and stderr
 * captured to {@code target/secret-hygiene/target.log}, against the simulated org in this JVM. The run goes through
 * successes, Salesforce 4xx errors, 5xx and limit answers (503), connection resets and timeouts (exceptions),
 * expired sessions, and login failures (invalid_grant, 500, reset). Then no access token the org issued, no JWT
 * assertion the target sent, no line of the private key (PKCS#8 or PKCS#1 form, nor its private exponent), and
 * nothing of the sender's own Authorization header may appear in the logs, in any answer (replies, error details,
 * 503 descriptions), and the sender's header must not reach Salesforce either. Control characters of an event's id
 * or record must not start a log line of their own (forged log lines).
 */
class SecretHygieneIT {

    /** The simulator's access tokens: 15-character org id, "!AQ", opaque text. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[0-9A-Za-z]{15}!AQ[A-Za-z0-9._]{20,}");
    /** Any JWT: base64url JSON header and payload, and a signature. */
    private static final Pattern JWT_SHAPE = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private static SimulatedOrg org;
    private static SalesforceSimulator salesforce;
    private static Process target;
    private static Path log;
    private static int port;
    private static int managementPort;
    private static final String INBOUND = "inbound-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Every answer the target gave: status, headers and body. */
    private static final StringBuilder ANSWERS = new StringBuilder();

    @BeforeAll
    static void startTheJarInItsOwnJvm() throws Exception {
        org = SimulatedOrg.start(config -> config.dailyApiLimit(Long.MAX_VALUE));
        salesforce = org.salesforce();
        Path directory = Files.createDirectories(Path.of("target", "secret-hygiene").toAbsolutePath());
        log = directory.resolve("target.log");
        port = RunningTarget.freePort();
        managementPort = RunningTarget.freePort();

        ProcessBuilder builder = PackagedJar.command(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"))
                .directory(directory.toFile())
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SALESFORCE_") || name.startsWith("EVENTS_")
                || name.startsWith("MANAGEMENT_") || name.equals("PORT") || name.equals("HOST"));
        environment.putAll(org.loginEnvironment());
        environment.put("SALESFORCE_API_VERSION", "62.0");
        environment.put("SALESFORCE_REQUEST_TIMEOUT_MS", "1500");
        environment.put("SALESFORCE_RETRY_MAX_ATTEMPTS", "2");
        environment.put("SALESFORCE_RETRY_INITIAL_DELAY_MS", "10");
        environment.put("SALESFORCE_RETRY_MAX_DELAY_MS", "20");
        environment.put("SALESFORCE_LOGIN_MIN_INTERVAL_MS", "200");
        environment.put("EVENTS_DRAIN_TIMEOUT_SECONDS", "5");
        environment.put("HOST", "127.0.0.1");
        environment.put("PORT", String.valueOf(port));
        environment.put("MANAGEMENT_HOST", "127.0.0.1");
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        target = builder.start();
        awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        stopTarget();
        if (org != null) {
            org.close();
        }
    }

    private static void stopTarget() throws InterruptedException {
        if (target != null && target.isAlive()) {
            target.destroy(); // SIGTERM: the graceful shutdown, which logs too
            if (!target.waitFor(60, TimeUnit.SECONDS)) {
                target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void noTokenAssertionKeyOrInboundCredentialInLogsAnswersOrErrors() throws Exception {
        // successes, both modes
        String created = send("{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
                + "\"payload\":{\"Name\":\"Hygiene\"}}", false, 200);
        String id = created.replaceAll("(?s).*\"id\":\"([0-9A-Za-z]{18})\".*", "$1");
        send("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"" + id + "\"}", true, 200);
        send("{\"action\":\"GET\",\"resource\":\"query\",\"query\":{\"q\":\"SELECT Id FROM Account\"}}", false, 200);
        // Salesforce refuses: 404, 400
        send("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"001000000000000AAA\"}",
                false, 200);
        send("{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Nope__c\":1}}",
                true, 200);
        // not the event's fault: 503, 429, 403 REQUEST_LIMIT_EXCEEDED, 500
        for (FaultKind fault : List.of(FaultKind.SERVICE_UNAVAILABLE_JSON, FaultKind.SERVICE_UNAVAILABLE_HTML,
                FaultKind.TOO_MANY_REQUESTS, FaultKind.REQUEST_LIMIT_EXCEEDED, FaultKind.SERVER_ERROR)) {
            salesforce.faults().api(fault, 2);
            send("{\"action\":\"GET\",\"resource\":\"limits\"}", false, 503);
            salesforce.faults().clear();
        }
        // exceptions: connection reset (GET retried, POST not), response timeout
        salesforce.faults().api(FaultKind.CONNECTION_RESET, 2);
        send("{\"action\":\"GET\",\"resource\":\"limits\"}", true, 503);
        salesforce.faults().api(FaultKind.CONNECTION_RESET, 1);
        send("{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"R\"}}",
                false, 503);
        salesforce.faults().api(FaultKind.HANG, 2);
        send("{\"action\":\"GET\",\"resource\":\"limits\"}", false, 503);
        salesforce.faults().clear();
        // an expired session: 401, a new login, success
        salesforce.expireAllSessions();
        send("{\"action\":\"GET\",\"resource\":\"limits\"}", false, 200);
        // login failures: invalid_grant, a 500, a reset; each time the next login succeeds
        for (FaultKind fault : List.of(FaultKind.INVALID_GRANT, FaultKind.SERVER_ERROR, FaultKind.CONNECTION_RESET)) {
            long failedBefore = salesforce.counters().failedLogins();
            salesforce.faults().login(fault, 1);
            salesforce.expireAllSessions();
            send("{\"action\":\"GET\",\"resource\":\"limits\"}", true, 503);
            assertThat(salesforce.counters().failedLogins()).as("a failed login (%s)", fault).isGreaterThan(failedBefore);
            awaitReady(); // the warm-up logs in again
            send("{\"action\":\"GET\",\"resource\":\"limits\"}", false, 200);
        }
        // control characters in what the outcome log line quotes
        sendStructuredWithId("forged\nFORGED-LOG-LINE id", "{\"action\":\"GET\",\"resource\":\"sobjects\","
                + "\"object\":\"Account\",\"record\":\"x\\r\\nFORGED-LOG-LINE record\"}", 200);
        stopTarget(); // SIGTERM: the shutdown is logged too

        String logs = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logs).as("the capture holds the target's debug logs").contains(" DEBUG ")
                .contains("Salesforce login failed").contains("Logged in to Salesforce");
        Set<String> tokens = issuedTokens();
        Set<String> assertions = sentAssertions();
        assertThat(tokens).as("access tokens used").hasSizeGreaterThanOrEqualTo(4);
        // 1 + 1 + 3 + 3 logins; RS256 is deterministic, so two assertions made in the same second are equal
        assertThat(salesforce.recordedOtherRequests()).as("token requests").hasSizeGreaterThanOrEqualTo(8);
        assertThat(assertions).as("JWT assertions sent").hasSizeGreaterThanOrEqualTo(2);

        List<String> leaks = new ArrayList<>();
        String answers = ANSWERS.toString();
        for (Map.Entry<String, String> place : Map.of("the logs", logs, "the answers", answers).entrySet()) {
            checkAbsent(leaks, place.getKey(), place.getValue(), "an access token", tokens);
            checkAbsent(leaks, place.getKey(), place.getValue(), "a JWT assertion", assertions);
            checkAbsent(leaks, place.getKey(), place.getValue(), "a JWT assertion's signature",
                    assertions.stream().map(jwt -> jwt.substring(jwt.lastIndexOf('.') + 1)).toList());
            checkAbsent(leaks, place.getKey(), place.getValue(), "private key material", keyMaterial());
            checkAbsent(leaks, place.getKey(), place.getValue(), "the sender's Authorization header", List.of(INBOUND));
            checkPattern(leaks, place.getKey(), place.getValue(), "an access token", TOKEN_SHAPE);
            checkPattern(leaks, place.getKey(), place.getValue(), "a JWT", JWT_SHAPE);
        }
        for (RecordedRequest request : salesforce.recordedRequests()) {
            if ((request.uri() + request.headers() + request.body()).contains(INBOUND)) {
                leaks.add("the sender's Authorization header reached Salesforce: " + request.uri());
            }
        }
        assertThat(leaks).as("secrets found (log: %s)", log).isEmpty();
        assertThat(logs.lines().filter(line -> line.startsWith("FORGED"))).as("forged log lines").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Every token the org issued and the target used (the Authorization of every API call it received). */
    private static Set<String> issuedTokens() {
        Set<String> tokens = new LinkedHashSet<>();
        for (RecordedRequest request : salesforce.recordedRequests()) {
            String authorization = request.header("Authorization");
            if (authorization != null && authorization.startsWith("Bearer ")) {
                tokens.add(authorization.substring("Bearer ".length()));
            }
        }
        return tokens;
    }

    /** Every JWT assertion the target posted to the token endpoint. */
    private static Set<String> sentAssertions() {
        Set<String> assertions = new LinkedHashSet<>();
        for (RecordedRequest request : salesforce.recordedOtherRequests()) {
            for (String pair : request.body().split("&")) {
                if (pair.startsWith("assertion=")) {
                    assertions.add(URLDecoder.decode(pair.substring("assertion=".length()), StandardCharsets.UTF_8));
                }
            }
        }
        return assertions;
    }

    /** The base64 lines of both PEM forms of the key, and its private exponent in decimal and hex. */
    private static List<String> keyMaterial() {
        List<String> material = new ArrayList<>();
        PrivateKey privateKey = org.keys().getPrivate();
        for (String pem : List.of(KeyPairs.pkcs8Pem(privateKey), TestKeys.pkcs1Pem(privateKey))) {
            pem.lines().filter(line -> !line.startsWith("-----") && line.length() >= 16).forEach(material::add);
        }
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey;
        material.add(key.getPrivateExponent().toString().substring(0, 60));
        material.add(key.getPrivateExponent().toString(16).substring(0, 60));
        material.add(key.getPrimeP().toString().substring(0, 60));
        material.add("PRIVATE KEY-----");
        return material;
    }

    private static void checkAbsent(List<String> leaks, String where, String text, String what,
            Iterable<String> secrets) {
        for (String secret : secrets) {
            int at = text.indexOf(secret);
            if (at >= 0) {
                leaks.add(what + " in " + where + ": ..." + around(text, at) + "...");
            }
        }
    }

    private static void checkPattern(List<String> leaks, String where, String text, String what, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        if (matcher.find()) {
            leaks.add(what + " (by its shape) in " + where + ": ..." + around(text, matcher.start()) + "...");
        }
    }

    private static String around(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        return text.substring(lineStart, Math.min(text.length(), Math.max(at + 80, lineStart + 200)));
    }

    /** Sends one event with the sender's own credentials as headers; records the whole answer. */
    private static String send(String data, boolean structured, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + INBOUND)
                .header("Cookie", "session=" + INBOUND);
        String id = "hygiene-" + System.nanoTime();
        if (structured) {
            request.header("Content-Type", "application/cloudevents+json").POST(HttpRequest.BodyPublishers.ofString(
                    envelope(id, data)));
        } else {
            request.header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "secret-hygiene")
                    .header("ce-type", HostileCases.API_CALL).header("ce-authorization", INBOUND)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(data));
        }
        return answer(request.build(), expectedStatus, data);
    }

    private static String sendStructuredWithId(String id, String data, int expectedStatus) throws Exception {
        return answer(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + INBOUND)
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope(id, data))).build(), expectedStatus, data);
    }

    private static String envelope(String id, String data) {
        return "{\"specversion\":\"1.0\",\"id\":" + JsonText.quote(id, false) + ",\"source\":\"secret-hygiene\","
                + "\"type\":\"" + HostileCases.API_CALL + "\",\"authorization\":\"" + INBOUND + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    private static String answer(HttpRequest request, int expectedStatus, String data) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        ANSWERS.append(response.statusCode()).append(' ').append(response.headers().map()).append(' ')
                .append(response.body()).append('\n');
        assertThat(response.statusCode()).as("status for %s: %s", data, response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    /** Polls the readiness endpoint until it is up (a session is held); fails if the target dies or is too slow. */
    private static void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        BooleanSupplier ready = () -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                        + "/observe/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
        while (!ready.getAsBoolean()) {
            assertThat(target.isAlive()).as("the target process is running (log: %s)", log).isTrue();
            assertThat(System.nanoTime()).as("the target is ready within %s (log: %s)", STARTUP, log)
                    .isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
