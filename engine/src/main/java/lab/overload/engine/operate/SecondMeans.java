package lab.overload.engine.operate;

import java.util.TreeMap;

/**
 * Time-weighted means per whole second of sim time, built from the means of shorter intervals (a metrics
 * interval's time-weighted concurrency, say): each interval adds {@code mean x overlap} to every second it overlaps.
 * A second's mean is known once intervals cover all of it. Bounded: only the latest {@code maxSeconds} are kept.
 */
public final class SecondMeans {
    private final int maxSeconds;
    private final TreeMap<Long, double[]> seconds = new TreeMap<>();

    public SecondMeans(int maxSeconds) {
        if (maxSeconds < 1) {
            throw new IllegalArgumentException("maxSeconds must be at least 1, was " + maxSeconds);
        }
        this.maxSeconds = maxSeconds;
    }

    /** Adds an interval [startMicros, endMicros) whose time-weighted mean was {@code mean}. */
    public void add(long startMicros, long endMicros, double mean) {
        long t = startMicros;
        while (t < endMicros) {
            long second = Math.floorDiv(t, 1_000_000L);
            long end = Math.min(endMicros, (second + 1) * 1_000_000L);
            double[] s = seconds.computeIfAbsent(second, k -> new double[2]);
            s[0] += mean * (end - t);
            s[1] += end - t;
            t = end;
        }
        while (seconds.size() > maxSeconds) {
            seconds.pollFirstEntry();
        }
    }

    /** The mean over that second, or NaN when intervals do not cover all of it (yet). */
    public double mean(long second) {
        double[] s = seconds.get(second);
        return s == null || s[1] < 1_000_000 ? Double.NaN : s[0] / s[1];
    }

    public void clear() {
        seconds.clear();
    }
}
