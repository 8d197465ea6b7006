package lab.overload.app.viewmodel;

import java.util.List;
import lab.overload.engine.run.AbSide;
import lab.overload.engine.run.ControlChange;
import lab.overload.engine.run.LiveFrame;
import lab.overload.engine.run.LiveRunner;

/**
 * Drains the runner's rings once per pulse: every new interval frame goes to the chart model (with a marker per
 * change the user made), the rolling window of the formula read-outs and the trigger watch; side B's frames, while an
 * A/B split is on, go beside side A's. Frames of runs older than the one last started here (after a reset or load)
 * are skipped; the first frame of a newer run clears what the old one showed.
 *
 * <p>Thread rule: FX thread only; it only reads the rings' immutable frames and the runner's status.
 */
final class FrameFeed {
    private final ChartModel charts;
    private final RollingWindow window;
    private final TriggerWatch triggers;
    private final AbState ab;
    private long nextSequence;
    private long nextSequenceB;
    private int frameGeneration = -1;
    /** Frames of older runs still in the ring after a reset or load are skipped. */
    private int minGeneration;

    FrameFeed(ChartModel charts, RollingWindow window, TriggerWatch triggers, AbState ab) {
        this.charts = charts;
        this.window = window;
        this.triggers = triggers;
        this.ab = ab;
    }

    /** The oldest run whose frames are shown. */
    int minGeneration() {
        return minGeneration;
    }

    /** From now on frames of runs before {@code generation} are skipped (a reset or load is on its way). */
    void skipRunsBefore(int generation) {
        minGeneration = generation;
    }

    /** Feeds side A's new frames. Returns whether any frame was in the ring (a skipped one too). */
    boolean drainA(LiveRunner runner) {
        List<LiveFrame> frames = runner.ring().since(nextSequence);
        for (LiveFrame f : frames) {
            nextSequence = f.sequence() + 1;
            if (f.generation() < minGeneration) {
                continue;
            }
            if (f.generation() != frameGeneration) {
                frameGeneration = f.generation();
                triggers.clear();
                window.clear();
                charts.reset(runner.status().scenario());
            }
            charts.add(f.snapshot());
            charts.addOperate(f.operate());
            triggers.add(f.snapshot());
            for (ControlChange c : f.changes()) {
                charts.addUserMarker(c.atMicros() / 1e6, ab.markerPrefix(c.path()) + c.path() + " = " + c.value());
            }
            window.add(f.snapshot());
        }
        return !frames.isEmpty();
    }

    /**
     * Feeds side B's frames, up to side A's newest run (B publishes each interval just after A, so a B frame of a
     * newer run than A's shown one waits for the next pulse). Returns whether any arrived.
     */
    boolean drainB(LiveRunner runner) {
        boolean any = false;
        for (LiveFrame f : runner.ringB().since(nextSequenceB)) {
            if (f.generation() > frameGeneration) {
                break;
            }
            nextSequenceB = f.sequence() + 1;
            if (f.generation() < frameGeneration || f.generation() < minGeneration) {
                continue;
            }
            charts.addB(f.snapshot());
            for (ControlChange c : f.changes()) {
                if (ab.sideOf(c.path()) == AbSide.B) { // a change made on both sides is marked once, from side A
                    charts.addUserMarker(c.atMicros() / 1e6, "B: " + c.path() + " = " + c.value());
                }
            }
            any = true;
        }
        return any;
    }
}
