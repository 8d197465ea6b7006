package lab.overload.engine.component.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A function's invoke durations, warm and cold apart: from the invoke's arrival at the function to its end (for a cold
 * one placement and init included: the latency cliff), exact mean in milliseconds, p50 and p99 from a 3-digit
 * HdrHistogram (values above one day are counted as one day). Only measured invokes are recorded; a throttled
 * invoke has no duration. Adding a value allocates nothing. Single writer: the simulation thread.
 */
public final class InvokeDurations {
    private static final long MAX_MICROS = 86_400_000_000L;

    private final Histogram warm = new Histogram(MAX_MICROS, 3);
    private final Histogram cold = new Histogram(MAX_MICROS, 3);
    private final long[] sumMicros = new long[2];

    /** Records one ended invoke's duration. */
    public void record(boolean wasCold, long micros) {
        (wasCold ? cold : warm).recordValue(Math.min(Math.max(0, micros), MAX_MICROS));
        sumMicros[wasCold ? 1 : 0] += micros;
    }

    /** Invokes recorded of that kind. */
    public long count(boolean wasCold) {
        return (wasCold ? cold : warm).getTotalCount();
    }

    /** {@code {mean, p50, p99}} in milliseconds of that kind; NaN each when there is none. */
    public Map<String, Object> toMap(boolean wasCold) {
        Histogram h = wasCold ? cold : warm;
        long n = h.getTotalCount();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", n == 0 ? Double.NaN : sumMicros[wasCold ? 1 : 0] / 1000.0 / n);
        m.put("p50", n == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1000.0);
        m.put("p99", n == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0);
        return m;
    }
}
