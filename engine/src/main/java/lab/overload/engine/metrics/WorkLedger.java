package lab.overload.engine.metrics;

import java.util.Map;

/**
 * Worker-seconds by {@link WorkClass}, each class in its named field (taken from the sums by its enum constant, never
 * by position).
 */
public record WorkLedger(double useful, double wasted, double rejection, double abandoned, double init) {

    /** From sums in worker-microseconds indexed by {@link WorkClass#ordinal()}. */
    static WorkLedger ofMicros(long[] byClass) {
        return new WorkLedger(byClass[WorkClass.USEFUL.ordinal()] / 1e6, byClass[WorkClass.WASTED.ordinal()] / 1e6,
                byClass[WorkClass.REJECTION.ordinal()] / 1e6, byClass[WorkClass.ABANDONED.ordinal()] / 1e6,
                byClass[WorkClass.INIT.ordinal()] / 1e6);
    }

    /** The summary JSON's {@code workSeconds} block. */
    public Map<String, Object> toMap() {
        return Summary.ordered("useful", useful, "wasted", wasted, "rejection", rejection, "abandoned", abandoned,
                "init", init);
    }
}
