package io.salesforcetarget;

import org.apache.camel.main.Main;

import io.salesforcetarget.simulator.SalesforceSimulator;

/** Lets tests in other packages attach the embedded simulator the way {@code --simulator} does. */
public final class EmbeddedSimulatorAccess {

    private EmbeddedSimulatorAccess() {
    }

    public static SalesforceSimulator attach(Main main) {
        return EmbeddedSimulator.attach(main);
    }
}
