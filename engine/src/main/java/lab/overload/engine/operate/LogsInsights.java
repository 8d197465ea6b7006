package lab.overload.engine.operate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;

/**
 * The talk's CloudWatch Logs Insights query over REPORT lines, with the truth beside it:
 *
 * <pre>
 * filter @type = "REPORT"
 * | stats avg(@duration), count(*), (avg(@duration) / 1000.0) * count(*) as concurrency by bin(1s)
 * | sort concurrency desc
 * </pre>
 *
 * A line is binned by its timestamp, the end of the invoke. {@code avg(@duration) / 1000 x count} is the sum of the
 * durations (in seconds) of the invokes that <em>ended</em> in the second: Little's law (L = lambda W) applied to one
 * second, so in a steady state its mean is the true mean concurrency. Second by second it is not: an invoke's whole
 * duration is booked into the second it ended in, though it was running in the seconds before, so long invokes and
 * bursts move concurrency between seconds. The true column is the engine's time-weighted mean of the invokes in
 * their work (from start of work to end, what @duration measures) over that second.
 */
public final class LogsInsights {
    /**
     * One row of the table.
     *
     * @param second          the bin: start of the second, in whole seconds of sim time
     * @param avgDurationMillis avg(@duration) in ms
     * @param count           count(*)
     * @param concurrency     (avg(@duration) / 1000.0) * count(*)
     * @param trueConcurrency the time-weighted mean concurrency of that second (NaN when unknown)
     */
    public record Row(long second, double avgDurationMillis, long count, double concurrency, double trueConcurrency) {
    }

    private LogsInsights() {
    }

    /**
     * The query's rows over {@code lines} (of one function, or all), sorted by concurrency descending (ties by the
     * earlier second), with the true concurrency of each second from {@code trueBySecond} (NaN when unknown).
     */
    public static List<Row> query(List<ReportLine> lines, LongToDoubleFunction trueBySecond) {
        TreeMap<Long, double[]> bins = new TreeMap<>();
        for (ReportLine l : lines) {
            double[] b = bins.computeIfAbsent(Math.floorDiv(l.endMicros(), 1_000_000L), k -> new double[2]);
            b[0] += l.durationMillis();
            b[1]++;
        }
        List<Row> rows = new ArrayList<>(bins.size());
        bins.forEach((second, b) -> {
            double avg = b[0] / b[1];
            long count = (long) b[1];
            rows.add(new Row(second, avg, count, avg / 1000.0 * count, trueBySecond.applyAsDouble(second)));
        });
        rows.sort(Comparator.comparingDouble(Row::concurrency).reversed().thenComparingLong(Row::second));
        return List.copyOf(rows);
    }
}
