package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void startsOnTheGivenPortTrustingACertificateFile() throws Exception {
        Path cert = dir.resolve("tm-sf.crt");
        Files.writeString(cert, KeyPairs.pem(TestKeys.selfSignedCertificate(TestKeys.rsa(), "tm-sf")));
        int port = freePort();

        try (SalesforceSimulator sim = SimulatorMain.start(new String[] {"--port", Integer.toString(port),
                "--public-key", cert.toString(), "--client-id", TestAssertions.CLIENT_ID,
                "--username=" + TestAssertions.USERNAME}, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo("Salesforce simulator listening on http://127.0.0.1:" + port + System.lineSeparator());
            assertThat(sim.port()).isEqualTo(port);
            SimClient client = new SimClient(sim);
            assertThat(client.login(TestAssertions.valid()).statusCode()).isEqualTo(200);
            assertThat(sim.config().clientId()).isEqualTo(TestAssertions.CLIENT_ID);
            assertThat(sim.config().username()).isEqualTo(TestAssertions.USERNAME);
        }
    }

    @Test
    void defaultPortIs8081() throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, KeyPairs.pem(TestKeys.publicKey()));
        assertThat(SimulatorMain.parse(new String[] {"--public-key", key.toString()}).port()).isEqualTo(8081);
    }

    @Test
    void theRecordCapIsAnOption() throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, KeyPairs.pem(TestKeys.publicKey()));
        assertThat(SimulatorMain.parse(new String[] {"--public-key", key.toString()}).maxRecordsPerType())
                .isEqualTo(100_000);
        assertThat(SimulatorMain.parse(new String[] {"--public-key", key.toString(), "--max-records-per-type", "5000"})
                .maxRecordsPerType()).isEqualTo(5_000);
        assertThat(run("--public-key", key.toString(), "--max-records-per-type", "0")).isEqualTo(2);
    }

    @Test
    void retiredVersionsAreBelow31UnlessTheOptionSaysOtherwise() throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, KeyPairs.pem(TestKeys.publicKey()));
        assertThat(SimulatorMain.parse(new String[] {"--public-key", key.toString()}).retiredBelow()).isEqualTo(31);
        assertThat(SimulatorMain.parse(new String[] {"--public-key", key.toString(), "--retired-below", "40"})
                .retiredBelow()).isEqualTo(40);
    }

    @Test
    void badArgumentsExitWith2() {
        assertThat(run("--port", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--public-key FILE is required").contains("usage:");
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(run("--public-key", dir.resolve("missing.pem").toString())).isEqualTo(2);
        assertThat(run("--port")).isEqualTo(2);
        assertThat(run("--port", "99999999999")).isEqualTo(2);
    }

    @Test
    void busyPortExitsWith1() throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, KeyPairs.pem(TestKeys.publicKey()));
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(run("--port", Integer.toString(busy.getLocalPort()), "--public-key", key.toString())).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("failed to start");
        }
    }

    @Test
    void publicKeysFromPem() throws Exception {
        assertThat(PublicKeys.fromPem(KeyPairs.pem(TestKeys.publicKey()))).isEqualTo(TestKeys.publicKey());
        assertThat(PublicKeys.fromPem(KeyPairs.pem(TestKeys.selfSignedCertificate(TestKeys.rsa(), "tm-sf")))).isEqualTo(TestKeys.publicKey());
        assertThatThrownBy(() -> PublicKeys.fromPem("nothing here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorConfig.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    private int run(String... args) {
        return SimulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
