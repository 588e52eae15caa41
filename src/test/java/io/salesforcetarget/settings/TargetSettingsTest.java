package io.salesforcetarget.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.simulator.KeyPairs;
import io.salesforcetarget.simulator.TestKeys;


class TargetSettingsTest {

    private static final String PKCS8 = KeyPairs.pkcs8Pem(TestKeys.privateKey());

    private final Map<String, String> properties = new HashMap<>(Map.of(
            "salesforce.auth.client-id", "3MVG9-consumer-key",
            "salesforce.auth.server", "https://login.salesforce.com",
            "salesforce.auth.user", "integration@example.com",
            "salesforce.auth.cert-key", PKCS8));

    /** Camel's properties resolve an unset key to "" (TargetConfiguration's resolver); null is handled too. */
    private TargetSettings load() {
        return TargetSettings.load(key -> properties.getOrDefault(key, ""));
    }

    private String problems() {
        return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidConfigurationException.class, this::load)
                .getMessage();
    }

    @Test
    void minimalConfigurationUsesTheDefaults() {
        TargetSettings settings = load();
        assertThat(settings.clientId()).isEqualTo("3MVG9-consumer-key");
        assertThat(settings.authServer()).isEqualTo("https://login.salesforce.com");
        assertThat(settings.username()).isEqualTo("integration@example.com");
        assertThat(settings.privateKey().getModulus()).isEqualTo(TestKeys.privateKey().getModulus());
        assertThat(settings.apiVersion()).isNull();
        assertThat(settings.replyPolicy()).isEqualTo(ReplyPolicy.ALWAYS);
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.replySource()).isEqualTo("salesforce-target");
        assertThat(settings.retryAfterSeconds()).isEqualTo(5);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TargetSettings.Key.class)
    void application_propertiesReadsTheVariableAndLeavesTheDefaultToTheCode(TargetSettings.Key key) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("application.properties"));
        assertThat(lines).as("the one place for the default of " + key.variable + " is TargetSettings.Key")
                .contains(key.property + " = {{env:" + key.variable + ":}}");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TargetSettings.Key.class)
    void theDocsGiveEachDefaultAsTheCodeHasIt(TargetSettings.Key key) throws Exception {
        List<String> documented = defaultsTableRows(Path.of("docs/configuration.md"), key);
        assertThat(documented).as("the row of " + key.variable + " in docs/configuration.md").hasSize(1);
        List<String> inReadme = defaultsTableRows(Path.of("README.md"), key);
        assertThat(inReadme).as("at most one row in the README's table").hasSizeLessThanOrEqualTo(1);
        if (!key.fallback.isEmpty()) {
            for (String row : java.util.stream.Stream.concat(documented.stream(), inReadme.stream()).toList()) {
                String[] cells = row.split("\\|");
                assertThat(cells[cells.length - 1]).as("the default of " + key.variable).contains("`" + key.fallback + "`");
            }
        }
    }

    /** The rows naming the variable in the file's first table (variable, meaning, default). */
    private static List<String> defaultsTableRows(Path file, TargetSettings.Key key) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int header = lines.indexOf("| variable | meaning | default |");
        assertThat(header).as("the defaults table of " + file).isNotNegative();
        return lines.subList(header + 2, lines.size()).stream().takeWhile(line -> line.startsWith("|"))
                .filter(line -> line.startsWith("| `" + key.variable + "`") || line.contains("/ `" + key.variable + "`"))
                .toList();
    }

    @Test
    void theDefaultsOfEachSettingsGroupAreThoseOfAStartWithNothingSet() {
        assertThat(Reliability.defaults()).isEqualTo(load().reliability());
        assertThat(Coalescing.defaults()).isEqualTo(load().coalescing());
        assertThat(EventStoreSettings.memory()).isEqualTo(load().eventStore());
        assertThat(Reliability.defaults().maxConcurrentCalls()).isEqualTo(25);
        assertThat(EventStoreSettings.memory().claimLease()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theReplayStoreIsBoundedInAnswersAndInBytes() {
        assertThat(load().reliability().replayStoreSize()).isEqualTo(10_000);
        assertThat(load().reliability().replayStoreBytes()).as("16 MiB").isEqualTo(16 * 1024 * 1024);

        properties.put("events.replay.store-bytes", "1048576");
        assertThat(load().reliability().replayStoreBytes()).isEqualTo(1_048_576);
        properties.put("events.replay.store-bytes", "99999999999");
        assertThat(load().reliability().replayStoreBytes()).as("at most 1 GiB, one array").isEqualTo(1 << 30);
        properties.put("events.replay.store-bytes", "16MB");
        assertThat(problems()).contains("EVENTS_REPLAY_STORE_BYTES must be a positive whole number, got '16MB'");
    }

    @Test
    void theReplayStoreMustFitInAQuarterOfTheHeap() {
        long heap = 144L * 1024 * 1024;
        assertThat(TargetSettings.load(key -> properties.getOrDefault(key, ""), heap).reliability().replayStoreBytes())
                .as("the default, 16 MiB, fits the recommended 144 MB heap").isEqualTo(16 * 1024 * 1024);

        properties.put("events.replay.store-bytes", String.valueOf(64 * 1024 * 1024));
        assertThatThrownBy(() -> TargetSettings.load(key -> properties.getOrDefault(key, ""), heap))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("EVENTS_REPLAY_STORE_BYTES is 67108864 bytes, more than a quarter of the maximum "
                        + "heap (37748736 of 150994944): lower it, or give the JVM a larger heap (-Xmx)");
    }

        @Test
    void nullValuesCountAsUnset() {
        TargetSettings settings = TargetSettings.load(key -> properties.get(key));
        assertThat(settings.replyPolicy()).isEqualTo(ReplyPolicy.ALWAYS);
    }

    @Test
    void everythingMissingIsReportedAtOnce() {
        properties.clear();
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid configuration:\n"
                        + "  - SALESFORCE_AUTH_CLIENT_ID is required (property salesforce.auth.client-id)\n"
                        + "  - SALESFORCE_AUTH_SERVER is required (property salesforce.auth.server)\n"
                        + "  - SALESFORCE_AUTH_USER is required (property salesforce.auth.user)\n"
                        + "  - SALESFORCE_AUTH_CERT_KEY or SALESFORCE_AUTH_CERT_KEY_FILE is required (the connected app's private key)");
    }

    @Test
    void everyKindOfProblemIsListedTogether() {
        properties.remove("salesforce.auth.user");
        properties.put("salesforce.auth.server", "login.salesforce.com");
        properties.put("salesforce.api-version", "latest");
        properties.put("events.payload-policy", "sometimes");
        properties.put("salesforce.request-timeout-ms", "soon");
        properties.put("events.retry-after-seconds", "0");
        assertThat(problems()).contains("SALESFORCE_AUTH_USER is required",
                "SALESFORCE_AUTH_SERVER must be an http(s):// URL", "SALESFORCE_API_VERSION must look like v59.0",
                "EVENTS_PAYLOAD_POLICY must be always, error or never, got 'sometimes'",
                "SALESFORCE_REQUEST_TIMEOUT_MS must be a positive whole number, got 'soon'",
                "EVENTS_RETRY_AFTER_SECONDS must be a positive whole number, got '0'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "login.salesforce.com", "ftp://login.salesforce.com", "https://", "https:///path",
            "https://bad host.com", "mailto:x@example.com" })
    void badServerUrlIsRejected(String server) {
        properties.put("salesforce.auth.server", server);
        assertThat(problems()).contains(
                "SALESFORCE_AUTH_SERVER must be an http(s):// URL, e.g. https://login.salesforce.com");
    }

    @ParameterizedTest
    @CsvSource({ "https://login.salesforce.com/,https://login.salesforce.com",
            "  https://test.salesforce.com  ,https://test.salesforce.com",
            "http://127.0.0.1:8089/,http://127.0.0.1:8089",
            "https://acme.my.salesforce.com/sso,https://acme.my.salesforce.com/sso" })
    void serverIsTrimmedOfOneTrailingSlash(String server, String expected) {
        properties.put("salesforce.auth.server", server);
        assertThat(load().authServer()).isEqualTo(expected);
    }

    @Test
    void keyAndKeyFileTogetherAreAmbiguous(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("server.key"), PKCS8);
        properties.put("salesforce.auth.cert-key-file", file.toString());
        assertThat(problems()).contains("set only one of SALESFORCE_AUTH_CERT_KEY or SALESFORCE_AUTH_CERT_KEY_FILE");
    }

    @Test
    void keyFromFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("server.key"), TestKeys.pkcs1Pem(TestKeys.privateKey()));
        properties.remove("salesforce.auth.cert-key");
        properties.put("salesforce.auth.cert-key-file", file.toString());
        assertThat(load().privateKey().getPrivateExponent()).isEqualTo(TestKeys.privateKey().getPrivateExponent());
    }

    @Test
    void missingKeyFileIsReported(@TempDir Path dir) {
        properties.remove("salesforce.auth.cert-key");
        properties.put("salesforce.auth.cert-key-file", dir.resolve("absent.key").toString());
        assertThat(problems()).contains("SALESFORCE_AUTH_CERT_KEY_FILE: cannot read " + dir.resolve("absent.key")
                + " (NoSuchFileException)");
    }

    @Test
    void pkcs1Key() {
        properties.put("salesforce.auth.cert-key", TestKeys.pkcs1Pem(TestKeys.privateKey()));
        assertThat(load().privateKey().getModulus()).isEqualTo(TestKeys.privateKey().getModulus());
    }

    @Test
    void keyWithLiteralBackslashN() {
        properties.put("salesforce.auth.cert-key", PKCS8.replace("\n", "\\n"));
        assertThat(load().privateKey().getModulus()).isEqualTo(TestKeys.privateKey().getModulus());
    }

    @Test
    void badKeyIsReportedWithoutQuotingIt() {
        String bad = "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5LWF0LWFsbA==\n-----END PRIVATE KEY-----";
        properties.put("salesforce.auth.cert-key", bad);
        assertThat(problems()).contains("SALESFORCE_AUTH_CERT_KEY: the private key").doesNotContain("bm90LWEta2V5");
    }

    @Test
    void weakKeyIsRejected() {
        properties.put("salesforce.auth.cert-key", KeyPairs.pkcs8Pem(KeyPairs.generate("RSA", 1024).getPrivate()));
        assertThat(problems()).contains("SALESFORCE_AUTH_CERT_KEY: the RSA key has 1024 bits; RS256 needs at least 2048");
    }

    @ParameterizedTest
    @CsvSource({ "59.0,v59.0", "v59.0,v59.0", "' v66.0 ',v66.0", "9.0,v9.0", "100.0,v100.0" })
    void apiVersion(String configured, String expected) {
        properties.put("salesforce.api-version", configured);
        assertThat(load().apiVersion()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "59", "v59", "V59.0", "latest", "59.0.1", "v59.00", "1000.0" })
    void badApiVersion(String configured) {
        properties.put("salesforce.api-version", configured);
        assertThat(problems()).contains("SALESFORCE_API_VERSION must look like v59.0 or 59.0, got '" + configured + "'");
    }

    @ParameterizedTest
    @CsvSource({ "always,ALWAYS", "Error,ERROR", "NEVER,NEVER", "never,NEVER" })
    void policyIsCaseInsensitive(String configured, ReplyPolicy expected) {
        properties.put("events.payload-policy", configured);
        assertThat(load().replyPolicy()).isEqualTo(expected);
    }

    @Test
    void badPolicy() {
        properties.put("events.payload-policy", "errors-only");
        assertThat(problems()).contains("EVENTS_PAYLOAD_POLICY must be always, error or never, got 'errors-only'");
    }

    @Test
    void timeout() {
        properties.put("salesforce.request-timeout-ms", "1500");
        assertThat(load().requestTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "1.5", "10s", "abc", "99999999999999999999" })
    void badTimeout(String configured) {
        properties.put("salesforce.request-timeout-ms", configured);
        assertThat(problems()).contains("SALESFORCE_REQUEST_TIMEOUT_MS must be a positive whole number, got '"
                + configured + "'");
    }

    @Test
    void replySourceAndRetryAfter() {
        properties.put("events.reply-source", "https://target.example.com/salesforce");
        properties.put("events.retry-after-seconds", "30");
        TargetSettings settings = load();
        assertThat(settings.replySource()).isEqualTo("https://target.example.com/salesforce");
        assertThat(settings.retryAfterSeconds()).isEqualTo(30);
    }

    @Test
    void badReplySource() {
        properties.put("events.reply-source", "not a uri");
        assertThat(problems()).contains("EVENTS_REPLY_SOURCE must be a URI reference, got 'not a uri'");
    }

    @Test
    void theEventStoreIsMemoryUnlessAPostgresUrlIsGiven() throws Exception {
        assertThat(load().eventStore().shared()).isFalse();
        assertThat(load().eventStore().claimLease()).isEqualTo(Duration.ofMinutes(5));

        properties.put("events.store", "jdbc:postgresql://db.example.com:5432/target");
        properties.put("events.store.username", "target");
        properties.put("events.store.password", "db-secret-1");
        EventStoreSettings store = load().eventStore();
        assertThat(store.shared()).isTrue();
        assertThat(store.url()).isEqualTo("jdbc:postgresql://db.example.com:5432/target");
        assertThat(store.username()).isEqualTo("target");
        assertThat(store.password()).isEqualTo("db-secret-1");
        assertThat(store.toString()).contains("db.example.com", "password=****").doesNotContain("db-secret-1");

        Path file = Files.createTempFile("events-store", ".password");
        Files.writeString(file, "db-secret-2\n");
        properties.remove("events.store.password");
        properties.put("events.store.password-file", file.toString());
        assertThat(load().eventStore().password()).as("a mounted secret's newline is not the password")
                .isEqualTo("db-secret-2");
        properties.put("events.store.password", "db-secret-1");
        assertThat(problems()).contains("set only one of EVENTS_STORE_PASSWORD or EVENTS_STORE_PASSWORD_FILE");
        properties.remove("events.store.password");
        properties.put("events.store.password-file", file.resolveSibling("absent.password").toString());
        assertThat(problems()).contains("EVENTS_STORE_PASSWORD_FILE: cannot read");
    }

    @Test
    void aWrongEventStoreIsNamedWithoutItsPassword() {
        properties.put("events.store", "postgres://target:db-secret-3@db.example.com/target");
        assertThat(problems()).contains("EVENTS_STORE must be memory or a PostgreSQL JDBC URL", "a 'postgres:' URL")
                .doesNotContain("db-secret-3");
        properties.put("events.store", "jdbc:postgresql://db.example.com/target?user=target&password=db-secret-4");
        assertThat(problems()).contains("EVENTS_STORE must not hold the password").doesNotContain("db-secret-4");
        properties.put("events.store", "memory");
        properties.put("events.store.username", "target");
        assertThat(problems()).contains("EVENTS_STORE_USERNAME is set but EVENTS_STORE is memory");
    }

    @Test
    void theClaimLeaseMustOutlastTheLongestCall() {
        properties.put("events.claim-lease-seconds", "76");
        assertThat(problems()).contains("EVENTS_CLAIM_LEASE_SECONDS is 76 s, not more than the longest a Salesforce"
                + " call can take with its retries (76000 ms");
        properties.put("events.claim-lease-seconds", "77");
        assertThat(load().eventStore().claimLease()).isEqualTo(Duration.ofSeconds(77));

        properties.put("salesforce.request-timeout-ms", "2000");
        properties.put("salesforce.retry.budget-ms", "1000");
        properties.put("salesforce.connect-timeout-ms", "500");
        properties.put("salesforce.pool-wait-ms", "400");
        properties.put("events.claim-lease-seconds", "6");
        assertThat(load().eventStore().claimLease()).as("above 5.9 s").isEqualTo(Duration.ofSeconds(6));
        properties.put("events.claim-lease-seconds", "0");
        assertThat(problems()).contains("EVENTS_CLAIM_LEASE_SECONDS must be a positive whole number, got '0'");
    }

    @Test
    void toStringHidesTheKey() {
        String text = load().toString();
        assertThat(text).contains("privateKey=****", "3MVG9-consumer-key")
                .doesNotContain(TestKeys.privateKey().getModulus().toString().substring(0, 20))
                .doesNotContain(PKCS8.split("\n")[1]);
    }

    @Test
    void plainHttpIsRefusedBeyondLoopbackUnlessExplicitlyAllowed() {
        properties.put("salesforce.auth.server", "http://login.example.com");
        assertThat(problems()).contains("SALESFORCE_AUTH_SERVER uses plain http://", "SALESFORCE_ALLOW_INSECURE_HTTP");

        properties.put("salesforce.allow-insecure-http", "TRUE");
        assertThat(load().security().allowInsecureHttp()).isTrue();

        properties.remove("salesforce.allow-insecure-http");
        for (String loopback : new String[] { "http://127.0.0.1:8081", "http://localhost:9", "http://[::1]:80" }) {
            properties.put("salesforce.auth.server", loopback);
            assertThat(load().authServer()).isEqualTo(loopback);
        }
    }

    @Test
    void anUnreadableAllowlistStopsTheStartAndNamesTheRule() {
        properties.put("salesforce.allowed-operations", "POST sobjects/Account, CREATE sobjects/Contact");
        assertThat(problems()).contains("SALESFORCE_ALLOWED_OPERATIONS", "CREATE");
    }

    @Test
    void theAllowlistIsReadFromItsVariable() {
        properties.put("salesforce.allowed-operations", "GET query");
        assertThat(load().security().allowlist().allowsEverything()).isFalse();
        properties.remove("salesforce.allowed-operations");
        assertThat(load().security().allowlist().allowsEverything()).isTrue();
    }

    @Test
    void inboundCredentialsAreEitherATokenOrAUserWithAPassword() {
        properties.put("events.auth.token", "t");
        assertThat(load().security().inboundAuthentication()).isTrue();
        assertThat(load().toString() + load().security()).doesNotContain("=t,", "=t]");

        properties.put("events.auth.username", "u");
        assertThat(problems()).contains("either EVENTS_AUTH_TOKEN or EVENTS_AUTH_USERNAME/EVENTS_AUTH_PASSWORD");

        properties.remove("events.auth.token");
        assertThat(problems()).contains("EVENTS_AUTH_USERNAME and EVENTS_AUTH_PASSWORD go together");

        properties.put("events.auth.password", "p");
        assertThat(load().security().inboundUser()).isEqualTo("u");
    }
}
