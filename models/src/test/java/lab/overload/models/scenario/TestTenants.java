package lab.overload.models.scenario;

import java.util.List;

/**
 * A test-only schema with a sparse field: a group standing for {@code tenantCount} tenants, of which a few override
 * the defaults of {@link Tenant}. No scenario section uses it; it exercises the mechanism on its own.
 */
public final class TestTenants {
    private TestTenants() {
    }

    /** One tenant's overrides. */
    public record Tenant(double rateMultiplier, boolean paused) {
        public static final ObjectSchema SCHEMA = new ObjectSchema("Tenant", Tenant.class, List.of(
                FieldDef.real("rateMultiplier", "x", 0, 100, 1, "Multiplies the group's rate for this tenant."),
                FieldDef.bool("paused", false, "Whether this tenant sends nothing.")));

        public Tenant {
            SCHEMA.check("rateMultiplier", rateMultiplier);
        }
    }

    /** A group of tenants with sparse overrides, indices below tenantCount. */
    public record Group(String name, int tenantCount, IndexedOverrides<Tenant> tenants) {
        public static final ObjectSchema SCHEMA = new ObjectSchema("Group", Group.class, ControlGroup.LOAD, List.of(
                FieldDef.text("name", null, 40, "Identifier."),
                FieldDef.integer("tenantCount", "tenants", 1, 10_000, 100, "Tenants the group stands for."),
                FieldDef.sparse("tenants", Tenant.SCHEMA, 9_999, "tenantCount", "Tenants that differ.")));

        public Group {
            name = SCHEMA.checkText("name", name);
            SCHEMA.check("tenantCount", tenantCount);
            tenants = SCHEMA.checkIndices("tenants", tenants, tenantCount);
        }
    }
}
