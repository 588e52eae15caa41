package io.salesforcetarget.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container image tarball of {@code mvn -Pimage verify} (OCI layout, built by Jib without a daemon): its
 * configuration, its files, and, where this machine allows (root, util-linux unshare), a run of the image's
 * entrypoint in its own root filesystem, as its user, the way a container runtime starts it.
 * Skipped unless the build ran with {@code -Pimage} (which sets the system property {@code image.tarball}).
 * Reads the tarball and its layers with GNU tar.
 */
// Not on TargetAgainstSimulatedOrg: the image runs with --simulator, the org inside the container's own JVM.
class ContainerImageIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The AOT cache the image's entrypoint names, written by the build's training run of the image. */
    private static final String AOT_CACHE = "/app/salesforce-target.aot";

    @TempDir
    static Path work;
    private static JsonNode config;
    /** Path in the image (no leading slash) to its "mode uid/gid" as in the layers, later layers winning. */
    private static final Map<String, String> entries = new LinkedHashMap<>();
    private static final List<Path> layers = new ArrayList<>();

    @BeforeAll
    static void readTheImage() throws Exception {
        String tarball = System.getProperty("image.tarball");
        assumeTrue(tarball != null, "the image is built and checked with -Pimage");
        Path layout = Files.createDirectory(work.resolve("layout"));
        run("tar", "-xf", tarball, "-C", layout.toString());

        JsonNode index = MAPPER.readTree(layout.resolve("index.json").toFile());
        assertThat(index.get("manifests")).hasSize(1);
        JsonNode manifest = MAPPER.readTree(blob(layout, index.get("manifests").get(0).get("digest").asText()).toFile());
        assertThat(manifest.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        config = MAPPER.readTree(blob(layout, manifest.get("config").get("digest").asText()).toFile());
        for (JsonNode layer : manifest.get("layers")) {
            Path file = blob(layout, layer.get("digest").asText());
            layers.add(file);
            for (String line : run("tar", "--numeric-owner", "-tvzf", file.toString())) {
                // -rwxr-xr-x 0/0   16232 1970-01-01 00:00 opt/java/bin/java
                String[] columns = line.trim().split("\\s+", 6);
                String path = columns[5].replaceFirst("^\\./", "").replaceFirst("/$", "");
                entries.put(path.contains(" -> ") ? path.substring(0, path.indexOf(" -> ")) : path,
                        columns[0] + " " + columns[1]);
            }
        }
    }

    @Test
    void theEntrypointRunsTheApplicationWithJvmFlagsForContainers() {
        // Without root and unshare the build cannot write the cache, and the entrypoint names none (-Xshare:auto is
        // the default).
        String cache = canRunTheImage() ? "-XX:AOTCache=" + AOT_CACHE : "-Xshare:auto";
        assertThat(texts(config.get("config").get("Entrypoint"))).containsExactly("java",
                "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "--sun-misc-unsafe-memory-access=allow", cache, "-cp", "@/app/jib-classpath-file",
                "io.salesforcetarget.Application");
        assertThat(texts(config.get("config").get("Env"))).contains("PATH=/opt/java/bin:/usr/bin:/bin",
                "JAVA_HOME=/opt/java");
        assertThat(config.get("config").get("WorkingDir").asText()).isEqualTo("/app");
        assertThat(config.get("os").asText()).isEqualTo("linux");
        assertThat(entries.get("opt/java/bin/java")).startsWith("-rwxr-xr-x 0/0");
        assertThat(entries).containsKey("app/jib-classpath-file");
        assertThat(entries.keySet()).as("the application as one jar: an AOT cache takes no class folders")
                .anyMatch(path -> path.matches("app/classpath/salesforce-target-.*\\.jar"))
                .noneMatch(path -> path.startsWith("app/classes/"));
    }

    @Test
    void shipsTheAotCacheItsOwnJvmWrote() {
        assumeTrue(canRunTheImage(), "the cache is written by running the image: root and util-linux unshare");
        assertThat(entries.get(AOT_CACHE.substring(1))).as("root's, read-only for the user").startsWith("-rw-r--r-- 0/0");
    }

    @Test
    void exposesTheCloudEventsAndManagementPorts() {
        List<String> ports = new ArrayList<>();
        config.get("config").get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactlyInAnyOrder("8080/tcp", "9876/tcp");
    }

    @Test
    void runsAsANonRootUserThatOwnsNothingButTmp() throws IOException {
        assertThat(config.get("config").get("User").asText()).isEqualTo("65532:65532");
        Path passwd = extracted("etc/passwd");
        assertThat(Files.readAllLines(passwd)).contains("nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin");
        entries.forEach((path, modeAndOwner) -> {
            assertThat(modeAndOwner).as(path).endsWith(" 0/0");
            if (!path.equals("tmp")) {
                assertThat(modeAndOwner.charAt(8)).as("%s is not writable by others", path).isEqualTo('-');
            }
        });
        assertThat(entries.get("tmp")).startsWith("drwxrwxrwx");
    }

    @Test
    void carriesAJava25RuntimeItsLibrariesTrustedCertificatesAndTheRoutes() throws Exception {
        assertThat(Files.readAllLines(extracted("opt/java/release")))
                .as("the runtime measured for it: virtual threads per event, the AOT cache")
                .anyMatch(line -> line.matches("JAVA_VERSION=\"25(\\..*)?\""));
        assertThat(entries).containsKeys("lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6",
                "lib/x86_64-linux-gnu/libm.so.6", "opt/java/lib/server/libjvm.so");
        assertThat(entries).as("the default class-data archive, for a JVM without the AOT cache")
                .containsKey("opt/java/lib/server/classes.jsa");
        String applicationJar = entries.keySet().stream()
                .filter(path -> path.matches("app/classpath/salesforce-target-.*\\.jar")).findFirst().orElseThrow();
        try (ZipFile jar = new ZipFile(extracted(applicationJar).toFile())) {
            assertThat(Stream.of("routes/salesforce-apicall-sink.kamelet.yaml", "routes/example-new-account.yaml",
                    "salesforce-target/application.properties", "io/salesforcetarget/Application.class"))
                    .allMatch(name -> jar.getEntry(name) != null);
        }
        KeyStore cacerts = KeyStore.getInstance(extracted("opt/java/lib/security/cacerts").toFile(), (char[]) null);
        assertThat(cacerts.size()).as("trusted CAs for TLS to Salesforce").isGreaterThan(50);
        assertThat(Collections.list(cacerts.aliases())).anyMatch(alias -> alias.contains("digicert"));
    }

    @Test
    void theImageStartsAsItsUserAndServesEvents() throws Exception {
        assumeTrue(canRunTheImage(),
                "running the image here needs root and util-linux unshare (as in CI); its configuration is checked above");
        Path root = extractAll();
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        String[] user = config.get("config").get("User").asText().split(":");
        int port = RunningTarget.freePort();

        // Like a container runtime (container/image-root.sh, run_in_image: own mount and PID namespaces, /proc and
        // /dev, the image's root), with the image's working directory, user, environment and entrypoint (resolved on
        // the image's PATH); the network stays the host's.
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$0\" && run_in_image \"$@\"",
                Path.of("container/image-root.sh").toAbsolutePath().toString(), root.toString(),
                "--wd", config.get("config").get("WorkingDir").asText(), "--user", user[0] + ":" + user[1]));
        command.addAll(texts(config.get("config").get("Env")));
        command.addAll(List.of("PORT=" + port, "HOST=127.0.0.1", "EXAMPLE_NEW_ACCOUNT_ENABLED=true",
                // The AOT cache must be used (-XX:AOTMode=on: the JVM stops otherwise), so it matches the image's own
                // JVM and class path, and the image starts with it.
                "JAVA_TOOL_OPTIONS=-XX:AOTMode=on", "--"));
        command.addAll(texts(config.get("config").get("Entrypoint")));
        command.add("--simulator");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process container = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        try {
            assertThat(ProcessOutput.drain(container, output, line -> line.startsWith("Try it"))
                    .get(120, TimeUnit.SECONDS))
                    .as("the image started; output:%n%s", String.join("\n", output)).isTrue();

            HttpResponse<byte[]> reply = new CloudEventClient("http://127.0.0.1:" + port + "/").sendBinary(API_CALL,
                    "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"Image\"}}");
            assertThat(reply.statusCode()).as("the image's output:%n%s", String.join("\n", output)).isEqualTo(200);
            assertThat(CloudEventClient.replyOf(reply).getExtension("category")).isEqualTo("success");

            HttpResponse<String> example = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/example/accounts")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"Image Kamelet\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(example.statusCode()).isEqualTo(201);

            List<String> javaUids = container.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                    .map(p -> uidOf(p.pid())).toList();
            assertThat(javaUids).containsExactly(user[0]);
            assertThat(output).as("no warning of the JDK's at start (sun.misc.Unsafe, the AOT cache)")
                    .noneMatch(line -> line.startsWith("WARNING") || line.contains("[aot]"));
        } finally {
            // SIGTERM to the entrypoint, as a runtime stops a container (unshare itself does not pass it on).
            container.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                    .forEach(ProcessHandle::destroy);
            boolean stopped = container.waitFor(60, TimeUnit.SECONDS);
            if (!stopped) {
                container.descendants().forEach(ProcessHandle::destroyForcibly);
                container.destroyForcibly();
            }
            assertThat(stopped).as("the image stopped on SIGTERM").isTrue();
        }
    }

    private static boolean canRunTheImage() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"));
    }

    private static String uidOf(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extracted(String path) throws IOException {
        Path root = extractAll();
        return root.resolve(path);
    }

    private static synchronized Path extractAll() throws IOException {
        Path root = work.resolve("rootfs");
        if (!Files.exists(root)) {
            Files.createDirectory(root);
            for (Path layer : layers) {
                run("tar", "--warning=no-unknown-keyword", "-xpzf", layer.toString(), "-C", root.toString());
            }
        }
        return root;
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines;
        try (InputStream out = process.getInputStream()) {
            lines = new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return lines;
    }
}
