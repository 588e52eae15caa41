package io.salesforcetarget.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar as shipped ({@code java -jar target/salesforce-target.jar --simulator}), in a folder without
 * routes/: its packaged routes, Kamelet and runtime classpath (no test dependencies) serve the example integration
 * and CloudEvents.
 */
// Not on TargetAgainstSimulatedOrg: with --simulator the target starts its own org, inside the jar's JVM.
class PackagedJarIT {

    @TempDir
    static Path emptyFolder;
    private static Process process;
    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static int port;

    @BeforeAll
    static void startTheJar() throws Exception {
        port = RunningTarget.freePort();
        ProcessBuilder builder = PackagedJar.command("--simulator").directory(emptyFolder.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("EXAMPLE_NEW_ACCOUNT_ENABLED", "true");
        process = builder.start();
        CompletableFuture<Boolean> ready = ProcessOutput.drain(process, output, line -> line.startsWith("Try it"));
        assertThat(ready.get(60, TimeUnit.SECONDS)).as("the jar started; output:%n%s", String.join("\n", output))
                .isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJarCarriesTheRouteFilesAndTheConfiguration() throws IOException {
        try (JarFile jar = new JarFile(PackagedJar.JAR.toFile())) {
            assertThat(jar.getEntry("routes/salesforce-apicall-sink.kamelet.yaml")).isNotNull();
            assertThat(jar.getEntry("routes/example-new-account.yaml")).isNotNull();
            assertThat(jar.getEntry("salesforce-target/application.properties")).isNotNull();
            assertThat(jar.getEntry("application.properties")).as("not read by library users as theirs").isNull();
        }
        assertThat(Files.exists(emptyFolder.resolve("routes"))).isFalse();
    }

    @Test
    void theExampleIntegrationRunsFromThePackagedRoutes() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/example/accounts"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"Packaged Inc\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"success\":true");
    }

    @Test
    void cloudEventsAreServedAsWell() throws Exception {
        HttpResponse<byte[]> response = new CloudEventClient("http://127.0.0.1:" + port + "/").sendBinary(API_CALL,
                "{\"action\":\"GET\",\"resource\":\"limits\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CloudEventClient.replyOf(response).getExtension("category")).isEqualTo("success");
    }
}
