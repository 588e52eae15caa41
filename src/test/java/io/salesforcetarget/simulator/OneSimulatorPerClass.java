package io.salesforcetarget.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One simulator for all the tests of a class, with a client of its own; every test starts on a fresh org (records,
 * faults, counters and recorded requests reset).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneSimulatorPerClass {

    protected SalesforceSimulator sim;
    protected SimClient client;

    /** The simulator's configuration: the app's key and one event loop, unless a class needs otherwise. */
    protected SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().publicKey(TestKeys.publicKey()).eventLoops(1);
    }

    @BeforeAll
    void startSimulator() {
        sim = SalesforceSimulator.start(config().build());
        client = new SimClient(sim);
    }

    @AfterAll
    void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void freshOrg() {
        sim.reset();
    }
}
