package lab.overload.engine.run;

import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.operate.OperateData;

/**
 * One interval as the live runner publishes it: the snapshot, the run it belongs to ({@code generation} changes on
 * reset, restart or load), its ring sequence number, the parameter changes applied during the interval, and what
 * it adds to the operating views (sampled traces, REPORT lines).
 */
public record LiveFrame(long sequence, int generation, IntervalSnapshot snapshot,
                        java.util.List<ControlChange> changes, OperateData operate) {
    /** A frame with nothing for the operating views. */
    public LiveFrame(long sequence, int generation, IntervalSnapshot snapshot,
                     java.util.List<ControlChange> changes) {
        this(sequence, generation, snapshot, changes, OperateData.NONE);
    }
}
