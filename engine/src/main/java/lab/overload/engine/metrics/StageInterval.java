package lab.overload.engine.metrics;

/**
 * One stage's section of an {@link IntervalSnapshot}: the attempts that reached it and how those that ended in the
 * interval ended (by event time, so {@code inFlight} and {@code retries} are 0), time averages and maxima of its busy
 * workers and queue, the mean queue wait of attempts that started in the interval (NaN when none), its utilization,
 * its worker capacity and its work ledger.
 */
public record StageInterval(String name, String kind, AttemptCounts attempts, double concurrencyMean,
                            long concurrencyMax, double queueLengthMean, long queueLengthMax,
                            double queueWaitMeanMillis, double utilization, long workers, WorkLedger work) {
}
