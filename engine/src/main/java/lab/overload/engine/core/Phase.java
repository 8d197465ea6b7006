package lab.overload.engine.core;

/**
 * Order of events at equal times: control changes first, then completions and departures, then timeouts, then
 * arrivals, then the sealing of a metrics interval. Within a phase, insertion order.
 */
public final class Phase {
    public static final int CONTROL = 0;
    public static final int COMPLETION = 1;
    public static final int TIMEOUT = 2;
    public static final int ARRIVAL = 3;
    public static final int SEAL = 4;

    private Phase() {
    }
}
