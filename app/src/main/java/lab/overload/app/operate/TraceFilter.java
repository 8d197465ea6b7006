package lab.overload.app.operate;

import java.util.Comparator;
import java.util.List;
import lab.overload.engine.operate.Trace;

/** Which sampled traces the list shows: all (newest first), the slowest, or those that failed, were throttled or cold. */
public enum TraceFilter {
    NEWEST("newest"),
    SLOWEST("slowest"),
    FAILED("failed"),
    THROTTLED("throttled"),
    COLD("cold start");

    /** Traces a list shows at most. */
    public static final int MAX_SHOWN = 200;
    private final String label;

    TraceFilter(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The traces this filter picks from {@code traces} (oldest first), in the order to show them. */
    public List<Trace> apply(List<Trace> traces) {
        Comparator<Trace> newest = Comparator.comparingLong(Trace::endMicros).reversed();
        return traces.stream()
                .filter(t -> switch (this) {
                    case NEWEST, SLOWEST -> true;
                    case FAILED -> t.failed();
                    case THROTTLED -> t.throttled();
                    case COLD -> t.cold();
                })
                .sorted(this == SLOWEST ? Comparator.comparingLong(Trace::latencyMicros).reversed()
                        .thenComparing(newest) : newest)
                .limit(MAX_SHOWN)
                .toList();
    }
}
