package lab.overload.engine.policy;

import java.util.SplittableRandom;
import lab.overload.models.scenario.Jitter;

/**
 * Exponential backoff with jitter, as in the AWS Architecture Blog's "Exponential Backoff And Jitter". Retry n
 * (n = 1, 2, ...) has the capped exponential {@code e = min(cap, base * 2^(n-1))}; the sleep is:
 * NONE {@code e}; FULL {@code U(0, e)}; EQUAL {@code e/2 + U(0, e/2)}; DECORRELATED
 * {@code min(cap, U(base, 3 * previous))} with previous starting at base. All times in microseconds.
 */
public final class Backoff {
    private Backoff() {
    }

    /**
     * The sleep before retry {@code retryNumber}.
     *
     * @param previousMicros the previous sleep (DECORRELATED only; the base before the first retry)
     */
    public static long sleepMicros(Jitter jitter, int retryNumber, long baseMicros, long capMicros,
                                   long previousMicros, SplittableRandom random) {
        double exp = Math.min((double) capMicros, Math.scalb((double) baseMicros, retryNumber - 1));
        double sleep = switch (jitter) {
            case NONE -> exp;
            case FULL -> random.nextDouble() * exp;
            case EQUAL -> exp / 2 + random.nextDouble() * exp / 2;
            case DECORRELATED -> {
                double lo = baseMicros;
                double hi = Math.max(lo, 3.0 * Math.max(previousMicros, baseMicros));
                yield Math.min(capMicros, lo + random.nextDouble() * (hi - lo));
            }
        };
        return Math.round(sleep);
    }
}
