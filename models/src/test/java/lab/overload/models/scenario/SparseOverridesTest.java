package lab.overload.models.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.overload.models.scenario.TestTenants.Group;
import lab.overload.models.scenario.TestTenants.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sparse indexed overrides, on a test-only schema: paths such as {@code groups.bulk.tenants.17.rateMultiplier}
 * resolve, read the default when the member has no override, set one member without touching the others, and
 * validate the index (an integer below the count) and the value (the element field's range); listing the tunable
 * paths does not enumerate the members.
 */
class SparseOverridesTest {
    private static final Group BULK = new Group("bulk", 300, IndexedOverrides.of(Map.of(3, new Tenant(2, false))));

    private static FieldPath.Resolved resolve(Group group, String path) {
        return FieldPath.resolve(group, Group.SCHEMA, path.split("\\."), 2, path);
    }

    private static Group set(Group group, String path, String value) {
        FieldPath.Resolved r = resolve(group, path);
        return (Group) r.with(r.def().parse(path, value));
    }

    @Test
    void aMemberWithoutAnOverrideReadsTheDefaults() {
        FieldPath.Resolved r = resolve(BULK, "groups.bulk.tenants.17.rateMultiplier");
        assertEquals("rateMultiplier", r.def().name());
        assertEquals(1, r.get(), "tenant 17 has no override: the element schema's default");
        assertEquals(2, resolve(BULK, "groups.bulk.tenants.3.rateMultiplier").get());
    }

    @Test
    void settingOneMemberAddsOrChangesOnlyItsOverride() {
        Group changed = set(BULK, "groups.bulk.tenants.17.rateMultiplier", "2.5");
        assertEquals(new Tenant(2.5, false), changed.tenants().get(17));
        assertEquals(new Tenant(2, false), changed.tenants().get(3), "tenant 3 untouched");
        assertNull(BULK.tenants().get(17), "the original is immutable");
        Group paused = set(changed, "groups.bulk.tenants.17.paused", "true");
        assertEquals(new Tenant(2.5, true), paused.tenants().get(17), "the other field of the override kept");
        assertEquals(List.of(3, 17), List.copyOf(paused.tenants().asMap().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"300", "1000", "-1", "017", "x", ""})
    void anIndexOutsideTheCountIsRejectedNamingTheRange(String index) {
        String path = "groups.bulk.tenants." + index + ".rateMultiplier";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(BULK, path));
        assertEquals("parameter path '" + path + "': index '" + index + "' of tenants must be an integer in "
                + "[0, 299] (tenantCount is 300)", e.getMessage());
    }

    @Test
    void aValueOutsideTheElementFieldsRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> set(BULK, "groups.bulk.tenants.17.rateMultiplier", "101"));
        assertEquals("groups.bulk.tenants.17.rateMultiplier must be in [0, 100] x, was 101", e.getMessage());
    }

    @Test
    void aPathMustEndAtAFieldOfTheMember() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(BULK, "groups.bulk.tenants.17"));
        assertEquals("parameter path 'groups.bulk.tenants.17': 'tenants' is not a tunable field of Group (tunable: "
                + "tenantCount, tenants.INDEX)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> resolve(BULK, "groups.bulk.tenants.17.colour"));
        assertEquals("parameter path 'groups.bulk.tenants.17.colour': 'colour' is not a tunable field of Tenant "
                + "(tunable: rateMultiplier, paused)", e.getMessage());
    }

    @Test
    void theCountBoundsTheOverridesInTheRecordAndThroughAPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Group("bulk", 3, BULK.tenants()));
        assertEquals("tenants has an override for index 3; indices must be in [0, 2] (tenantCount is 3)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> set(BULK, "groups.bulk.tenantCount", "3"));
        assertEquals("tenants has an override for index 3; indices must be in [0, 2] (tenantCount is 3)",
                e.getMessage(), "lowering the count below an override is refused, not silently dropped");
        assertEquals(4, set(BULK, "groups.bulk.tenantCount", "4").tenantCount());
    }

    @Test
    void listingDoesNotEnumerateTheMembers() {
        Group many = BULK;
        for (int i = 0; i < 200; i++) {
            many = set(many, "groups.bulk.tenants." + i + ".rateMultiplier", "3");
        }
        assertEquals(200, many.tenants().size());
        List<Parameter> out = new ArrayList<>();
        FieldPath.collect(out, "groups.bulk", "groups.bulk", many, Group.SCHEMA, Group.SCHEMA.group(), true);
        assertEquals(List.of("groups.bulk.tenantCount"), out.stream().map(Parameter::path).toList());
        assertEquals(ControlGroup.LOAD, out.get(0).control());
    }

    @Test
    void overridesAreValuesAndDefaultsComeFromTheElementSchema() {
        assertEquals(new Tenant(1, false), Tenant.SCHEMA.defaults());
        assertEquals(IndexedOverrides.of(Map.of(3, new Tenant(2, false))), BULK.tenants());
        assertEquals(new Group("bulk", 100, IndexedOverrides.empty()), new Group("bulk", 100, null),
                "a null sparse field is empty");
    }
}
