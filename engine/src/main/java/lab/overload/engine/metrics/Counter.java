package lab.overload.engine.metrics;

/**
 * A named count of policy events (retries denied by a budget, requests rejected locally by a throttle, ...), reported
 * per interval in {@link IntervalSnapshot#policy()} and in total over the measured period. Single writer.
 */
public final class Counter {
    private final String name;
    long interval;
    long measured;

    Counter(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Counts one event now; {@code measuring} says whether now is after the warm-up. */
    public void add(boolean measuring) {
        interval++;
        if (measuring) {
            measured++;
        }
    }

    public long measuredTotal() {
        return measured;
    }
}
