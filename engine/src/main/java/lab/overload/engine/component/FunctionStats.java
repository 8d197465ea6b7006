package lab.overload.engine.component;

import java.util.Map;

/**
 * A function's platform metrics over the measured period: invokes (warm, cold, throttled by cause), time averages
 * and maxima of its concurrency and its sandboxes by state, and the sandbox-seconds of the whole run by ledger class
 * ({@code init}, {@code useful}, {@code wasted}, {@code abandoned}, {@code idle}, {@code inProgress} for states not
 * yet left, and {@code total}, the integral of the sandbox count: the classes add up to it). Immutable.
 *
 * @param sandboxesByWorkerManager now, {@code [workerManager][state]} with states initialising, busy, idle
 */
public record FunctionStats(String name, long invokes, long warm, long cold, Map<String, Long> throttled,
                            double concurrencyMean, long concurrencyMax, double sandboxesMean, double busyMean,
                            double idleMean, double initializingMean, long sandboxesMax,
                            Map<String, Double> sandboxSeconds, int[][] sandboxesByWorkerManager) {
    /** Invokes throttled, any cause. */
    public long throttledTotal() {
        return throttled.values().stream().mapToLong(Long::longValue).sum();
    }

    /** cold / (warm + cold); NaN without started invokes. */
    public double coldStartFraction() {
        return warm + cold == 0 ? Double.NaN : (double) cold / (warm + cold);
    }
}
