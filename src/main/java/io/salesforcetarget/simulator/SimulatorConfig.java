package io.salesforcetarget.simulator;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Immutable settings of a simulated org; build with {@link #builder()}. */
public final class SimulatorConfig {

    private final PublicKey publicKey;
    private final String clientId;
    private final String username;
    private final boolean strictAudience;
    private final Duration maxAssertionLifetime;
    private final Duration clockSkew;
    private final int minApiVersion;
    private final int maxApiVersion;
    private final int retiredBelow;
    private final long dailyApiLimit;
    private final Duration sessionTimeout;
    private final int port;
    private final int eventLoops;
    private final int recordedRequestLimit;
    private final int maxRecordsPerType;
    private final Duration apiLatency;
    private final Clock clock;

    private SimulatorConfig(Builder b) {
        this.publicKey = b.publicKey;
        this.clientId = b.clientId;
        this.username = b.username;
        this.strictAudience = b.strictAudience;
        this.maxAssertionLifetime = b.maxAssertionLifetime;
        this.clockSkew = b.clockSkew;
        this.minApiVersion = b.minApiVersion;
        this.maxApiVersion = b.maxApiVersion;
        this.retiredBelow = b.retiredBelow;
        this.dailyApiLimit = b.dailyApiLimit;
        this.sessionTimeout = b.sessionTimeout;
        this.port = b.port;
        this.eventLoops = b.eventLoops;
        this.recordedRequestLimit = b.recordedRequestLimit;
        this.maxRecordsPerType = b.maxRecordsPerType;
        this.apiLatency = b.apiLatency;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The connected app's certificate key that login assertions must be signed with. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** Expected {@code iss} (consumer key), or null to accept any. */
    public String clientId() {
        return clientId;
    }

    /** Expected {@code sub}/{@code prn} (username), or null to accept any. */
    public String username() {
        return username;
    }

    public boolean strictAudience() {
        return strictAudience;
    }

    public Duration maxAssertionLifetime() {
        return maxAssertionLifetime;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public int minApiVersion() {
        return minApiVersion;
    }

    public int maxApiVersion() {
        return maxApiVersion;
    }

    /** Versions whose major number is below this answer 410 (retired). */
    public int retiredBelow() {
        return retiredBelow;
    }

    public long dailyApiLimit() {
        return dailyApiLimit;
    }

    /** Idle time after which a session expires; each API call restarts it, as in a real org. */
    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    public int port() {
        return port;
    }

    public int eventLoops() {
        return eventLoops;
    }

    public int recordedRequestLimit() {
        return recordedRequestLimit;
    }

    /** Memory guard for long benchmarks: beyond this many records of one type the oldest is forgotten. */
    public int maxRecordsPerType() {
        return maxRecordsPerType;
    }

    /** Added to every REST answer (not logins), like the round trip to a real org; zero by default. */
    public Duration apiLatency() {
        return apiLatency;
    }

    public Clock clock() {
        return clock;
    }

    /** Builder with the defaults of a fresh production org. */
    public static final class Builder {
        private PublicKey publicKey;
        private String clientId;
        private String username;
        private boolean strictAudience;
        private Duration maxAssertionLifetime = Duration.ofMinutes(5);
        private Duration clockSkew = Duration.ZERO;
        private int minApiVersion = 20;
        private int maxApiVersion = 66;
        /** Salesforce retired 21.0-30.0 in Summer '25 (7.0-20.0 before): 410, and not listed. */
        private int retiredBelow = 31;
        private long dailyApiLimit = 15_000;
        private Duration sessionTimeout = Duration.ofHours(2);
        private int port;
        private int eventLoops = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int recordedRequestLimit = 1000;
        private int maxRecordsPerType = 100_000;
        private Duration apiLatency = Duration.ZERO;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder publicKey(PublicKey key) {
            this.publicKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** A PEM "PUBLIC KEY", "RSA PUBLIC KEY" or X.509 "CERTIFICATE" (as made by {@code openssl req -x509}). */
        public Builder publicKeyPem(String pem) {
            this.publicKey = PublicKeys.fromPem(pem);
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** When true, {@code aud} must exactly equal a login URL or the simulator's base URL. */
        public Builder strictAudience(boolean strict) {
            this.strictAudience = strict;
            return this;
        }

        public Builder maxAssertionLifetime(Duration lifetime) {
            this.maxAssertionLifetime = requireNonNegative(lifetime, "maxAssertionLifetime");
            return this;
        }

        public Builder clockSkew(Duration skew) {
            this.clockSkew = requireNonNegative(skew, "clockSkew");
            return this;
        }

        /** Supported versions, inclusive, as major numbers (e.g. 20 and 66 for "20.0".."66.0"). */
        public Builder apiVersions(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("bad version range " + min + ".." + max);
            }
            this.minApiVersion = min;
            this.maxApiVersion = max;
            return this;
        }

        /** Versions below this major number answer 410; 0 retires none. */
        public Builder retiredBelow(int major) {
            this.retiredBelow = major;
            return this;
        }

        public Builder dailyApiLimit(long limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("dailyApiLimit must not be negative");
            }
            this.dailyApiLimit = limit;
            return this;
        }

        public Builder sessionTimeout(Duration timeout) {
            this.sessionTimeout = requireNonNegative(timeout, "sessionTimeout");
            return this;
        }

        /** TCP port on 127.0.0.1; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("bad port " + port);
            }
            this.port = port;
            return this;
        }

        /** Number of event loops (server instances) answering requests. */
        public Builder eventLoops(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("eventLoops must be at least 1");
            }
            this.eventLoops = n;
            return this;
        }

        public Builder recordedRequestLimit(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("recordedRequestLimit must not be negative");
            }
            this.recordedRequestLimit = n;
            return this;
        }

        public Builder maxRecordsPerType(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxRecordsPerType must be at least 1");
            }
            this.maxRecordsPerType = n;
            return this;
        }

        /** Delay every REST answer by this much (on a timer, the event loop stays free). */
        public Builder apiLatency(Duration latency) {
            this.apiLatency = requireNonNegative(latency, "apiLatency");
            return this;
        }

        /** Clock for assertion expiry and session idle time; handy for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SimulatorConfig build() {
            if (publicKey == null) {
                throw new IllegalStateException("a public key (or certificate) to verify login assertions is required");
            }
            return new SimulatorConfig(this);
        }

        private static Duration requireNonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        }
    }
}
