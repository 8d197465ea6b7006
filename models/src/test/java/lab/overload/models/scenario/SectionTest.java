package lab.overload.models.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The section registry and the field metadata it carries: what the codec, paths, docs and panel work from. */
class SectionTest {
    @Test
    void everyModelledSectionIsAScenarioListOfItsSchema() {
        for (Section s : Section.modelled()) {
            FieldDef f = Scenario.SCHEMA.field(s.property());
            assertNotNull(f, s + " is a field of Scenario");
            assertEquals(FieldDef.Kind.LIST, f.kind());
            assertSame(s.schema(), f.element());
            assertNotNull(s.schema().group(), s + " has a control group for its fields");
            assertNotNull(s.schema().field("name"), s + " elements have a name");
            for (String target : s.targetFields()) {
                ObjectSchema schema = s.schema();
                String[] parts = target.split("\\.");
                for (int i = 0; i < parts.length - 1; i++) {
                    schema = schema.field(parts[i]).element();
                }
                FieldDef t = schema.field(parts[parts.length - 1]);
                assertEquals(FieldDef.Kind.TEXT, t.kind(), target + " is a text naming a stage");
                assertFalse(t.tunable(), target + " is structural");
            }
        }
    }

    @Test
    void reservedSectionsAreDeclaredButNotInTheFormat() {
        for (String name : List.<String>of()) {
            Section s = Section.of(name);
            assertFalse(s.isModelled(), name);
            assertEquals(null, Scenario.SCHEMA.field(name), name + " is not a field until it has records");
        }
        assertTrue(Section.APIS.isStage() && Section.FUNCTIONS.isStage() && Section.QUEUES.isStage());
        assertFalse(Section.PLATFORM.isStage(), "the platform holds settings, it accepts no attempts");
        assertEquals(List.of(Section.CLIENTS, Section.SERVICES, Section.APIS, Section.PLATFORM, Section.FUNCTIONS,
                Section.QUEUES), Section.modelled());
    }

    @Test
    void aConditionMustNameAFieldOfItsRecord() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ObjectSchema("Tenant",
                TestTenants.Tenant.class, List.of(
                        FieldDef.real("rateMultiplier", "x", 0, 100, 1, "M.").shownWhen(Condition.is("colour", 1)),
                        FieldDef.bool("paused", false, "P."))));
        assertEquals("Tenant.rateMultiplier refers to 'colour', which is no field of Tenant", e.getMessage());
    }

    @Test
    void conditionsCompareChoicesSwitchesNumbersAndTexts() {
        LimitSpec aimd = new LimitSpec(LimitKind.AIMD, 10, 1, 1000, 0.9, 1000, 0.2, 1.5, 600, 4);
        assertTrue(Condition.is("kind", LimitKind.AIMD).test(aimd));
        assertFalse(Condition.is("kind", LimitKind.GRADIENT).test(aimd));
        assertTrue(Condition.isNot("kind", LimitKind.FIXED).test(aimd));
        assertTrue(Condition.above("initialLimit", 9).test(aimd));
        assertFalse(Condition.above("initialLimit", 10).test(aimd));
        DependencySpec dep = new DependencySpec(true, Distribution.CONSTANT, 5, 10, 0, "db");
        Condition builtIn = Condition.is("enabled", true).and(Condition.is("target", ""));
        assertFalse(builtIn.test(dep));
        assertTrue(builtIn.test(new DependencySpec(true, Distribution.CONSTANT, 5, 10, 0, "")));
        assertEquals("enabled is true and target is empty", builtIn.toString());
        assertEquals("initialLimit > 9", Condition.above("initialLimit", 9).toString());
    }

    @Test
    void aServiceCallingAnotherStageHidesTheBuiltInDependencyModel() {
        String json = "{\"name\":\"t\",\"clients\":[{\"name\":\"web\",\"target\":\"a\"}],\"services\":["
                + "{\"name\":\"a\",\"dependency\":{\"enabled\":true,\"target\":\"b\"}},{\"name\":\"b\"}]}";
        List<Parameter> list = ParameterPaths.list(lab.overload.models.json.ScenarioCodec.read(json));
        List<String> shown = list.stream().filter(p -> p.path().startsWith("services.a.dependency."))
                .filter(Parameter::shown).map(Parameter::path).toList();
        assertEquals(List.of("services.a.dependency.enabled", "services.a.dependency.maxConcurrency"), shown);
        assertTrue(list.stream().filter(p -> p.path().startsWith("services.a.dependency."))
                .allMatch(p -> p.control() == ControlGroup.DEPENDENCY));
    }
}
