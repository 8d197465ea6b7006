package lab.overload.models.theory;

/**
 * Package-private engine for the stationary law of the birth–death chains behind {@link MMcK}
 * and {@link ErlangA}: birth rate {@code λ} in every state below {@code maxState}, death rate
 * {@code d_n = min(n, c) μ + max(0, n - c) θ} in state {@code n}, so
 * {@code p_n ∝ t_n = ∏_{k=1..n} λ / d_k}.
 *
 * <p><b>Scaled recursion.</b> {@code t_n} over- or underflows doubles for realistic inputs
 * ({@code (λ/μ)^n / n!} with thousands of servers). Each term is therefore kept as a mantissa
 * {@code w ∈ [1, 2)} times {@code 2^e} ({@code w} updated by one multiplication per state, then
 * renormalised exactly with {@link Math#scalb}); the running sums are kept relative to
 * {@code 2^M}, {@code M} the largest exponent seen, and rescaled (exactly, by a power of two)
 * when {@code M} grows. Each term carries only the rounding of its own product of ratios, about
 * {@code n} ulps, with no cancellation. Because {@code d_n} is non-decreasing the ratios are
 * non-increasing, so once a ratio pushes the term below the smallest normal double relative to
 * its predecessor every later term is negligible and the sum stops.
 *
 * <p><b>Optional tail truncation</b> (infinite chains): for {@code n > c} with
 * {@code r = λ / d_{n+1} < 1}, every later ratio is {@code <= r}, so
 * {@code Σ_{j>n} j t_j <= t_n (n r/(1-r) + r/(1-r)²)}. Summation stops once this bound is below
 * {@code 1e-17} of both partial sums {@code Σ_{n>=c} t_n} and {@code Σ (n-c)+ t_n}, i.e. under
 * the resolution of a double for every returned moment.
 */
final class BirthDeath {
    private static final double TAIL_EPS = 1e-17;
    private static final double MAX_LOAD = 0x1p1000;

    private BirthDeath() {
    }

    /**
     * Returns {@code {P(N >= c), E[N], E[(N-c)+], P(N = maxState)}}; the last entry is 0 when the
     * sum stopped early (truncated or underflowed). Arguments must already be validated except for
     * the range of {@code λ/μ}, checked here. With {@code truncate} false all states up to
     * {@code maxState} are visited; with it true, exceeding {@code maxState} is an error.
     */
    static double[] solve(int c, double lambda, double mu, double theta, int maxState, boolean truncate) {
        double load = lambda / mu;
        if (!(load <= MAX_LOAD && load >= 1.0 / MAX_LOAD)) {
            throw new IllegalArgumentException("lambda must be in [2^-1000 * mu, 2^1000 * mu] = [" + mu / MAX_LOAD
                    + ", " + mu * MAX_LOAD + "], was " + lambda);
        }
        double w = 1.0; // t_n = w * 2^e
        long e = 0; // long: e can grow by ~1000 per state for extreme loads
        long top = 0; // M: sums below are scaled by 2^-M
        double s0 = 1.0;
        double s1 = 0.0;
        double sq = 0.0;
        double sw = c == 0 ? 1.0 : 0.0;
        double last = 1.0;
        for (int n = 1; n <= maxState; n++) {
            double death = n <= c ? n * mu : c * mu + (n - c) * theta;
            w *= lambda / death;
            if (!(w >= Double.MIN_NORMAL)) {
                return result(sw, s1, sq, 0.0, s0);
            }
            int k = Math.getExponent(w);
            w = Math.scalb(w, -k);
            e += k;
            if (e > top) {
                double f = Math.scalb(1.0, (int) Math.max(top - e, -2000));
                s0 *= f;
                s1 *= f;
                sq *= f;
                sw *= f;
                top = e;
            }
            double t = Math.scalb(w, (int) Math.max(e - top, -2000));
            s0 += t;
            s1 += n * t;
            if (n >= c) {
                sw += t;
            }
            last = t;
            if (n > c) {
                sq += (double) (n - c) * t;
                if (truncate) {
                    double r = lambda / (c * mu + (n + 1.0 - c) * theta);
                    if (r < 1.0 && t * (n * r / (1.0 - r) + r / ((1.0 - r) * (1.0 - r))) <= TAIL_EPS * Math.min(sq, sw)) {
                        return result(sw, s1, sq, 0.0, s0);
                    }
                }
            }
        }
        if (truncate) {
            throw new IllegalArgumentException("theta must be larger: the tail needs more than " + maxState
                    + " states (allowed range (0, +inf) but too small for lambda=" + lambda + "), was " + theta);
        }
        return result(sw, s1, sq, last, s0);
    }

    private static double[] result(double sw, double s1, double sq, double last, double s0) {
        return new double[] {sw / s0, s1 / s0, sq / s0, last / s0};
    }
}
