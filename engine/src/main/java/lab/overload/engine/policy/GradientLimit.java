package lab.overload.engine.policy;

import lab.overload.models.scenario.LimitKind;
import lab.overload.models.scenario.LimitSpec;

/**
 * Latency-gradient limit (as Netflix concurrency-limits' {@code Gradient2Limit}). It compares the latest time in
 * service (the short-window RTT) with an exponential average over many samples (the long-window RTT, the latency the
 * host has when it is not overloaded). While latency holds, the limit creeps up by the queue headroom; when the
 * latest latency exceeds the long-window one by more than the tolerance, it falls in proportion:
 *
 * <pre>
 *   longRtt  = EMA of rtt over longWindowSamples (a plain mean over the first min(10, window) samples)
 *   if longRtt / rtt &gt; 2: longRtt = 0.95 longRtt          (recover quickly after a latency spike)
 *   if inflight &lt; limit / 2: no change                     (the host is not using its limit)
 *   gradient = clamp(rttTolerance * longRtt / rtt, 0.5, 1)
 *   limit    = (1 - smoothing) limit + smoothing (limit * gradient + queueSize)
 *   limit    = clamp(limit, minLimit, maxLimit)
 * </pre>
 *
 * <p>The limit is a real number; the host admits {@code floor(limit)} (at least 1). Latency only grows with
 * concurrency when work contends (USL sigma/kappa, shared cores) or queues downstream; with neither, every rtt is the
 * service time and the limit simply climbs to {@code maxLimit}.
 */
public final class GradientLimit implements Limit {
    private static final int WARMUP = 10;

    private final int minLimit;
    private final int maxLimit;
    private final double smoothing;
    private final double tolerance;
    private final int window;
    private final int queueSize;
    private double limit;
    private double longRtt;
    private int samples;

    /**
     * @param initialLimit starting limit, clamped into [minLimit, maxLimit]
     * @param smoothing    weight of each new estimate, in (0, 1]
     * @param tolerance    rtt may exceed longRtt by this factor before the limit falls, at least 1
     * @param window       samples of the long-window average, at least 1
     * @param queueSize    headroom added at each update, at least 0
     */
    public GradientLimit(double initialLimit, int minLimit, int maxLimit, double smoothing, double tolerance,
                         int window, int queueSize) {
        if (minLimit < 1 || maxLimit < minLimit) {
            throw new IllegalArgumentException("limits must satisfy 1 <= minLimit <= maxLimit, were " + minLimit
                    + " and " + maxLimit);
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing must be in (0, 1], was " + smoothing);
        }
        if (!(tolerance >= 1)) {
            throw new IllegalArgumentException("rttTolerance must be at least 1, was " + tolerance);
        }
        if (window < 1 || queueSize < 0) {
            throw new IllegalArgumentException("longWindowSamples must be >= 1 and queueSize >= 0, were " + window
                    + " and " + queueSize);
        }
        this.minLimit = minLimit;
        this.maxLimit = maxLimit;
        this.smoothing = smoothing;
        this.tolerance = tolerance;
        this.window = window;
        this.queueSize = queueSize;
        this.limit = Math.max(minLimit, Math.min(maxLimit, initialLimit));
    }

    static GradientLimit of(LimitSpec s, double initialLimit) {
        return new GradientLimit(initialLimit, s.minLimit(), s.effectiveMaxLimit(), s.smoothing(), s.rttTolerance(),
                s.longWindowSamples(), s.queueSize());
    }

    @Override
    public int limit() {
        return Math.max(1, (int) limit);
    }

    /** The smoothed limit before rounding down. */
    public double estimatedLimit() {
        return limit;
    }

    /** The long-window RTT in microseconds (0 before the first sample). */
    public double longRttMicros() {
        return longRtt;
    }

    @Override
    public void onSample(long rttMicros, int inflight, boolean didDrop) {
        double shortRtt = Math.max(1, rttMicros);
        samples++;
        int warmup = Math.min(WARMUP, window);
        if (samples <= warmup) {
            longRtt += (shortRtt - longRtt) / samples;
        } else {
            double factor = 2.0 / (window + 1);
            longRtt = longRtt * (1 - factor) + shortRtt * factor;
        }
        if (longRtt / shortRtt > 2) {
            longRtt *= 0.95;
        }
        if (inflight < limit / 2) {
            return;
        }
        double gradient = Math.max(0.5, Math.min(1.0, tolerance * longRtt / shortRtt));
        double next = limit * gradient + queueSize;
        next = limit * (1 - smoothing) + next * smoothing;
        limit = Math.max(minLimit, Math.min(maxLimit, next));
    }

    @Override
    public Limit reconfigured(LimitSpec spec) {
        if (spec.kind() != LimitKind.GRADIENT) {
            return Limit.of(spec);
        }
        GradientLimit g = of(spec, limit);
        g.longRtt = longRtt;
        g.samples = samples;
        return g;
    }

    @Override
    public String toString() {
        return "GradientLimit[limit=" + limit + ", longRtt=" + longRtt + "]";
    }
}
