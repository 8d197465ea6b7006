package lab.overload.models.theory;

/**
 * Waiting times of one-server queues under the order disciplines a lane or an accept queue offers: non-preemptive
 * priority (Cobham's formula) and FIFO against LIFO at M/M/1.
 *
 * <p><b>Non-preemptive priority, M/G/1</b> (Cobham 1954; Kleinrock, <i>Queueing Systems</i> Vol. 2, chapter 3): Poisson
 * arrivals of classes {@code 1..P} at rates {@code λ_i} (per second), class 1 served first, FIFO within a class, a
 * job in service never interrupted; service times of class {@code i} with mean {@code E[S_i]} and second moment
 * {@code E[S_i²]}. With {@code ρ_i = λ_i E[S_i]} and {@code σ_k = ρ_1 + ... + ρ_k < 1}:
 * <pre>
 *   W0  = Σ_i λ_i E[S_i²] / 2                        mean residual work found in service, seconds
 *   Wq_k = W0 / ((1 - σ_{k-1}) (1 - σ_k))             mean wait in queue of class k, seconds
 * </pre>
 * With exponential service of mean {@code 1/μ} for every class, {@code E[S²] = 2/μ²} and {@code W0 = ρ / μ}. The
 * classes' waits weighted by their rates average to the FIFO wait (the conservation law): priority only moves
 * waiting between classes.
 *
 * <p><b>FIFO and LIFO at M/M/1</b> (non-preemptive LIFO; Kleinrock Vol. 1 for FIFO, Vol. 2 for LCFS): the
 * mean wait is the same, {@code Wq = ρ / (μ - λ)}, because the order does not change the work in the system. FIFO's
 * wait is 0 with probability {@code 1 - ρ} and otherwise exponential with rate {@code μ - λ}, so
 * {@code E[W²] = 2ρ / (μ - λ)²}. A LIFO arrival that waits waits for a busy period started by the residual service
 * (exponential, rate {@code μ}), whose second moment is {@code E[X²]/(1 - ρ)³}; so
 * {@code E[W²]_LIFO = 2ρ / (μ²(1 - ρ)³) = E[W²]_FIFO / (1 - ρ)}: the second moment grows by {@code 1/(1 - ρ)}, and
 * as the means are equal the variance grows by {@code E[W²]_FIFO ρ / (1 - ρ)} (at {@code λ = 8/s, μ = 10/s}: FIFO's
 * variance 0.24 s², LIFO's 1.84 s²). All valid only for {@code ρ < 1}.
 */
public final class PriorityQueueing {
    private PriorityQueueing() {
    }

    /**
     * Cobham's mean wait in queue of class {@code k} (0-based: class 0 is served first) under non-preemptive
     * priority at M/G/1.
     *
     * @param k             the class, {@code 0 <= k < lambdas.length}
     * @param lambdas       arrival rate of each class per second, finite, {@code >= 0}
     * @param meanServices  {@code E[S_i]} of each class, seconds, {@code > 0}
     * @param secondMoments {@code E[S_i²]} of each class, seconds², {@code >= E[S_i]²}
     * @return {@code Wq_k}, seconds
     */
    public static double cobhamWait(int k, double[] lambdas, double[] meanServices, double[] secondMoments) {
        if (lambdas.length != meanServices.length || lambdas.length != secondMoments.length) {
            throw new IllegalArgumentException("lambdas, meanServices and secondMoments must have the same length, "
                    + "were " + lambdas.length + ", " + meanServices.length + " and " + secondMoments.length);
        }
        Args.inRange("k", k, 0, lambdas.length - 1);
        double w0 = 0;
        double sigmaBefore = 0;
        double sigma = 0;
        double total = 0;
        for (int i = 0; i < lambdas.length; i++) {
            Args.nonNegative("lambda", lambdas[i]);
            Args.positive("meanService", meanServices[i]);
            Args.atLeast("secondMoment", secondMoments[i], meanServices[i] * meanServices[i]);
            double rho = lambdas[i] * meanServices[i];
            w0 += lambdas[i] * secondMoments[i] / 2;
            total += rho;
            if (i < k) {
                sigmaBefore += rho;
            }
            if (i <= k) {
                sigma += rho;
            }
        }
        if (!(total < 1)) {
            throw new IllegalArgumentException("the total load must be below 1 for a steady state, was " + total);
        }
        return w0 / ((1 - sigmaBefore) * (1 - sigma));
    }

    /**
     * Cobham's mean wait of class {@code k} at M/M/1: every class has exponential service at rate {@code mu}.
     *
     * @param k       the class (0 first)
     * @param lambdas arrival rate of each class per second
     * @param mu      service rate per second, {@code > 0}
     * @return {@code Wq_k}, seconds
     */
    public static double cobhamWaitMm1(int k, double[] lambdas, double mu) {
        Args.positive("mu", mu);
        double[] means = new double[lambdas.length];
        double[] seconds = new double[lambdas.length];
        java.util.Arrays.fill(means, 1 / mu);
        java.util.Arrays.fill(seconds, 2 / (mu * mu));
        return cobhamWait(k, lambdas, means, seconds);
    }

    /** M/M/1 FIFO: {@code E[W²] = 2ρ / (μ - λ)²}, seconds². */
    public static double fifoWaitSecondMoment(double lambda, double mu) {
        Args.nonNegative("lambda", lambda);
        Args.positive("mu", mu);
        Args.stable(lambda, mu, "mu");
        double rho = lambda / mu;
        return 2 * rho / ((mu - lambda) * (mu - lambda));
    }

    /** M/M/1 non-preemptive LIFO: {@code E[W²] = E[W²]_FIFO / (1 - ρ)}, seconds². */
    public static double lifoWaitSecondMoment(double lambda, double mu) {
        return fifoWaitSecondMoment(lambda, mu) / (1 - lambda / mu);
    }

    /** M/M/1 mean wait in queue under FIFO and LIFO alike: {@code ρ / (μ - λ)}, seconds. */
    public static double meanWait(double lambda, double mu) {
        Args.nonNegative("lambda", lambda);
        Args.positive("mu", mu);
        Args.stable(lambda, mu, "mu");
        return lambda / mu / (mu - lambda);
    }
}
