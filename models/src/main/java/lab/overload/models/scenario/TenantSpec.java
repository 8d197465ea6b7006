package lab.overload.models.scenario;

import java.util.List;

/**
 * One tenant's differences from its group's defaults, held sparsely in {@link TenantsSpec#overrides()} and reached by
 * a parameter path such as {@code clients.bulk.tenants.overrides.17.rateMultiplier}.
 */
public record TenantSpec(double rateMultiplier) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Tenant", TenantSpec.class, ControlGroup.CLIENT, List.of(
            FieldDef.real("rateMultiplier", "x", 0, 10_000, 1,
                    "Multiplies this tenant's share of the group's traffic (a noisy tenant: 100; a silent one: 0).")));

    public static final TenantSpec DEFAULT = new TenantSpec(1);

    public TenantSpec {
        SCHEMA.check("rateMultiplier", rateMultiplier);
    }
}
