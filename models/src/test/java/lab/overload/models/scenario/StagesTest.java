package lab.overload.models.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.json.ScenarioFormatException;
import org.junit.jupiter.api.Test;

/**
 * Stages and targets: a client's target and a service's dependency target name a stage; stage names are unique
 * across every stage section; a missing target names the sections searched; cycles are rejected naming the cycle.
 */
class StagesTest {
    /** A scenario with client web calling {@code target} and the given services (JSON objects). */
    private static String doc(String target, String... services) {
        return "{\"name\":\"t\",\"clients\":[{\"name\":\"web\",\"target\":\"" + target + "\"}],\"services\":["
                + String.join(",", services) + "]}";
    }

    private static String service(String name, String dependencyTarget) {
        return "{\"name\":\"" + name + "\",\"dependency\":{\"enabled\":true,\"target\":\"" + dependencyTarget
                + "\"}}";
    }

    private static String rejected(String json) {
        return assertThrows(ScenarioFormatException.class, () -> ScenarioCodec.read(json)).getMessage();
    }

    @Test
    void aServiceMayCallAnotherStage() {
        Scenario s = ScenarioCodec.read(doc("a", service("a", "b"), service("b", "")));
        assertEquals("b", s.service("a").dependency().target());
        assertEquals("", s.service("b").dependency().target(), "empty: the built-in dependency model");
    }

    @Test
    void aTargetNamingNoStageNamesTheSectionsSearched() {
        assertEquals("$: clients.web.target names no stage: 'nope' (searched services: a, b; apis: none; functions: none;"
                + " queues: none)", rejected(doc("nope", service("b", ""), service("a", ""))));
        assertEquals("$: services.a.dependency.target names no stage: 'web' (searched services: a; apis: none;"
                + " functions: none; queues: none)",
                rejected(doc("a", service("a", "web"))), "a client group is not a stage");
    }

    @Test
    void cyclesAreRejectedNamingTheCycle() {
        assertEquals("$: stages form a cycle: services.a -> services.b -> services.a (a stage may not call itself,"
                + " directly or through others)", rejected(doc("a", service("a", "b"), service("b", "a"))));
        assertTrue(rejected(doc("a", service("a", "a"))).contains("stages form a cycle: services.a -> services.a "),
                "a stage calling itself");
        assertTrue(rejected(doc("x", service("x", "a"), service("a", "b"), service("b", "c"), service("c", "a")))
                        .contains("stages form a cycle: services.a -> services.b -> services.c -> services.a "),
                "the cycle is named from its first stage, without the stage that leads into it");
    }

    @Test
    void aDisabledDependencysTargetStillCountsForCycles() {
        String off = "{\"name\":\"b\",\"dependency\":{\"enabled\":false,\"target\":\"a\"}}";
        assertTrue(rejected(doc("a", service("a", "b"), off)).contains("services.a -> services.b -> services.a"),
                "enabled can change while running; the target cannot, so the graph is checked as declared");
    }

    @Test
    void aChainAndADiamondAreNotCycles() {
        Scenario s = ScenarioCodec.read(doc("a", service("a", "c"), service("b", "c"), service("c", "d"),
                service("d", "")));
        assertEquals(4, s.services().size());
    }

    @Test
    void aClientGroupMayShareANameWithAStage() {
        Scenario s = ScenarioCodec.read(doc("web", service("web", "")));
        assertEquals("web", s.client("web").target(), "clients are not stages; version-1 files could do this");
    }

    @Test
    void stageNamesAreUniqueAcrossStageSections() {
        List<StageGraph.Part> parts = List.of(
                new StageGraph.Part("clients", false, "web", List.of(new Section.Target("target", "a"))),
                new StageGraph.Part("services", true, "a", List.of()),
                new StageGraph.Part("functions", true, "a", List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StageGraph.check(parts, List.of("services", "functions")));
        assertEquals("stage name 'a' is used by services.a and functions.a; stage names are unique across "
                + "services, functions", e.getMessage());
    }

    @Test
    void targetsAndCyclesSpanSections() {
        List<String> sections = List.of("services", "functions", "queues");
        StageGraph.check(List.of(
                new StageGraph.Part("services", true, "a", List.of(new Section.Target("dependency.target", "f"))),
                new StageGraph.Part("functions", true, "f", List.of())), sections);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StageGraph.check(List.of(
                new StageGraph.Part("services", true, "a", List.of(new Section.Target("dependency.target", "f"))),
                new StageGraph.Part("functions", true, "f", List.of(new Section.Target("target", "a")))), sections));
        assertTrue(e.getMessage().startsWith("stages form a cycle: services.a -> functions.f -> services.a"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StageGraph.check(List.of(
                new StageGraph.Part("services", true, "a", List.of(new Section.Target("dependency.target", "q")))),
                sections));
        assertEquals("services.a.dependency.target names no stage: 'q' (searched services: a; functions: none; "
                + "queues: none)", e.getMessage());
    }

    @Test
    void duplicateNamesWithinASectionKeepTheirMessage() {
        assertEquals("$: services: duplicate name 'a'", rejected(doc("a", service("a", ""), service("a", ""))));
    }

    @Test
    void theTargetIsStructuralNotAParameter() {
        Scenario s = ScenarioCodec.read(doc("a", service("a", "b"), service("b", "")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(s, "services.a.dependency.target", "a"));
        assertTrue(e.getMessage().startsWith("parameter path 'services.a.dependency.target': 'target' is not a "
                + "tunable field of Dependency"), e.getMessage());
    }
}
