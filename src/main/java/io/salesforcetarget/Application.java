package io.salesforcetarget;

import org.apache.camel.main.Main;

import io.salesforcetarget.config.InvalidConfigurationException;
import io.salesforcetarget.config.TargetConfiguration;

/** Starts the target: Camel main with the configuration in {@code application.properties}. */
public final class Application {

    /** Exit code for a configuration that cannot work. */
    static final int INVALID_CONFIGURATION = 2;

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        try {
            return createMain().run(args);
        } catch (InvalidConfigurationException e) {
            System.err.println(e.getMessage());
            return INVALID_CONFIGURATION;
        }
    }

    /** The target as a Camel main, not yet started (tests start it in-process the same way). */
    public static Main createMain() {
        Main main = new Main();
        // The jar carries application.properties; a top-level one (run from the project) overrides it.
        main.setPropertyPlaceholderLocations(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        main.configure().addConfiguration(TargetConfiguration.class);
        return main;
    }
}
