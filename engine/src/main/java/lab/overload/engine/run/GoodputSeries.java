package lab.overload.engine.run;

import java.util.List;
import lab.overload.engine.metrics.IntervalSnapshot;

/**
 * A run's goodput and offered load over time, from its interval snapshots, for {@link MetastabilityDetector}:
 * prefix sums of succeeded, offered and covered time over the snapshots, for exact windowed rates in O(log n).
 * Gaps between snapshots (frames a live view never received) are allowed: a window's rate is over the part of it
 * that snapshots cover.
 */
final class GoodputSeries {
    private final long[] starts;
    private final long[] ends;
    private final double[] succeeded;
    private final double[] offered;
    private final double[] cumSucceeded;
    private final double[] cumOffered;
    private final long[] cumMicros;

    GoodputSeries(List<IntervalSnapshot> snapshots) {
        int n = snapshots.size();
        starts = new long[n];
        ends = new long[n];
        succeeded = new double[n];
        offered = new double[n];
        cumSucceeded = new double[n + 1];
        cumOffered = new double[n + 1];
        cumMicros = new long[n + 1];
        for (int i = 0; i < n; i++) {
            IntervalSnapshot s = snapshots.get(i);
            if (s.endMicros() <= s.startMicros() || (i > 0 && s.startMicros() < ends[i - 1])) {
                throw new IllegalArgumentException("snapshots must be in time order without overlaps; snapshot "
                        + i + " covers [" + s.startMicros() + ", " + s.endMicros() + ") us after one ending at "
                        + (i > 0 ? ends[i - 1] : "-") + " us");
            }
            starts[i] = s.startMicros();
            ends[i] = s.endMicros();
            succeeded[i] = s.succeeded();
            offered[i] = s.offered();
            cumSucceeded[i + 1] = cumSucceeded[i] + succeeded[i];
            cumOffered[i + 1] = cumOffered[i] + offered[i];
            cumMicros[i + 1] = cumMicros[i] + (ends[i] - starts[i]);
        }
    }

    boolean isEmpty() {
        return starts.length == 0;
    }

    long start() {
        return starts[0];
    }

    long end() {
        return ends[ends.length - 1];
    }

    /** The length of the first snapshot: the grid of the recovery search. */
    long step() {
        return ends[0] - starts[0];
    }

    /** Goodput per second, or succeeded per offered, over the covered part of [a, b); NaN when none is. */
    double value(MetastabilityDetector.Basis basis, long a, long b) {
        if (basis == MetastabilityDetector.Basis.GOODPUT) {
            return rate(succeeded, cumSucceeded, a, b);
        }
        double o = cumulative(offered, cumOffered, b) - cumulative(offered, cumOffered, a);
        return o > 0 ? (cumulative(succeeded, cumSucceeded, b) - cumulative(succeeded, cumSucceeded, a)) / o
                : Double.NaN;
    }

    double offeredRate(long a, long b) {
        return rate(offered, cumOffered, a, b);
    }

    private double rate(double[] x, double[] cum, long a, long b) {
        double covered = covered(b) - covered(a);
        return covered > 0 ? (cumulative(x, cum, b) - cumulative(x, cum, a)) / (covered / 1e6) : Double.NaN;
    }

    /** The count up to time t, the snapshot containing t weighted by the share of it before t. */
    private double cumulative(double[] x, double[] cum, long t) {
        int i = index(t);
        if (i < 0) {
            return 0;
        }
        long len = ends[i] - starts[i];
        long in = Math.min(len, t - starts[i]);
        return cum[i] + (in == len ? x[i] : x[i] * in / (double) len);
    }

    /** Microseconds covered by snapshots up to time t. */
    private double covered(long t) {
        int i = index(t);
        return i < 0 ? 0 : cumMicros[i] + Math.min(ends[i] - starts[i], t - starts[i]);
    }

    /** The last snapshot starting at or before t; -1 if none does. */
    private int index(long t) {
        int lo = 0;
        int hi = starts.length - 1;
        if (hi < 0 || t < starts[0]) {
            return -1;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
