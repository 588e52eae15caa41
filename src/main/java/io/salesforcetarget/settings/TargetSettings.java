package io.salesforcetarget.settings;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

import io.salesforcetarget.apicall.OperationAllowlist;
import io.salesforcetarget.auth.PrivateKeyLoader;
import io.salesforcetarget.auth.TransportPolicy;

/**
 * The target's configuration, read once at start from application.properties (where each key defaults to the
 * original adapter's environment variable) and validated as a whole: one message names every problem.
 *
 * @param apiVersion "vNN.N", or null to use the highest version the instance lists
 */
public record TargetSettings(String clientId, String authServer, String username, RSAPrivateKey privateKey,
        String apiVersion, ReplyPolicy replyPolicy, Duration requestTimeout, String replySource,
        int retryAfterSeconds, Reliability reliability, Security security, boolean jsonLogs,
        Coalescing coalescing, EventStoreSettings eventStore) {

    private static final Pattern VERSION = Pattern.compile("v?(\\d{1,3}\\.\\d)");

    /**
     * Property key, the environment variable users know it by, and its default: the one place defaults live
     * (application.properties leaves every value empty unless the variable is set; the library reads the same keys).
     */
    enum Key {
        CLIENT_ID("salesforce.auth.client-id", "SALESFORCE_AUTH_CLIENT_ID"),
        SERVER("salesforce.auth.server", "SALESFORCE_AUTH_SERVER"),
        USER("salesforce.auth.user", "SALESFORCE_AUTH_USER"),
        CERT_KEY("salesforce.auth.cert-key", "SALESFORCE_AUTH_CERT_KEY"),
        CERT_KEY_FILE("salesforce.auth.cert-key-file", "SALESFORCE_AUTH_CERT_KEY_FILE"),
        API_VERSION("salesforce.api-version", "SALESFORCE_API_VERSION"),
        REQUEST_TIMEOUT("salesforce.request-timeout-ms", "SALESFORCE_REQUEST_TIMEOUT_MS", "30000"),
        POLICY("events.payload-policy", "EVENTS_PAYLOAD_POLICY", "always"),
        REPLY_SOURCE("events.reply-source", "EVENTS_REPLY_SOURCE", "salesforce-target"),
        RETRY_AFTER("events.retry-after-seconds", "EVENTS_RETRY_AFTER_SECONDS", "5"),
        CONNECT_TIMEOUT("salesforce.connect-timeout-ms", "SALESFORCE_CONNECT_TIMEOUT_MS", "5000"),
        MAX_CONCURRENT("salesforce.max-concurrent-calls", "SALESFORCE_MAX_CONCURRENT_CALLS", "25"),
        POOL_WAIT("salesforce.pool-wait-ms", "SALESFORCE_POOL_WAIT_MS", "1000"),
        RETRY_ATTEMPTS("salesforce.retry.max-attempts", "SALESFORCE_RETRY_MAX_ATTEMPTS", "3"),
        RETRY_INITIAL_DELAY("salesforce.retry.initial-delay-ms", "SALESFORCE_RETRY_INITIAL_DELAY_MS", "200"),
        RETRY_MAX_DELAY("salesforce.retry.max-delay-ms", "SALESFORCE_RETRY_MAX_DELAY_MS", "2000"),
        RETRY_BUDGET("salesforce.retry.budget-ms", "SALESFORCE_RETRY_BUDGET_MS", "10000"),
        LOGIN_INTERVAL("salesforce.login-min-interval-ms", "SALESFORCE_LOGIN_MIN_INTERVAL_MS", "2000"),
        REPLAY_SIZE("events.replay.store-size", "EVENTS_REPLAY_STORE_SIZE", "10000"),
        REPLAY_BYTES("events.replay.store-bytes", "EVENTS_REPLAY_STORE_BYTES", "16777216"),
        REPLAY_TTL("events.replay.ttl-seconds", "EVENTS_REPLAY_TTL_SECONDS", "600"),
        DRAIN_TIMEOUT("events.drain-timeout-seconds", "EVENTS_DRAIN_TIMEOUT_SECONDS", "25"),
        ALLOWED_OPERATIONS("salesforce.allowed-operations", "SALESFORCE_ALLOWED_OPERATIONS"),
        ALLOW_INSECURE_HTTP("salesforce.allow-insecure-http", "SALESFORCE_ALLOW_INSECURE_HTTP", "false"),
        AUTH_TOKEN("events.auth.token", "EVENTS_AUTH_TOKEN"),
        AUTH_USERNAME("events.auth.username", "EVENTS_AUTH_USERNAME"),
        AUTH_PASSWORD("events.auth.password", "EVENTS_AUTH_PASSWORD"),
        LOG_FORMAT("events.log-format", "LOG_FORMAT", "text"),
        COALESCE("salesforce.coalesce", "SALESFORCE_COALESCE", "on"),
        COALESCE_MAX_RECORDS("salesforce.coalesce.max-records", "SALESFORCE_COALESCE_MAX_RECORDS", "200"),
        STORE("events.store", "EVENTS_STORE", "memory"),
        STORE_USERNAME("events.store.username", "EVENTS_STORE_USERNAME"),
        STORE_PASSWORD("events.store.password", "EVENTS_STORE_PASSWORD"),
        STORE_PASSWORD_FILE("events.store.password-file", "EVENTS_STORE_PASSWORD_FILE"),
        CLAIM_LEASE("events.claim-lease-seconds", "EVENTS_CLAIM_LEASE_SECONDS", "300");

        final String property;
        final String variable;
        /** The value when none is set; "" when the setting has none (required, or off when unset). */
        final String fallback;

        Key(String property, String variable) {
            this(property, variable, "");
        }

        Key(String property, String variable, String fallback) {
            this.property = property;
            this.variable = variable;
            this.fallback = fallback;
        }
    }

    /** The settings from the context's properties (application.properties, overrides, environment). */
    public static TargetSettings from(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        return load(key -> properties.resolveProperty(key).orElse(""));
    }

    /** @param properties resolves a property key to its value, "" when unset */
    public static TargetSettings load(Function<String, String> properties) {
        return load(properties, Runtime.getRuntime().maxMemory());
    }

    /** @param maxHeapBytes the JVM's maximum heap, which the replay store must fit in */
    static TargetSettings load(Function<String, String> properties, long maxHeapBytes) {
        Reader reader = new Reader(properties, maxHeapBytes);
        Security security = reader.security();
        String clientId = reader.required(Key.CLIENT_ID);
        String server = reader.server(security.allowInsecureHttp());
        String user = reader.required(Key.USER);
        RSAPrivateKey key = reader.privateKey();
        String version = reader.apiVersion();
        ReplyPolicy policy = reader.policy();
        long timeoutMs = reader.positiveNumber(Key.REQUEST_TIMEOUT);
        String source = reader.replySource();
        long retryAfter = reader.positiveNumber(Key.RETRY_AFTER);
        Reliability reliability = reader.reliability();
        boolean jsonLogs = reader.jsonLogs();
        Coalescing coalescing = reader.coalescing();
        EventStoreSettings eventStore = reader.eventStore(longestCall(Duration.ofMillis(timeoutMs), reliability));
        if (!reader.problems.isEmpty()) {
            throw new InvalidConfigurationException(reader.problems);
        }
        return new TargetSettings(clientId, server, user, key, version, policy, Duration.ofMillis(timeoutMs),
                source, (int) retryAfter, reliability, security, jsonLogs, coalescing, eventStore);
    }

    /** The defaults of the reliability settings, as a start with nothing set would have them. */
    static Reliability defaultReliability() {
        return new Reader(key -> "", Long.MAX_VALUE).reliability();
    }

    /** The defaults of the coalescing settings. */
    static Coalescing defaultCoalescing() {
        return new Reader(key -> "", Long.MAX_VALUE).coalescing();
    }

    /** The default claim lease. */
    static Duration defaultClaimLease() {
        return Duration.ofSeconds(Long.parseLong(Key.CLAIM_LEASE.fallback));
    }

    /**
     * The longest one event's Salesforce call can take with its retries: no retry starts after the retry budget,
     * and the last attempt may wait for a connection, connect, log in again and run to its timeout.
     */
    static Duration longestCall(Duration requestTimeout, Reliability reliability) {
        return reliability.retryBudget().plus(reliability.poolWait()).plus(reliability.connectTimeout())
                .plus(requestTimeout.multipliedBy(2));
    }

    @Override
    public String toString() {
        return "TargetSettings[clientId=" + clientId + ", authServer=" + authServer + ", username=" + username
                + ", apiVersion=" + (apiVersion == null ? "discovered" : apiVersion) + ", replyPolicy=" + replyPolicy
                + ", requestTimeout=" + requestTimeout + ", privateKey=****]";
    }

    /** Reads values and collects problems instead of stopping at the first one. */
    private static final class Reader {
        private final Function<String, String> properties;
        private final long maxHeapBytes;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, String> properties, long maxHeapBytes) {
            this.properties = properties;
            this.maxHeapBytes = maxHeapBytes;
        }

        /** The value set, or the key's default. */
        String value(Key key) {
            String value = properties.apply(key.property);
            return value == null || value.isBlank() ? key.fallback : value.trim();
        }

        String required(Key key) {
            String value = value(key);
            if (value.isEmpty()) {
                problems.add(key.variable + " is required (property " + key.property + ")");
            }
            return value;
        }

        String server(boolean allowInsecureHttp) {
            String server = required(Key.SERVER);
            if (server.isEmpty()) {
                return server;
            }
            if (server.endsWith("/")) {
                server = server.substring(0, server.length() - 1);
            }
            try {
                URI uri = URI.create(server);
                if (uri.getHost() == null || !server.matches("(?i)^https?://.+$")) {
                    throw new IllegalArgumentException();
                }
                if (!TransportPolicy.isAllowedScheme(uri, allowInsecureHttp)) {
                    problems.add(Key.SERVER.variable + " uses plain http:// on a host that is not loopback: use"
                            + " https://, or set " + Key.ALLOW_INSECURE_HTTP.variable + "=true if you really mean it");
                }
            } catch (IllegalArgumentException e) {
                problems.add(Key.SERVER.variable + " must be an http(s):// URL, e.g. https://login.salesforce.com");
            }
            return server;
        }

        boolean jsonLogs() {
            String format = value(Key.LOG_FORMAT);
            if (!format.equalsIgnoreCase("text") && !format.equalsIgnoreCase("json")) {
                problems.add(Key.LOG_FORMAT.variable + " must be text or json, got '" + format + "'");
            }
            return format.equalsIgnoreCase("json");
        }

        Security security() {
            OperationAllowlist allowlist = OperationAllowlist.allowingEverything();
            try {
                allowlist = OperationAllowlist.parse(value(Key.ALLOWED_OPERATIONS));
            } catch (IllegalArgumentException e) {
                problems.add(Key.ALLOWED_OPERATIONS.variable + ": " + e.getMessage());
            }
            String insecure = value(Key.ALLOW_INSECURE_HTTP);
            if (!insecure.equalsIgnoreCase("true") && !insecure.equalsIgnoreCase("false")) {
                problems.add(Key.ALLOW_INSECURE_HTTP.variable + " must be true or false, got '" + insecure + "'");
            }
            String token = emptyToNull(value(Key.AUTH_TOKEN));
            String user = emptyToNull(value(Key.AUTH_USERNAME));
            String password = emptyToNull(value(Key.AUTH_PASSWORD));
            if (token != null && (user != null || password != null)) {
                problems.add("set either " + Key.AUTH_TOKEN.variable + " or " + Key.AUTH_USERNAME.variable + "/"
                        + Key.AUTH_PASSWORD.variable + ", not both");
            } else if ((user == null) != (password == null)) {
                problems.add(Key.AUTH_USERNAME.variable + " and " + Key.AUTH_PASSWORD.variable + " go together");
            }
            return new Security(allowlist, token, user, password, insecure.equalsIgnoreCase("true"));
        }

        private static String emptyToNull(String value) {
            return value.isEmpty() ? null : value;
        }

        RSAPrivateKey privateKey() {
            String text = value(Key.CERT_KEY);
            String file = value(Key.CERT_KEY_FILE);
            String both = Key.CERT_KEY.variable + " or " + Key.CERT_KEY_FILE.variable;
            if (text.isEmpty() == file.isEmpty()) {
                problems.add(text.isEmpty() ? both + " is required (the connected app's private key)"
                        : "set only one of " + both);
                return null;
            }
            String source = text.isEmpty() ? Key.CERT_KEY_FILE.variable : Key.CERT_KEY.variable;
            try {
                return PrivateKeyLoader.fromPem(text.isEmpty() ? Files.readString(Path.of(file)) : text);
            } catch (IOException e) {
                problems.add(source + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            } catch (IllegalArgumentException e) {
                problems.add(source + ": " + e.getMessage());
            }
            return null;
        }

        String apiVersion() {
            String version = value(Key.API_VERSION);
            if (version.isEmpty()) {
                return null;
            }
            var matcher = VERSION.matcher(version);
            if (!matcher.matches()) {
                problems.add(Key.API_VERSION.variable + " must look like v59.0 or 59.0, got '" + version + "'");
                return null;
            }
            return "v" + matcher.group(1);
        }

        ReplyPolicy policy() {
            String policy = value(Key.POLICY);
            try {
                return ReplyPolicy.parse(policy);
            } catch (IllegalArgumentException e) {
                problems.add(Key.POLICY.variable + " must be always, error or never, got '" + policy + "'");
                return null;
            }
        }

        /** A positive whole number; a wrong value is a problem, and the default stands in for it meanwhile. */
        long positiveNumber(Key key) {
            String value = value(key);
            try {
                long number = Long.parseLong(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(key.variable + " must be a positive whole number, got '" + value + "'");
            return Long.parseLong(key.fallback);
        }

        EventStoreSettings eventStore(Duration longestCall) {
            String store = value(Key.STORE);
            Duration lease = Duration.ofSeconds(positiveNumber(Key.CLAIM_LEASE));
            if (lease.compareTo(longestCall) <= 0) {
                problems.add(Key.CLAIM_LEASE.variable + " is " + lease.toSeconds() + " s, not more than the longest"
                        + " a Salesforce call can take with its retries (" + longestCall.toMillis() + " ms: retry"
                        + " budget, pool wait, connect timeout and twice the request timeout): a claim would end while"
                        + " its call runs, and a redelivery would make the call again");
            }
            if (store.equals(EventStoreSettings.MEMORY)) {
                for (Key database : List.of(Key.STORE_USERNAME, Key.STORE_PASSWORD, Key.STORE_PASSWORD_FILE)) {
                    if (!value(database).isEmpty()) {
                        problems.add(database.variable + " is set but " + Key.STORE.variable
                                + " is memory: set it to the database's jdbc:postgresql:// URL");
                    }
                }
                return new EventStoreSettings(null, null, null, lease);
            }
            if (!store.startsWith("jdbc:postgresql://")) {
                problems.add(Key.STORE.variable + " must be memory or a PostgreSQL JDBC URL"
                        + " (jdbc:postgresql://host:5432/database), got " + schemeOf(store));
                return null;
            }
            if (store.matches("(?i).*[?&;]password=.*")) {
                problems.add(Key.STORE.variable + " must not hold the password: set " + Key.STORE_PASSWORD.variable
                        + " or " + Key.STORE_PASSWORD_FILE.variable);
            }
            return new EventStoreSettings(store, emptyToNull(value(Key.STORE_USERNAME)), storePassword(), lease);
        }

        /** Only the scheme of a wrong store URL: the rest may hold a password. */
        private static String schemeOf(String url) {
            int colon = url.indexOf(':');
            return colon > 0 ? "a '" + url.substring(0, colon + 1) + "' URL" : "a value that is not a URL";
        }

        private String storePassword() {
            String password = value(Key.STORE_PASSWORD);
            String file = value(Key.STORE_PASSWORD_FILE);
            if (!password.isEmpty() && !file.isEmpty()) {
                problems.add("set only one of " + Key.STORE_PASSWORD.variable + " or "
                        + Key.STORE_PASSWORD_FILE.variable);
            }
            if (file.isEmpty()) {
                return emptyToNull(password);
            }
            try {
                return Files.readString(Path.of(file)).strip(); // a mounted secret often ends with a newline
            } catch (IOException e) {
                problems.add(Key.STORE_PASSWORD_FILE.variable + ": cannot read " + file + " ("
                        + e.getClass().getSimpleName() + ")");
                return null;
            }
        }

        Coalescing coalescing() {
            String enabled = value(Key.COALESCE);
            if (!enabled.equals("on") && !enabled.equals("off")) {
                problems.add(Key.COALESCE.variable + " must be on or off, got '" + enabled + "'");
            }
            long max = positiveNumber(Key.COALESCE_MAX_RECORDS);
            if (max > Coalescing.MAX_RECORDS) {
                problems.add(Key.COALESCE_MAX_RECORDS.variable + " must be 1-" + Coalescing.MAX_RECORDS
                        + " (Salesforce's limit per sObject Collections call), got " + max);
            }
            return new Coalescing(!enabled.equals("off"), (int) Math.min(max, Coalescing.MAX_RECORDS));
        }

        Reliability reliability() {
            return new Reliability(
                    millis(Key.CONNECT_TIMEOUT),
                    (int) Math.min(10_000, positiveNumber(Key.MAX_CONCURRENT)),
                    millis(Key.POOL_WAIT),
                    (int) Math.min(100, positiveNumber(Key.RETRY_ATTEMPTS)),
                    millis(Key.RETRY_INITIAL_DELAY),
                    millis(Key.RETRY_MAX_DELAY),
                    millis(Key.RETRY_BUDGET),
                    millis(Key.LOGIN_INTERVAL),
                    (int) Math.min(10_000_000, positiveNumber(Key.REPLAY_SIZE)),
                    replayStoreBytes(),
                    Duration.ofSeconds(positiveNumber(Key.REPLAY_TTL)),
                    Duration.ofSeconds(positiveNumber(Key.DRAIN_TIMEOUT)));
        }

        /**
         * The replay ring is allocated at start, on the heap: at most a quarter of it, so that it fits in the old
         * generation with room to spare (rather than an OutOfMemoryError at start, or full collections ever after).
         */
        private int replayStoreBytes() {
            long bytes = Math.min(1L << 30, positiveNumber(Key.REPLAY_BYTES));
            long limit = maxHeapBytes / 4;
            if (bytes > limit) {
                problems.add(Key.REPLAY_BYTES.variable + " is " + bytes + " bytes, more than a quarter of the maximum"
                        + " heap (" + limit + " of " + maxHeapBytes + "): lower it, or give the JVM a larger heap (-Xmx)");
            }
            return (int) bytes;
        }

        private Duration millis(Key key) {
            return Duration.ofMillis(positiveNumber(key));
        }

        String replySource() {
            String source = value(Key.REPLY_SOURCE);
            try {
                URI.create(source);
            } catch (IllegalArgumentException e) {
                problems.add(Key.REPLY_SOURCE.variable + " must be a URI reference, got '" + source + "'");
            }
            return source;
        }
    }
}
