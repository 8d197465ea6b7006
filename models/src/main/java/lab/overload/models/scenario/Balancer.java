package lab.overload.models.scenario;

/** How a service spreads attempts over its hosts. */
public enum Balancer {
    /** Hosts in turn. */
    ROUND_ROBIN,
    /** The host with the fewest attempts in service or queued (ties: lowest index). */
    LEAST_OUTSTANDING,
    /** A uniformly random host. */
    RANDOM
}
