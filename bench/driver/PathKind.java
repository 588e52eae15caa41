package bench.driver;

/** TARGET: CloudEvents to the target; DIRECT: REST to the simulator; PROXY: the same REST through the bare proxy. */
enum PathKind {
    TARGET, DIRECT, PROXY
}
