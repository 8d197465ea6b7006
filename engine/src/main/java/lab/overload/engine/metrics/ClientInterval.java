package lab.overload.engine.metrics;

/**
 * One client group's section of an {@link IntervalSnapshot}: what happened to its requests and attempts in the
 * interval (by event time, so {@code inFlight} is 0), the mean latency of its requests that succeeded in it and the
 * mean queue wait of its attempts that started in it (NaN when none).
 */
public record ClientInterval(String name, RequestCounts requests, AttemptCounts attempts, double latencyMeanMillis,
                             double queueWaitMeanMillis) {
}
