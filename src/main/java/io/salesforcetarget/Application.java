package io.salesforcetarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.BaseMainSupport;

import io.salesforcetarget.config.TargetConfiguration;
import io.salesforcetarget.server.GracefulShutdown;
import io.salesforcetarget.server.ListenerBoundCheck;
import io.salesforcetarget.settings.InvalidConfigurationException;
import io.salesforcetarget.simulator.SimulatorMain;

/**
 * Starts the target: Camel main with the configuration in {@code application.properties}.
 * <ul>
 * <li>{@code --simulator}: with an embedded simulated Salesforce org (a first run, no org needed);</li>
 * <li>{@code --simulator-only --port N --public-key FILE}: only the simulated org, for other tools and benchmarks.</li>
 * </ul>
 */
public final class Application {

    /** Exit code for a configuration that cannot work. */
    static final int INVALID_CONFIGURATION = 2;
    /** Exit code when a listener could not bind its address (a port in use). */
    static final int LISTENER_NOT_BOUND = 3;
    static final String SIMULATOR = "--simulator";
    static final String SIMULATOR_ONLY = "--simulator-only";
    /** The route files of the top-level routes/ folder, which the jar carries (RoutesLocationTest keeps it true). */
    static final List<String> PACKAGED_ROUTES = List.of("example-new-account.yaml");

    private Application() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(args);
        } catch (Exception e) {
            // Camel has logged the cause; exit instead of lingering on non-daemon threads.
            System.err.println("salesforce-target failed to start: " + e);
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    static int run(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains(SIMULATOR_ONLY)) {
            return SimulatorMain.run(without(args, SIMULATOR_ONLY));
        }
        Main main = createMain();
        if (arguments.contains(SIMULATOR)) {
            EmbeddedSimulator.attach(main);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport started) {
                    int port = Integer.parseInt(started.getCamelContext().getPropertiesComponent()
                            .resolveProperty("camel.server.port").orElse("8080"));
                    System.out.println(EmbeddedSimulator.tryItCommands(port));
                }
            });
        }
        stopOnSigterm(main);
        ListenerBoundCheck listeners = new ListenerBoundCheck();
        main.addMainListener(listeners);
        try {
            int exitCode = main.run(without(args, SIMULATOR));
            return listeners.failed() ? LISTENER_NOT_BOUND : exitCode;
        } catch (InvalidConfigurationException e) {
            System.err.println(e.getMessage());
            System.err.println("To try the target without a Salesforce org, run it with " + SIMULATOR
                    + " (events then go to an embedded simulated org).");
            return INVALID_CONFIGURATION;
        }
    }

    /** The target as a Camel main, not yet started (tests start it in-process the same way). */
    public static Main createMain() {
        Main main = new Main();
        // The jar carries application.properties (not at its root, so that an application using this jar as a
        // library does not read it as its own); a top-level one (run from the project) overrides it.
        main.setPropertyPlaceholderLocations("classpath:salesforce-target/application.properties;optional=true,"
                + "file:application.properties;optional=true");
        main.addInitialProperty("routes.location", routesLocation(Path.of("")));
        main.addMainListener(new RouteFilesOfLocation());
        main.configure().addConfiguration(TargetConfiguration.class);
        main.addMainListener(new GracefulShutdown());
        return main;
    }

    /**
     * SIGTERM (Kubernetes stopping the pod) completes Camel main, which then drains the events in flight, stops and
     * returns normally, so the process exits 0, instead of running as a JVM shutdown (exit status 143).
     */
    private static void stopOnSigterm(Main main) {
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> main.completed());
    }

    /**
     * Where route files and Kamelets are read from: a {@code routes} folder in the working directory (run from the
     * project, or a folder mounted at /app/routes in the container) replaces the copy packaged in the jar.
     */
    static String routesLocation(Path workingDirectory) {
        return Files.isDirectory(workingDirectory.resolve("routes")) ? "file:routes" : "classpath:routes";
    }

    /**
     * The route files to load from a location: every {@code *.yaml} of a folder, but the jar's own by name, since
     * a classpath wildcard makes Camel scan the whole 30 MB jar and its dependencies (about a second of start-up).
     * Kamelets are not listed: they are templates, loaded by name when used.
     */
    static String routesIncludePattern(String location) {
        if (location.startsWith("classpath:")) {
            return PACKAGED_ROUTES.stream().map(file -> location + "/" + file).collect(Collectors.joining(","));
        }
        return location + "/*.yaml";
    }

    /** Sets which route files Camel loads, from {@code routes.location} once the properties are read. */
    private static final class RouteFilesOfLocation extends MainListenerSupport {
        @Override
        public void beforeConfigure(BaseMainSupport configuring) {
            String location = configuring.getCamelContext().getPropertiesComponent()
                    .resolveProperty("routes.location").orElse("classpath:routes");
            configuring.configure().withRoutesIncludePattern(routesIncludePattern(location));
        }
    }

    private static String[] without(String[] args, String flag) {
        return Arrays.stream(args).filter(arg -> !arg.equals(flag)).toArray(String[]::new);
    }
}
