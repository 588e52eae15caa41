package io.salesforcetarget.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The runnable jar that {@code mvn package} builds, run in a JVM of its own as {@code java -jar} runs it. */
public final class PackagedJar {

    public static final Path JAR = Path.of("target", "salesforce-target.jar");

    private PackagedJar() {
    }

    /** {@code java -jar target/salesforce-target.jar [arguments]}, as {@link #command(List, String...)}. */
    public static ProcessBuilder command(String... arguments) {
        return command(List.of(), arguments);
    }

    /**
     * {@code java [jvmOptions] -jar target/salesforce-target.jar [arguments]} with this JVM's java, the error
     * output joined to the output.
     */
    public static ProcessBuilder command(List<String> jvmOptions, String... arguments) {
        assertThat(JAR).as("the runnable jar (failsafe runs after package)").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
