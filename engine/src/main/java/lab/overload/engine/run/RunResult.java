package lab.overload.engine.run;

import java.util.List;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Summary;

/** The outcome of one batch run: its summary and (when asked for) every interval snapshot. */
public record RunResult(Summary summary, List<IntervalSnapshot> intervals, long events, double wallSeconds) {
}
