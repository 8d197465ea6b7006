package lab.overload.models.theory;

/**
 * Token-bucket rate limiter arithmetic.
 *
 * <p>A bucket of capacity {@code b} tokens is refilled continuously at {@code r} tokens per second
 * and never holds more than {@code b}; a request of cost 1 is admitted iff a token is present.
 * With continuous refill the state evolves in closed form between requests:
 * <pre>
 *   tokens(t) = min(b, tokens(0) + r t)
 * </pre>
 * Consequences: the sustained admitted rate is {@code r}; the largest instantaneous burst is
 * {@code b}; over any window of length {@code T} at most {@code b + r T} requests are admitted
 * (the (σ, ρ) arrival-curve bound); a full bucket absorbs an arrival rate {@code R > r} for
 * {@code b / (R - r)} seconds before it starts rejecting.
 */
public final class TokenBucket {
    private TokenBucket() {
    }

    /**
     * Tokens after {@code t} seconds without consumption, {@code min(b, tokens + r t)}.
     *
     * @param capacity      {@code b}, tokens, finite, {@code > 0}
     * @param refillRate    {@code r}, tokens per second, finite, {@code >= 0}
     * @param currentTokens tokens now, in {@code [0, capacity]}
     * @param elapsed       {@code t}, seconds, finite, {@code >= 0}
     * @return tokens in {@code [currentTokens, capacity]}
     */
    public static double tokensAfter(double capacity, double refillRate, double currentTokens, double elapsed) {
        checkBucket(capacity, refillRate, currentTokens);
        Args.nonNegative("elapsed", elapsed);
        return Math.min(capacity, currentTokens + refillRate * elapsed);
    }

    /**
     * Seconds until at least {@code required} tokens are present, {@code max(0, (required - tokens) / r)}.
     *
     * @param capacity      {@code b}, tokens, finite, {@code > 0}
     * @param refillRate    {@code r}, tokens per second, finite, {@code >= 0}
     * @param currentTokens tokens now, in {@code [0, capacity]}
     * @param required      tokens wanted, in {@code [0, capacity]} (more can never be present)
     * @return seconds; {@code +inf} if more are needed and {@code r = 0}
     */
    public static double timeUntilAvailable(double capacity, double refillRate, double currentTokens,
            double required) {
        checkBucket(capacity, refillRate, currentTokens);
        if (!(required >= 0.0 && required <= capacity)) {
            throw new IllegalArgumentException("required must be in [0, capacity] = [0, " + capacity + "], was "
                    + required);
        }
        double deficit = required - currentTokens;
        return deficit <= 0.0 ? 0.0 : deficit / refillRate;
    }

    /**
     * Maximum requests admitted in any window of {@code T} seconds, {@code b + r T} (starting full).
     *
     * @param capacity   {@code b}, tokens, finite, {@code > 0}
     * @param refillRate {@code r}, tokens per second, finite, {@code >= 0}
     * @param window     {@code T}, seconds, finite, {@code >= 0}
     * @return requests
     */
    public static double maxAdmittedInWindow(double capacity, double refillRate, double window) {
        checkBucket(capacity, refillRate, capacity);
        Args.nonNegative("window", window);
        return capacity + refillRate * window;
    }

    /**
     * How long a full bucket sustains an arrival rate above the refill rate, {@code b / (R - r)}.
     *
     * @param capacity    {@code b}, tokens, finite, {@code > 0}
     * @param refillRate  {@code r}, tokens per second, finite, {@code >= 0}
     * @param arrivalRate {@code R}, requests per second, finite, {@code >= 0}
     * @return seconds; {@code +inf} when {@code R <= r} (never drains)
     */
    public static double burstDuration(double capacity, double refillRate, double arrivalRate) {
        checkBucket(capacity, refillRate, capacity);
        Args.nonNegative("arrivalRate", arrivalRate);
        return arrivalRate <= refillRate ? Double.POSITIVE_INFINITY : capacity / (arrivalRate - refillRate);
    }

    private static void checkBucket(double capacity, double refillRate, double currentTokens) {
        Args.positive("capacity", capacity);
        Args.nonNegative("refillRate", refillRate);
        if (!(currentTokens >= 0.0 && currentTokens <= capacity)) {
            throw new IllegalArgumentException("currentTokens must be in [0, capacity] = [0, " + capacity
                    + "], was " + currentTokens);
        }
    }
}
