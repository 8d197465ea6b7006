package lab.overload.models.scenario;

import java.util.List;

/**
 * The tenants a client group stands for: {@code count} tenants sharing one arrival stream, each request drawn to a
 * tenant by weight (the {@link TenantSkew} weight times the tenant's {@code rateMultiplier}). The group's rate is
 * {@code ratePerSecond} times the mean multiplier weighted by skew, so a noisy tenant adds its own traffic to the
 * others'. A few tenants differ from the defaults through sparse {@code overrides} (indices below {@code count}).
 */
public record TenantsSpec(int count, TenantSkew skew, double zipfExponent, IndexedOverrides<TenantSpec> overrides) {
    private static final Condition MANY = Condition.above("count", 1);

    public static final ObjectSchema SCHEMA = new ObjectSchema("Tenants", TenantsSpec.class, ControlGroup.CLIENT,
            List.of(
            FieldDef.integer("count", "tenants", 1, 100_000, 1,
                    "Tenants the group stands for (1: a single workload).").restartRequired(),
            FieldDef.choice("skew", TenantSkew.class, TenantSkew.UNIFORM,
                    "How requests spread over tenants: UNIFORM or ZIPF.").shownWhen(MANY),
            FieldDef.real("zipfExponent", "", 0, 5, 1, "Exponent of the ZIPF skew (0 = uniform).")
                    .shownWhen(MANY.and(Condition.is("skew", TenantSkew.ZIPF))),
            FieldDef.sparse("overrides", TenantSpec.SCHEMA, 99_999, "count",
                    "Tenants that differ from the defaults, by index (e.g. a noisy tenant's rateMultiplier).")));

    public static final TenantsSpec NONE = new TenantsSpec(1, TenantSkew.UNIFORM, 1, null);

    public TenantsSpec {
        SCHEMA.check("count", count);
        skew = SCHEMA.orDefault("skew", skew);
        SCHEMA.check("zipfExponent", zipfExponent);
        overrides = SCHEMA.checkIndices("overrides", overrides == null ? IndexedOverrides.empty() : overrides, count);
    }

    /** Tenant {@code i}'s rate multiplier (1 unless overridden). */
    public double rateMultiplier(int i) {
        TenantSpec t = overrides.get(i);
        return t == null ? 1 : t.rateMultiplier();
    }

    /** Tenant {@code i}'s weight before its multiplier. */
    public double skewWeight(int i) {
        return skew == TenantSkew.ZIPF ? Math.pow(i + 1, -zipfExponent) : 1;
    }

    /**
     * The factor the multipliers apply to the group's rate: the skew-weighted mean multiplier (exactly 1 when no
     * tenant is overridden).
     */
    public double rateFactor() {
        if (overrides.isEmpty()) {
            return 1;
        }
        double base = 0;
        double scaled = 0;
        for (int i = 0; i < count; i++) {
            double w = skewWeight(i);
            base += w;
            scaled += w * rateMultiplier(i);
        }
        return scaled / base;
    }
}
