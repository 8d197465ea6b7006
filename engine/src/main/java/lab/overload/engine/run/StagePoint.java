package lab.overload.engine.run;

import lab.overload.engine.metrics.AttemptCounts;
import lab.overload.engine.metrics.StageSummary;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.metrics.WorkLedger;

/**
 * What one stage (a function, an API, a service, a queue) did in a run, as a point of a sweep measured at that stage:
 * its load, the attempts that reached it per second (its callers' first tries and retries alike: a stage cannot tell
 * them apart), its throughput, its goodput, the attempts it completed usefully per second, the share of its attempts
 * it rejected (shed or throttled), and the share of its work that was not useful (wasted, abandoned, rejecting; NaN
 * without work, as an API has none).
 */
public record StagePoint(String stage, double loadPerSecond, double throughputPerSecond, double goodputPerSecond,
                         double rejectedShare, double notUsefulWorkShare) {
    /** The CSV columns a sweep measured at a stage adds after the totals, in order. */
    public static final String HEADER = "stage,stageLoadPerSecond,stageThroughputPerSecond,stageGoodputPerSecond,"
            + "stageRejectedShare,stageNotUsefulWorkShare";

    /** The stage's point in a run's summary; IllegalArgumentException naming the stages when it has none. */
    public static StagePoint of(Summary summary, String stage) {
        StageSummary st = summary.byStage().get(stage);
        if (st == null) {
            throw new IllegalArgumentException("no stage named '" + stage + "' (" + summary.byStage().keySet() + ")");
        }
        AttemptCounts a = st.attempts();
        double seconds = summary.measuredSeconds();
        WorkLedger w = st.work();
        double work = w.useful() + w.wasted() + w.abandoned() + w.rejection();
        return new StagePoint(stage, a.total() / seconds, st.throughputPerSecond(), a.completedUseful() / seconds,
                a.total() == 0 ? Double.NaN : (double) (a.shed() + a.throttled()) / a.total(),
                work == 0 ? Double.NaN : (work - w.useful()) / work);
    }
}
