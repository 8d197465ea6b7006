package lab.overload.engine.run;

import lab.overload.engine.metrics.IntervalSnapshot;

/**
 * One interval as the live runner publishes it: the snapshot, the run it belongs to ({@code generation} changes on
 * reset, restart or load), its ring sequence number, and the parameter changes applied during the interval.
 */
public record LiveFrame(long sequence, int generation, IntervalSnapshot snapshot,
                        java.util.List<ControlChange> changes) {
}
