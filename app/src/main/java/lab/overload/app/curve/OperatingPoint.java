package lab.overload.app.curve;

import lab.overload.engine.metrics.AttemptCounts;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.StageInterval;

/**
 * Where the live run sits on the curve: offered load, goodput and throughput over the last {@link #WINDOW}
 * intervals (about one second of sim time; single intervals are too noisy to read), plus a short trail of where it
 * was after each of the last {@link #TRAIL} intervals. p99 is the success-weighted mean of the intervals' p99s, an
 * approximation good enough for a dot on a log axis. Measured at a stage ({@link #setStage}), it reads that stage's
 * section of each interval instead: attempts reaching it, its useful answers and its completions (no p99: latency is
 * the clients'). Steady state allocates nothing.
 *
 * <p>Thread rule: FX thread only.
 */
public final class OperatingPoint {
    public static final int WINDOW = 10;
    public static final int TRAIL = 30;

    private final IntervalSnapshot[] ring = new IntervalSnapshot[WINDOW];
    private int size;
    private int next;
    private double offered = Double.NaN;
    private double goodput = Double.NaN;
    private double throughput = Double.NaN;
    private double p99 = Double.NaN;
    private final double[] trailOffered = new double[TRAIL];
    private final double[] trailGoodput = new double[TRAIL];
    private int trailSize;
    private int trailNext;
    private String stage = "";

    /** Measures the stage of that name from now on (empty: the totals), forgetting what it had. */
    public void setStage(String stageName) {
        stage = stageName;
        clear();
    }

    public void add(IntervalSnapshot s) {
        ring[next] = s;
        next = (next + 1) % WINDOW;
        size = Math.min(size + 1, WINDOW);
        double seconds = 0;
        long offeredCount = 0;
        long succeeded = 0;
        long completed = 0;
        double p99Sum = 0;
        for (int i = 0; i < size; i++) {
            IntervalSnapshot r = ring[i];
            seconds += r.seconds();
            StageInterval st = stage.isEmpty() ? null : r.byStage().get(stage);
            if (st != null) {
                AttemptCounts a = st.attempts();
                offeredCount += a.total();
                succeeded += a.completedUseful();
                completed += a.completedUseful() + a.completedWasted() + a.completedError();
                continue;
            }
            offeredCount += r.offered();
            succeeded += r.succeeded();
            completed += r.completedUseful() + r.completedWasted() + r.completedError();
            if (r.succeeded() > 0 && !Double.isNaN(r.latencyP99Millis())) {
                p99Sum += r.latencyP99Millis() * r.succeeded();
            }
        }
        offered = offeredCount / seconds;
        goodput = succeeded / seconds;
        throughput = completed / seconds;
        p99 = succeeded == 0 || !stage.isEmpty() ? Double.NaN : p99Sum / succeeded;
        trailOffered[trailNext] = offered;
        trailGoodput[trailNext] = goodput;
        trailNext = (trailNext + 1) % TRAIL;
        trailSize = Math.min(trailSize + 1, TRAIL);
    }

    /** Forgets everything (the run restarted). */
    public void clear() {
        size = 0;
        next = 0;
        trailSize = 0;
        trailNext = 0;
        offered = Double.NaN;
        goodput = Double.NaN;
        throughput = Double.NaN;
        p99 = Double.NaN;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** New requests per second over the window; NaN when empty. */
    public double offeredPerSecond() {
        return offered;
    }

    /** Successful requests per second over the window; NaN when empty. */
    public double goodputPerSecond() {
        return goodput;
    }

    /** Attempts finished per second over the window; NaN when empty. */
    public double throughputPerSecond() {
        return throughput;
    }

    /** Approximate p99 latency of successes over the window, ms; NaN when none succeeded. */
    public double latencyP99Millis() {
        return p99;
    }

    /** Positions in the trail (the newest is the current point). */
    public int trailSize() {
        return trailSize;
    }

    /** Offered load at trail position {@code i}, 0 = oldest. */
    public double trailOffered(int i) {
        return trailOffered[trailIndex(i)];
    }

    /** Goodput at trail position {@code i}, 0 = oldest. */
    public double trailGoodput(int i) {
        return trailGoodput[trailIndex(i)];
    }

    private int trailIndex(int i) {
        if (i < 0 || i >= trailSize) {
            throw new IndexOutOfBoundsException("trail position " + i + " outside 0.." + (trailSize - 1));
        }
        return (trailNext - trailSize + i + TRAIL) % TRAIL;
    }
}
