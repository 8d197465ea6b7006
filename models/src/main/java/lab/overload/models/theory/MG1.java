package lab.overload.models.theory;

/**
 * The M/G/1 queue and the Pollaczek–Khinchine (P-K) mean-value formula.
 *
 * <p>Poisson arrivals at rate {@code λ} (per second), one server, i.i.d. service times {@code S}
 * of any distribution with mean {@code E[S]} (seconds) and squared coefficient of variation
 * {@code cv² = Var[S] / E[S]²} (dimensionless), FCFS. With {@code ρ = λ E[S] < 1}:
 * <pre>
 *   E[S²] = (1 + cv²) E[S]²                        seconds²
 *   Wq    = λ E[S²] / (2 (1 - ρ))                  mean wait in queue, seconds
 *         = E[S] ρ (1 + cv²) / (2 (1 - ρ))
 *   W     = Wq + E[S],   Lq = λ Wq,   L = λ W      (Little's law)
 * </pre>
 * Special cases: deterministic service (M/D/1, {@code cv² = 0}) gives
 * {@code Wq = ρ E[S] / (2(1 - ρ))}; exponential service (M/M/1, {@code cv² = 1}) gives
 * {@code Wq = ρ E[S] / (1 - ρ)}, twice the M/D/1 wait. Waiting grows linearly in service-time
 * variability: that is the whole lesson of the formula. Valid only for {@code ρ < 1}.
 */
public final class MG1 {
    private MG1() {
    }

    /**
     * Mean wait in queue from the service mean and squared coefficient of variation.
     *
     * @param lambda      arrival rate per second, finite, {@code 0 <= lambda < 1/meanService}
     * @param meanService {@code E[S]}, seconds, finite, {@code > 0}
     * @param scv         {@code cv²}, finite, {@code >= 0}
     * @return {@code Wq}, seconds
     */
    public static double meanWaitInQueue(double lambda, double meanService, double scv) {
        Args.nonNegative("scv", scv);
        Args.positive("meanService", meanService);
        return meanWaitInQueueFromMoments(lambda, meanService, (1.0 + scv) * meanService * meanService);
    }

    /**
     * Mean wait in queue from the first two service moments, {@code λ E[S²] / (2(1 - ρ))}.
     *
     * @param lambda       arrival rate per second, finite, {@code 0 <= lambda < 1/meanService}
     * @param meanService  {@code E[S]}, seconds, finite, {@code > 0}
     * @param secondMoment {@code E[S²]}, seconds², finite, {@code >= E[S]²} (Jensen)
     * @return {@code Wq}, seconds
     */
    public static double meanWaitInQueueFromMoments(double lambda, double meanService, double secondMoment) {
        Args.nonNegative("lambda", lambda);
        Args.positive("meanService", meanService);
        Args.atLeast("secondMoment", secondMoment, meanService * meanService);
        Args.stable(lambda, 1.0 / meanService, "1/meanService");
        double rho = lambda * meanService;
        return lambda * secondMoment / (2.0 * (1.0 - rho));
    }

    /**
     * Mean response time {@code W = Wq + E[S]}, seconds.
     *
     * @param lambda      arrival rate per second, finite, {@code 0 <= lambda < 1/meanService}
     * @param meanService {@code E[S]}, seconds, finite, {@code > 0}
     * @param scv         {@code cv²}, finite, {@code >= 0}
     * @return {@code W}, seconds
     */
    public static double meanResponseTime(double lambda, double meanService, double scv) {
        return meanWaitInQueue(lambda, meanService, scv) + meanService;
    }

    /**
     * Mean number waiting {@code Lq = λ Wq}.
     *
     * @param lambda      arrival rate per second, finite, {@code 0 <= lambda < 1/meanService}
     * @param meanService {@code E[S]}, seconds, finite, {@code > 0}
     * @param scv         {@code cv²}, finite, {@code >= 0}
     * @return {@code Lq}, customers
     */
    public static double meanQueueLength(double lambda, double meanService, double scv) {
        return lambda * meanWaitInQueue(lambda, meanService, scv);
    }

    /**
     * Mean number in system {@code L = λ W = Lq + ρ}.
     *
     * @param lambda      arrival rate per second, finite, {@code 0 <= lambda < 1/meanService}
     * @param meanService {@code E[S]}, seconds, finite, {@code > 0}
     * @param scv         {@code cv²}, finite, {@code >= 0}
     * @return {@code L}, customers
     */
    public static double meanNumberInSystem(double lambda, double meanService, double scv) {
        return lambda * meanResponseTime(lambda, meanService, scv);
    }
}
