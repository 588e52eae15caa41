package io.salesforcetarget.simulator;

/** Which requests a fault applies to: REST calls under /services/data/vNN.N, or token requests. */
public enum FaultTarget {
    API,
    LOGIN
}
