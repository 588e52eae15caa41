package io.salesforcetarget.settings;

import java.util.List;

/** The configuration cannot work; the message names every offending variable at once. */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(List<String> problems) {
        super("Invalid configuration:\n  - " + String.join("\n  - ", problems), null, false, false);
    }
}
