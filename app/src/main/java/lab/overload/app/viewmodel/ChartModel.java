package lab.overload.app.viewmodel;

import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;

/** What the view model feeds the live charts: data in, one redraw per pulse out. FX thread only. */
public interface ChartModel {
    /** A new run starts: clear every series and show the scenario's timeline markers. */
    void reset(Scenario scenario);

    /** One interval's numbers. */
    void add(IntervalSnapshot snapshot);

    /**
     * A change the user made, at sim time {@code tSeconds}, labelled {@code "path = value"}; changes of one path in
     * quick succession (a slider drag) may share one marker.
     */
    void addUserMarker(double tSeconds, String label);

    /**
     * An A/B split starts ({@code true}: side B's series are drawn over side A's, from B's first interval on) or
     * ends (they go).
     */
    default void setAb(boolean on) {
    }

    /** One interval of side B of an A/B split, for the same sim time as side A's interval of that time. */
    default void addB(IntervalSnapshot snapshot) {
    }

    /** New data arrived: redraw at the next pulse. */
    void markDirty();

    /** One interval's sampled traces and REPORT lines (for the Operate tab); ignored by default. */
    default void addOperate(lab.overload.engine.operate.OperateData data) {
    }

    /** How the charts read (smoothing of legend values and read-outs). */
    ChartOptions options();
}
