package lab.overload.engine.policy;

import lab.overload.models.scenario.TenantsSpec;

/**
 * Draws the tenant of each request of a group from one uniform number, by the tenants' weights (skew weight times
 * rate multiplier): uniform tenants without overrides by one multiplication, otherwise the first tenant whose
 * cumulative weight is above the number (the cumulative weights: one primitive array, built when the spec changes, not
 * per request). That tenant is found from a guide table (Chen and Asau's index table): {@code guide[j]} is the first
 * tenant whose cumulative weight is above {@code j / count}, so the search starts at most a few tenants before the
 * answer and walks to it, instead of a binary search's dozen unpredictable branches over the whole array. The walk
 * goes back as well as forward, so the tenant drawn is exactly the binary search's whatever the rounding of
 * {@code u * count}.
 */
public final class TenantDraw {
    private final int count;
    /** Cumulative weights, normalised so the last is 1; null when every tenant is equally likely. */
    private final double[] cumulative;
    /** By {@code j} in [0, count): the first tenant whose cumulative weight is above {@code j / count}. */
    private final int[] guide;

    public TenantDraw(TenantsSpec spec) {
        this.count = spec.count();
        if (spec.skew() == lab.overload.models.scenario.TenantSkew.UNIFORM && spec.overrides().isEmpty()) {
            cumulative = null;
            guide = null;
            return;
        }
        double[] c = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += spec.skewWeight(i) * spec.rateMultiplier(i);
            c[i] = sum;
        }
        if (sum <= 0) {
            cumulative = null; // every tenant silenced: the group's rate is 0, so nothing is drawn
            guide = null;
            return;
        }
        for (int i = 0; i < count; i++) {
            c[i] /= sum;
        }
        c[count - 1] = 1;
        cumulative = c;
        guide = new int[count];
        int i = 0;
        for (int j = 0; j < count; j++) {
            double from = (double) j / count;
            while (i < count - 1 && c[i] <= from) {
                i++;
            }
            guide[j] = i;
        }
    }

    /** Tenants the group stands for. */
    public int count() {
        return count;
    }

    /** The tenant for a uniform number {@code u} in [0, 1). */
    public int draw(double u) {
        if (cumulative == null) {
            return Math.min(count - 1, (int) (u * count));
        }
        int i = guide[Math.max(0, Math.min(count - 1, (int) (u * count)))];
        while (i > 0 && cumulative[i - 1] > u) { // only when u * count was rounded up to the next j
            i--;
        }
        while (i < count - 1 && cumulative[i] <= u) {
            i++;
        }
        return Math.min(i, count - 1);
    }
}
