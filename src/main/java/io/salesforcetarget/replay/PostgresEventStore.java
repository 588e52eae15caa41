package io.salesforcetarget.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.failure.LogText;

/**
 * Claims and answers in PostgreSQL ({@code EVENTS_STORE=jdbc:postgresql://...}), shared by every replica and kept
 * across restarts. One row per event; the table is created and migrated by Flyway at start. Each operation is one
 * statement, one round trip, on the caller's (worker) thread; times are the database's, so replicas' clocks do not
 * matter.
 * <ul>
 * <li>A claim is a lease: it names its replica and a token, and ends after {@code lease}. A row whose lease or
 * replay window has ended is claimed again by the same statement that claims a new key (INSERT ... ON CONFLICT DO
 * UPDATE ... WHERE expired), so that two replicas claiming one key at once cannot both win.</li>
 * <li>An answer replaces its claim, and only its own: a claim taken over after its lease ended is not
 * overwritten.</li>
 * </ul>
 * Any failure of the database (unreachable, a statement past its timeout, no pooled connection in time) is a
 * {@link StoreUnavailableException}. The password is given to the pool only, never kept or printed here.
 */
public final class PostgresEventStore implements EventStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventStore.class);

    /** Where the schema's migrations are: not db/migration, which a library user's own Flyway would read too. */
    static final String MIGRATIONS = "classpath:salesforce-target/db/migration";
    /** Connections: each event holds one for a single statement, so a few serve every worker. */
    static final int POOL_SIZE = 16;
    /** How long an event waits for a connection (or a new one is made) before it gets 503. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How long a statement may run (PostgreSQL's statement_timeout) before the event gets 503. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    private static final String CLAIM = """
            WITH claimed AS (
              INSERT INTO salesforce_target_events AS e (event_key, claimed_by, claim_token, expires_at)
              VALUES (?, ?, ?, now() + make_interval(secs => ?))
              ON CONFLICT (event_key) DO UPDATE
                SET claimed_by = EXCLUDED.claimed_by, claim_token = EXCLUDED.claim_token, claimed_at = now(),
                    answer = NULL, expires_at = EXCLUDED.expires_at
                WHERE e.expires_at <= now()
              RETURNING 1)
            SELECT true, NULL::bytea FROM claimed
            UNION ALL
            SELECT false, answer FROM salesforce_target_events
              WHERE event_key = ? AND expires_at > now() AND NOT EXISTS (SELECT 1 FROM claimed)""";
    private static final String ANSWER = """
            UPDATE salesforce_target_events SET answer = ?, expires_at = now() + make_interval(secs => ?)
              WHERE event_key = ? AND claim_token = ? AND answer IS NULL""";
    private static final String RELEASE = """
            DELETE FROM salesforce_target_events WHERE event_key = ? AND claim_token = ? AND answer IS NULL""";
    /**
     * A row ends at most a lease and a replay window after its claim (an answer is stored within the lease): the
     * index on claimed_at finds those, and expires_at keeps any row that is still live.
     */
    private static final String DELETE_EXPIRED = """
            DELETE FROM salesforce_target_events WHERE event_key IN (
              SELECT event_key FROM salesforce_target_events
                WHERE claimed_at < now() - make_interval(secs => ?) AND expires_at <= now() LIMIT ?)""";

    private final HikariDataSource pool;
    private final String replica;
    private final Duration lease;
    private final Duration answerTtl;
    private final int maxAnswerBytes;

    private PostgresEventStore(HikariDataSource pool, String replica, Duration lease, Duration answerTtl,
            int maxAnswerBytes) {
        this.pool = pool;
        this.replica = replica;
        this.lease = lease;
        this.answerTtl = answerTtl;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * Connects, creates or migrates the table, and returns the store.
     *
     * @param url a jdbc:postgresql: URL without credentials
     * @param replica this replica's name, recorded with its claims
     * @param maxAnswerBytes larger answers are not kept (their claim is released)
     * @throws IllegalStateException the database cannot be used; the message names why, never the password
     */
    public static PostgresEventStore start(String url, String username, String password, String replica,
            Duration lease, Duration answerTtl, int maxAnswerBytes) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("salesforce-target-events");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("socketTimeout", String.valueOf(2 * STATEMENT_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT.toMillis());
        config.addDataSourceProperty("ApplicationName", "salesforce-target " + replica);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException(describe(e), null);
        }
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).table("salesforce_target_schema_history")
                    .load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot create or migrate its table: " + describe(e), null);
        }
        return new PostgresEventStore(pool, replica, lease, answerTtl, maxAnswerBytes);
    }

    @Override
    public Claim claim(String key) {
        UUID token = UUID.randomUUID();
        return run(CLAIM, claim -> {
            claim.setString(1, key);
            claim.setString(2, replica);
            claim.setObject(3, token);
            claim.setDouble(4, lease.toMillis() / 1000.0);
            claim.setString(5, key);
            try (ResultSet found = claim.executeQuery()) {
                if (!found.next()) {
                    return new InFlight(); // claimed by another replica after this statement's snapshot
                }
                if (found.getBoolean(1)) {
                    return new Claimed(key, token.toString());
                }
                byte[] answer = found.getBytes(2);
                return answer == null ? new InFlight() : new Answered(StoredReply.decode(answer));
            }
        });
    }

    @Override
    public boolean answer(Claimed claim, byte[] encodedReply) {
        if (encodedReply.length > maxAnswerBytes) {
            release(claim);
            return false;
        }
        int stored = update(ANSWER, statement -> {
            statement.setBytes(1, encodedReply);
            statement.setDouble(2, answerTtl.toMillis() / 1000.0);
            statement.setString(3, claim.key());
            statement.setObject(4, UUID.fromString(claim.token()));
        });
        if (stored == 0) {
            LOG.warn("The claim of event {} had ended (EVENTS_CLAIM_LEASE_SECONDS) and was taken by another delivery"
                    + " before its answer was stored: the event may have been processed twice",
                    LogText.withoutControlCharacters(claim.key())); // the sender's text
        }
        return true;
    }

    @Override
    public void release(Claimed claim) {
        update(RELEASE, statement -> {
            statement.setString(1, claim.key());
            statement.setObject(2, UUID.fromString(claim.token()));
        });
    }

    /** Deletes at most {@code batch} rows whose lease or replay window has ended; how many it deleted. */
    int deleteExpired(int batch) {
        return update(DELETE_EXPIRED, statement -> {
            statement.setDouble(1, lease.plus(answerTtl).toMillis() / 1000.0);
            statement.setInt(2, batch);
        });
    }

    @Override
    public boolean reachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "PostgresEventStore[" + pool.getJdbcUrl() + ", replica=" + replica + ", lease=" + lease + "]";
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs one statement on a pooled connection (waiting at most {@link #CONNECTION_TIMEOUT} for one); any failure
     * of the database is a {@link StoreUnavailableException}.
     */
    private <T> T run(String sql, Statement<T> work) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private int update(String sql, Parameters parameters) {
        return run(sql, statement -> {
            parameters.set(statement);
            return statement.executeUpdate();
        });
    }

    private static StoreUnavailableException unavailable(SQLException e) {
        return new StoreUnavailableException("the event store (PostgreSQL) failed: " + describe(e), null);
    }

    /** The failure in one line: its SQL state when it has one, and its message (never a password: none is in it). */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        String state = cause instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLSTATE " + sql.getSQLState() + ")" : "";
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        return LogText.withoutControlCharacters(message.length() > 300 ? message.substring(0, 300) : message) + state;
    }
}
