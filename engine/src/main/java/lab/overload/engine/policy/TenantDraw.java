package lab.overload.engine.policy;

import lab.overload.models.scenario.TenantsSpec;

/**
 * Draws the tenant of each request of a group from one uniform number, by the tenants' weights (skew weight times
 * rate multiplier): uniform tenants without overrides by one multiplication, otherwise by a binary search of the
 * cumulative weights (one primitive array, built when the spec changes, not per request).
 */
public final class TenantDraw {
    private final int count;
    /** Cumulative weights, normalised so the last is 1; null when every tenant is equally likely. */
    private final double[] cumulative;

    public TenantDraw(TenantsSpec spec) {
        this.count = spec.count();
        if (spec.skew() == lab.overload.models.scenario.TenantSkew.UNIFORM && spec.overrides().isEmpty()) {
            cumulative = null;
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
            return;
        }
        for (int i = 0; i < count; i++) {
            c[i] /= sum;
        }
        c[count - 1] = 1;
        cumulative = c;
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
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) { // the first tenant whose cumulative weight is above u
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int i = lo;
        return Math.min(i, count - 1);
    }
}
