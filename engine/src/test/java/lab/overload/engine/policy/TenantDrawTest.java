package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import lab.overload.models.scenario.IndexedOverrides;
import lab.overload.models.scenario.TenantSkew;
import lab.overload.models.scenario.TenantSpec;
import lab.overload.models.scenario.TenantsSpec;
import org.junit.jupiter.api.Test;

/** Tenant draws follow the weights: skew times rate multiplier; a silenced tenant is never drawn. */
class TenantDrawTest {

    @Test
    void aNoisyTenantGetsItsShareAndASilentOneNone() {
        TenantsSpec spec = new TenantsSpec(10, TenantSkew.UNIFORM, 1,
                IndexedOverrides.of(Map.of(3, new TenantSpec(11), 5, new TenantSpec(0))));
        assertEquals((8 + 11) / 10.0, spec.rateFactor(), 1e-12, "the mean multiplier scales the group's rate");
        TenantDraw draw = new TenantDraw(spec);
        SplittableRandom r = new SplittableRandom(9);
        int n = 200_000;
        long[] counts = new long[10];
        for (int i = 0; i < n; i++) {
            counts[draw.draw(r.nextDouble())]++;
        }
        assertEquals(0, counts[5], "a tenant with multiplier 0 sends nothing");
        // Standard error of a share near 0.58 over 200,000 draws: 0.0011; tolerance 0.005.
        assertEquals(11 / 19.0, counts[3] / (double) n, 0.005, "the noisy tenant's share");
        assertEquals(1 / 19.0, counts[0] / (double) n, 0.005);
    }

    @Test
    void zipfWeightsFallAsOneOverRank() {
        TenantDraw draw = new TenantDraw(new TenantsSpec(100, TenantSkew.ZIPF, 1, null));
        SplittableRandom r = new SplittableRandom(2);
        int n = 200_000;
        long[] counts = new long[100];
        for (int i = 0; i < n; i++) {
            counts[draw.draw(r.nextDouble())]++;
        }
        double h = 0;
        for (int i = 1; i <= 100; i++) {
            h += 1.0 / i;
        }
        assertEquals(1 / h, counts[0] / (double) n, 0.005, "the first tenant's share is 1/H(100)");
        assertEquals(0.5 / h, counts[1] / (double) n, 0.005, "the second's is half of it");
        assertEquals(0, draw.draw(0.0));
        assertEquals(99, draw.draw(Math.nextDown(1.0)));
    }

    /**
     * The guide table only speeds the search up: every draw is the first tenant whose cumulative weight is above u, as
     * a binary search over the same cumulative weights finds it, at the weights' own boundaries, at the guide's
     * boundaries j / count and next to both (where rounding u * count could start the walk one step late).
     */
    @Test
    void theGuidedSearchDrawsExactlyWhatABinarySearchDraws() {
        java.util.List<TenantsSpec> specs = java.util.List.of(
                new TenantsSpec(10_000, TenantSkew.UNIFORM, 1, IndexedOverrides.of(Map.of(7, new TenantSpec(2500)))),
                new TenantsSpec(1000, TenantSkew.ZIPF, 1.3, IndexedOverrides.of(Map.of(0, new TenantSpec(0),
                        999, new TenantSpec(40), 500, new TenantSpec(0)))),
                new TenantsSpec(7, TenantSkew.ZIPF, 0.5, null),
                new TenantsSpec(3, TenantSkew.UNIFORM, 1, IndexedOverrides.of(Map.of(1, new TenantSpec(0)))));
        SplittableRandom r = new SplittableRandom(5);
        for (TenantsSpec spec : specs) {
            int n = spec.count();
            double[] c = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += spec.skewWeight(i) * spec.rateMultiplier(i);
                c[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                c[i] /= sum;
            }
            c[n - 1] = 1;
            TenantDraw draw = new TenantDraw(spec);
            java.util.List<Double> us = new java.util.ArrayList<>(java.util.List.of(0.0, Math.nextDown(1.0)));
            for (int i = 0; i < n; i++) {
                double j = (double) i / n;
                for (double u : new double[] {c[i], Math.nextDown(c[i]), Math.nextUp(c[i]), j, Math.nextDown(j),
                        Math.nextUp(j), r.nextDouble()}) {
                    if (u >= 0 && u < 1) {
                        us.add(u);
                    }
                }
            }
            for (double u : us) {
                assertEquals(firstAbove(c, u), draw.draw(u), () -> n + " tenants, u = " + u);
            }
        }
    }

    /** The reference: a binary search for the first index whose cumulative weight is above u (else the last). */
    private static int firstAbove(double[] c, double u) {
        int lo = 0;
        int hi = c.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
