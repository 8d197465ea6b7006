package lab.overload.engine.metrics;

import java.util.Map;

/**
 * Logical requests of a cohort by how they ended, each outcome in its named field (taken from the counts by its enum
 * constant, never by position, so reordering {@link RequestOutcome} cannot relabel a count).
 */
public record RequestCounts(long total, long succeeded, long failedTimeout, long failedRejected, long failedError,
                            long expired, long inFlight) {

    /** From counts indexed by {@link RequestOutcome#ordinal()}. */
    static RequestCounts of(long total, long[] byOutcome, long inFlight) {
        return new RequestCounts(total, byOutcome[RequestOutcome.SUCCEEDED.ordinal()],
                byOutcome[RequestOutcome.FAILED_TIMEOUT.ordinal()], byOutcome[RequestOutcome.FAILED_REJECTED.ordinal()],
                byOutcome[RequestOutcome.FAILED_ERROR.ordinal()], byOutcome[RequestOutcome.EXPIRED.ordinal()],
                inFlight);
    }

    /** The summary JSON's {@code requests} block. */
    public Map<String, Object> toMap() {
        return Summary.ordered("total", total, "succeeded", succeeded, "failedTimeout", failedTimeout,
                "failedRejected", failedRejected, "failedError", failedError, "expired", expired,
                "inFlight", inFlight);
    }
}
