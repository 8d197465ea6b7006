package lab.overload.engine.policy;

import lab.overload.models.scenario.LimitKind;
import lab.overload.models.scenario.LimitSpec;

/**
 * Additive increase, multiplicative decrease (as Netflix concurrency-limits' {@code AIMDLimit}). Per sample:
 *
 * <pre>
 *   drop, or rtt &gt; threshold:        limit = floor(limit * backoffRatio)
 *   otherwise, if inflight &gt;= limit/2: limit = limit + 1
 *   then                              limit = clamp(limit, minLimit, maxLimit)
 * </pre>
 *
 * <p>The increase only happens while the limit is actually being used (at least half of it in flight), so an idle
 * host does not grow an unearned limit. One drop costs {@code 1 - backoffRatio} of the limit (10% by default), one
 * success gains one slot, so under steady overload the limit saws between the level where drops begin and about
 * {@code backoffRatio} of it. Rejections by the host's own queue are not drops: they do not mean the attempts in
 * service are too many, and feeding them back would drive the limit to its minimum under any excess load.
 */
public final class AimdLimit implements Limit {
    private final int minLimit;
    private final int maxLimit;
    private final double backoffRatio;
    private final long thresholdMicros;
    private int limit;

    /**
     * @param initialLimit    starting limit, clamped into [minLimit, maxLimit]
     * @param minLimit        lowest limit, at least 1
     * @param maxLimit        highest limit, at least minLimit
     * @param backoffRatio    multiplier on a drop, in [0.5, 1)
     * @param thresholdMicros a sample slower than this counts as a drop, at least 1 us
     */
    public AimdLimit(int initialLimit, int minLimit, int maxLimit, double backoffRatio, long thresholdMicros) {
        if (minLimit < 1 || maxLimit < minLimit) {
            throw new IllegalArgumentException("limits must satisfy 1 <= minLimit <= maxLimit, were " + minLimit
                    + " and " + maxLimit);
        }
        if (!(backoffRatio >= 0.5 && backoffRatio < 1)) {
            throw new IllegalArgumentException("backoffRatio must be in [0.5, 1), was " + backoffRatio);
        }
        if (thresholdMicros < 1) {
            throw new IllegalArgumentException("threshold must be at least 1 us, was " + thresholdMicros);
        }
        this.minLimit = minLimit;
        this.maxLimit = maxLimit;
        this.backoffRatio = backoffRatio;
        this.thresholdMicros = thresholdMicros;
        this.limit = Math.max(minLimit, Math.min(maxLimit, initialLimit));
    }

    static AimdLimit of(LimitSpec s, int initialLimit) {
        return new AimdLimit(initialLimit, s.minLimit(), s.effectiveMaxLimit(), s.backoffRatio(),
                Math.max(1, Math.round(s.latencyThresholdMillis() * 1000)));
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public void onSample(long rttMicros, int inflight, boolean didDrop) {
        int next = limit;
        if (didDrop || rttMicros > thresholdMicros) {
            next = (int) (limit * backoffRatio);
        } else if (2L * inflight >= limit) {
            next = limit + 1;
        }
        limit = Math.max(minLimit, Math.min(maxLimit, next));
    }

    @Override
    public Limit reconfigured(LimitSpec spec) {
        return spec.kind() == LimitKind.AIMD ? of(spec, limit) : Limit.of(spec);
    }

    @Override
    public String toString() {
        return "AimdLimit[limit=" + limit + "]";
    }
}
