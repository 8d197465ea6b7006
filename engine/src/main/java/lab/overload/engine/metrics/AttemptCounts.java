package lab.overload.engine.metrics;

import java.util.Map;

/**
 * Attempts of a cohort by how they ended at the server, each outcome in its named field (taken from the counts by its
 * enum constant, never by position, so reordering {@link AttemptOutcome} cannot relabel a count).
 */
public record AttemptCounts(long total, long retries, long completedUseful, long completedWasted,
                            long completedError, long shed, long throttled, long abandonedByServer, long inFlight) {

    /** From counts indexed by {@link AttemptOutcome#ordinal()}. */
    static AttemptCounts of(long total, long retries, long[] byOutcome, long inFlight) {
        return new AttemptCounts(total, retries, byOutcome[AttemptOutcome.COMPLETED_USEFUL.ordinal()],
                byOutcome[AttemptOutcome.COMPLETED_WASTED.ordinal()],
                byOutcome[AttemptOutcome.COMPLETED_ERROR.ordinal()], byOutcome[AttemptOutcome.SHED.ordinal()],
                byOutcome[AttemptOutcome.THROTTLED.ordinal()], byOutcome[AttemptOutcome.ABANDONED_BY_SERVER.ordinal()],
                inFlight);
    }

    /** The attempts that the server finished working on (useful, wasted or error). */
    public long completed() {
        return completedUseful + completedWasted + completedError;
    }

    /** The summary JSON's {@code attempts} block ({@code retries} left out where a stage does not know them). */
    public Map<String, Object> toMap(boolean withRetries) {
        Map<String, Object> m = Summary.ordered("total", total, "retries", retries, "completedUseful",
                completedUseful, "completedWasted", completedWasted, "completedError", completedError, "shed", shed,
                "throttled", throttled, "abandonedByServer", abandonedByServer, "inFlight", inFlight);
        if (!withRetries) {
            m.remove("retries");
        }
        return m;
    }
}
