package lab.overload.models.theory;

/**
 * Little's law, {@code L = λ W}.
 *
 * <p>For any system observed in a long-run steady state, the time-average number of items inside
 * ({@code L}, dimensionless count) equals the long-run arrival rate of items that enter
 * ({@code λ}, items per second) times the mean time each item spends inside ({@code W}, seconds).
 * The law holds regardless of arrival process, service distribution, number of servers or queue
 * discipline; it needs only that the three limits exist and that {@code λ} counts the items
 * actually admitted (for a lossy system use the throughput, not the offered rate).
 *
 * <p>The "system" can be any boundary: the waiting line alone ({@code Lq = λ Wq}), the servers
 * alone (busy servers {@code = λ E[S]}) or the whole box ({@code L = λ W}). Units must agree:
 * if {@code λ} is per second, {@code W} must be in seconds.
 */
public final class LittlesLaw {
    private LittlesLaw() {
    }

    /**
     * Mean number in the system {@code L = λ W}.
     *
     * @param arrivalRate       {@code λ}, admitted items per second, finite and {@code >= 0}
     * @param meanTimeInSystem  {@code W}, seconds, finite and {@code >= 0}
     * @return {@code L}, the time-average number of items inside the boundary
     */
    public static double meanNumberInSystem(double arrivalRate, double meanTimeInSystem) {
        Args.nonNegative("arrivalRate", arrivalRate);
        Args.nonNegative("meanTimeInSystem", meanTimeInSystem);
        return arrivalRate * meanTimeInSystem;
    }

    /**
     * Arrival rate {@code λ = L / W}.
     *
     * @param meanNumberInSystem {@code L}, finite and {@code >= 0}
     * @param meanTimeInSystem   {@code W}, seconds, finite and {@code > 0}
     * @return {@code λ}, items per second
     */
    public static double arrivalRate(double meanNumberInSystem, double meanTimeInSystem) {
        Args.nonNegative("meanNumberInSystem", meanNumberInSystem);
        Args.positive("meanTimeInSystem", meanTimeInSystem);
        return meanNumberInSystem / meanTimeInSystem;
    }

    /**
     * Mean time in the system {@code W = L / λ}.
     *
     * @param meanNumberInSystem {@code L}, finite and {@code >= 0}
     * @param arrivalRate        {@code λ}, items per second, finite and {@code > 0}
     * @return {@code W}, seconds
     */
    public static double meanTimeInSystem(double meanNumberInSystem, double arrivalRate) {
        Args.nonNegative("meanNumberInSystem", meanNumberInSystem);
        Args.positive("arrivalRate", arrivalRate);
        return meanNumberInSystem / arrivalRate;
    }
}
