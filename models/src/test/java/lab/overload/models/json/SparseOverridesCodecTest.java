package lab.overload.models.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import lab.overload.models.scenario.IndexedOverrides;
import lab.overload.models.scenario.TestTenants.Group;
import lab.overload.models.scenario.TestTenants.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A sparse field in JSON: an object keyed by index, read strictly, written in index order with every field. */
class SparseOverridesCodecTest {
    private static Group read(String tenants) throws IOException {
        return (Group) ScenarioCodec.readObject(Group.SCHEMA,
                "{\"name\":\"bulk\",\"tenantCount\":300,\"tenants\":" + tenants + "}");
    }

    @Test
    void readsOverridesByIndexWithDefaultsForMissingFields() throws IOException {
        Group g = read("{\"17\":{\"rateMultiplier\":2},\"3\":{\"paused\":true}}");
        assertEquals(IndexedOverrides.of(Map.of(3, new Tenant(1, true), 17, new Tenant(2, false))), g.tenants());
    }

    @Test
    void writesInIndexOrderAndReadsBackEqual() throws IOException {
        Group g = read("{\"17\":{\"rateMultiplier\":2},\"3\":{\"paused\":true}}");
        String json = ScenarioCodec.writeObject(g, Group.SCHEMA);
        assertTrue(json.indexOf("\"3\" : {") < json.indexOf("\"17\" : {"), json);
        assertTrue(json.contains("\"17\" : {\n      \"rateMultiplier\" : 2.0,\n      \"paused\" : false\n    }"), json);
        assertEquals(g, ScenarioCodec.readObject(Group.SCHEMA, json));
    }

    @Test
    void aMissingSparseFieldIsEmpty() throws IOException {
        Group g = (Group) ScenarioCodec.readObject(Group.SCHEMA, "{\"name\":\"bulk\"}");
        assertTrue(g.tenants().isEmpty());
        assertTrue(ScenarioCodec.writeObject(g, Group.SCHEMA).contains("\"tenants\" : { }"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"x\":{}}                          | $.tenants.x: index must be an integer in [0, 9999]",
        "{\"-1\":{}}                         | $.tenants.-1: index must be an integer in [0, 9999]",
        "{\"07\":{}}                         | $.tenants.07: index must be an integer in [0, 9999]",
        "{\"10000\":{}}                      | $.tenants.10000: index must be an integer in [0, 9999]",
        "{\"300\":{}}                        | $: tenants has an override for index 300; indices must be in [0, 299]"
                + " (tenantCount is 300)",
        "{\"5\":{\"rateMultiplier\":-1}}     | $.tenants.5.rateMultiplier: must be in [0, 100] x, was -1",
        "{\"5\":{\"colour\":1}}              | $.tenants.5.colour: unknown property of Tenant (known: rateMultiplier,"
                + " paused)",
        "[]                                  | $.tenants: expected an object of overrides keyed by index in [0, 9999]",
    })
    void rejectsBadIndicesAndValuesWithTheirPath(String tenants, String message) {
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> read(tenants));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aDuplicateIndexIsRejected() {
        Exception e = assertThrows(IOException.class, () -> read("{\"5\":{},\"5\":{}}"));
        assertTrue(e.getMessage().contains("Duplicate field '5'"), e.getMessage());
    }
}
