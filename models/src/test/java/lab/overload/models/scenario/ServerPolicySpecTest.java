package lab.overload.models.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.json.ScenarioFormatException;
import org.junit.jupiter.api.Test;

/**
 * The server policy records (limit, shedding, deadline, bounded work, dependency, hostsDown): defaults that keep the
 * old behaviour, JSON round trips, messages that name the field and its range, and their parameter paths.
 */
class ServerPolicySpecTest {

    private static Scenario read(String service) {
        return ScenarioCodec.read("{\"name\": \"spec\", \"clients\": [{\"name\": \"web\", \"target\": \"api\"}], "
                + "\"services\": [{\"name\": \"api\"" + service + "}]}");
    }

    @Test
    void missingPolicyObjectsTakeDefaultsThatChangeNothing() {
        ServiceSpec s = read("").service("api");
        assertEquals(0, s.hostsDown());
        assertEquals(LimitSpec.NONE, s.limit());
        assertEquals(LimitKind.FIXED, s.limit().kind());
        assertEquals(SheddingSpec.NONE, s.shedding());
        assertEquals(0, s.shedding().maxQueueWaitMillis());
        assertEquals(DeadlineSpec.NONE, s.deadline());
        assertTrue(s.deadline().timeoutHint(), "the deadline travels by default (expiredWork relies on it)");
        assertEquals(BoundedWorkSpec.NONE, s.boundedWork());
        assertEquals(DependencySpec.NONE, s.dependency());
        ServiceSpec old = new ServiceSpec("api", 1, 10, 0, 1000, Discipline.FIFO, 0, ExpiredWork.PROCESS,
                Distribution.EXPONENTIAL, 100, 1, 0, 0, 0, Balancer.ROUND_ROBIN);
        assertEquals(old, s, "the old 15-argument constructor means all policies off");
        assertEquals(1, s.hostsUp());
    }

    @Test
    void everyPolicyFieldRoundTripsThroughJson() {
        Scenario s = read(", \"hosts\": 4, \"hostsDown\": 1, "
                + "\"limit\": {\"kind\": \"GRADIENT\", \"initialLimit\": 20, \"minLimit\": 2, \"maxLimit\": 200, "
                + "\"backoffRatio\": 0.8, \"latencyThresholdMillis\": 250, \"smoothing\": 0.5, \"rttTolerance\": 2, "
                + "\"longWindowSamples\": 100, \"queueSize\": 8}, "
                + "\"shedding\": {\"maxQueueWaitMillis\": 75, \"action\": \"drop\"}, "
                + "\"deadline\": {\"timeoutHint\": false, \"checkpointMillis\": 12.5}, "
                + "\"boundedWork\": {\"maxRequestSize\": 4, \"resumeFromCheckpoint\": true}, "
                + "\"dependency\": {\"enabled\": true, \"latencyDistribution\": \"CONSTANT\", \"latencyMillis\": 30, "
                + "\"maxConcurrency\": 64, \"failureProbability\": 0.01}");
        ServiceSpec api = s.service("api");
        assertEquals(new LimitSpec(LimitKind.GRADIENT, 20, 2, 200, 0.8, 250, 0.5, 2, 100, 8), api.limit());
        assertEquals(new SheddingSpec(75, QueueTimeAction.DROP), api.shedding());
        assertEquals(new DeadlineSpec(false, 12.5), api.deadline());
        assertEquals(new BoundedWorkSpec(4, true), api.boundedWork());
        assertEquals(new DependencySpec(true, Distribution.CONSTANT, 30, 64, 0.01, ""), api.dependency());
        assertEquals(3, api.hostsUp());
        assertEquals(s, ScenarioCodec.read(ScenarioCodec.write(s)), "JSON round trip");
    }

    @Test
    void badValuesAreRejectedNamingTheFieldAndRange() {
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class,
                () -> read(", \"limit\": {\"backoffRatio\": 1.5}"));
        assertEquals("$.services[0].limit.backoffRatio", e.jsonPath());
        assertTrue(e.getMessage().contains("backoffRatio: must be in [0.5, 0.999], was 1.5"), e.getMessage());
        e = assertThrows(ScenarioFormatException.class, () -> read(", \"dependency\": {\"latency\": 3}"));
        assertTrue(e.getMessage().contains("unknown property of Dependency"), e.getMessage());
        e = assertThrows(ScenarioFormatException.class, () -> read(", \"shedding\": {\"maxQueueWaitMillis\": -1}"));
        assertTrue(e.getMessage().contains("maxQueueWaitMillis: must be in [0, 3600000] ms"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(read(""), "services.api.dependency.failureProbability", "2"));
        assertTrue(p.getMessage().startsWith("services.api.dependency.failureProbability must be in [0, 1]"),
                p.getMessage());
    }

    @Test
    void nestedPoliciesArePathsWithUnitsAndRanges() {
        Scenario s = read("");
        List<String> paths = ParameterPaths.list(s).stream().map(Parameter::path)
                .filter(p -> p.startsWith("services.api.")).toList();
        List<String> expectedTail = List.of("services.api.hostsDown",
                "services.api.limit.kind", "services.api.limit.initialLimit", "services.api.limit.minLimit",
                "services.api.limit.maxLimit", "services.api.limit.backoffRatio",
                "services.api.limit.latencyThresholdMillis", "services.api.limit.smoothing",
                "services.api.limit.rttTolerance", "services.api.limit.longWindowSamples",
                "services.api.limit.queueSize", "services.api.shedding.maxQueueWaitMillis",
                "services.api.shedding.action", "services.api.deadline.timeoutHint",
                "services.api.deadline.checkpointMillis", "services.api.boundedWork.maxRequestSize",
                "services.api.boundedWork.resumeFromCheckpoint", "services.api.dependency.enabled",
                "services.api.dependency.latencyDistribution", "services.api.dependency.latencyMillis",
                "services.api.dependency.maxConcurrency", "services.api.dependency.failureProbability");
        assertEquals(expectedTail, paths.subList(paths.size() - expectedTail.size(), paths.size()));
        FieldDef latency = ParameterPaths.def(s, "services.api.dependency.latencyMillis");
        assertEquals("ms", latency.unit());
        assertTrue(latency.live(), "a dependency slowdown can be applied live");
        Scenario changed = ParameterPaths.with(s, "services.api.limit.kind", "aimd");
        assertEquals(LimitKind.AIMD, changed.service("api").limit().kind());
        changed = ParameterPaths.with(changed, "services.api.hostsDown", "1000");
        assertEquals(0, changed.service("api").hostsUp(), "hostsDown at or above hosts: all down, not an error");
        for (FieldDef f : List.of(LimitSpec.SCHEMA, SheddingSpec.SCHEMA, DeadlineSpec.SCHEMA, BoundedWorkSpec.SCHEMA,
                DependencySpec.SCHEMA).stream().flatMap(o -> o.fields().stream()).toList()) {
            assertTrue(!f.description().isBlank() && f.description().endsWith("."), f.name() + ": one sentence");
            assertTrue(f.live() || !f.tunable(), f.name() + " is live (or structural, not a path)");
        }
        assertEquals(50, new LimitSpec(LimitKind.AIMD, 10, 50, 20, 0.9, 1000, 0.2, 1.5, 600, 4).effectiveMaxLimit(),
                "a minimum above the maximum wins");
    }
}
