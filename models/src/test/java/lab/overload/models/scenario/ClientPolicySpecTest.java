package lab.overload.models.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.json.ScenarioFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client policy specs: defaults that change nothing, validation naming the range, paths, JSON round trip. */
class ClientPolicySpecTest {
    static final String MINIMAL = """
            {"name": "m", "clients": [{"name": "web", "target": "api"}], "services": [{"name": "api"}]}""";

    @Test
    void missingPoliciesTakeDefaultsThatAreOff() {
        ClientSpec c = ScenarioCodec.read(MINIMAL).client("web");
        assertEquals(RetryBudgetSpec.NONE, c.retryBudget());
        assertEquals(RetryBudgetKind.NONE, c.retryBudget().kind());
        assertEquals(ThrottleSpec.NONE, c.throttle());
        assertEquals(CircuitBreakerSpec.NONE, c.circuitBreaker());
        assertEquals(PaginationSpec.NONE, c.pagination());
        ClientSpec old = new ClientSpec(c.name(), c.target(), c.loop(), c.arrivals(), c.ratePerSecond(), c.users(),
                c.thinkTimeMillis(), c.sizeDistribution(), c.sizeMean(), c.sizeCv(), c.timeoutKind(),
                c.timeoutMillis(), c.retry());
        assertEquals(c, old, "the 13-argument constructor keeps today's behaviour");
    }

    @Test
    void publishedDefaults() {
        RetryBudgetSpec aws = RetryBudgetSpec.awsStandard();
        assertEquals(List.of(500, 5, 10, 1), List.of(aws.quotaCapacity(), aws.retryCost(), aws.timeoutRetryCost(),
                aws.noRetryIncrement()));
        assertEquals(120, ThrottleSpec.NONE.windowSeconds());
        assertEquals(2, ThrottleSpec.NONE.k());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "clients.web.retryBudget.kind|0|3|false",
        "clients.web.retryBudget.quotaCapacity|1|100000|true",
        "clients.web.retryBudget.tokenRatio|0.001|10|true",
        "clients.web.retryBudget.ttlSeconds|1|60|false",
        "clients.web.retryBudget.percentCanRetry|0|10|false",
        "clients.web.throttle.k|1|10|false",
        "clients.web.throttle.windowSeconds|1|600|false",
        "clients.web.circuitBreaker.failureRateThreshold|0.01|1|false",
        "clients.web.circuitBreaker.halfOpenProbes|1|1000|true",
        "clients.web.pagination.pageSize|0.001|1000|true"})
    void everyPolicyFieldIsALiveParameterPathWithItsRange(String path, double min, double max, boolean log) {
        Scenario s = ScenarioCodec.read(MINIMAL);
        Parameter p = ParameterPaths.list(s).stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow();
        assertEquals(min, p.def().min());
        assertEquals(max, p.def().max());
        assertEquals(log, p.def().logScale(), "log slider");
        assertTrue(p.def().live(), "live");
        assertTrue(!p.def().description().isBlank());
    }

    @Test
    void everyNumericPolicyFieldHasAUnitOrIsADimensionlessRatio() {
        for (ObjectSchema schema : List.of(RetryBudgetSpec.SCHEMA, ThrottleSpec.SCHEMA, CircuitBreakerSpec.SCHEMA,
                PaginationSpec.SCHEMA)) {
            for (FieldDef f : schema.fields()) {
                assertTrue(f.description().endsWith("."), f.name());
                if (f.isNumeric() && f.unit().isEmpty()) {
                    assertTrue(List.of("percentCanRetry", "k", "failureRateThreshold").contains(f.name()),
                            f.name() + " needs a unit");
                }
            }
        }
    }

    @Test
    void pathsChangeNestedPolicyFieldsAndValidate() {
        Scenario s = ScenarioCodec.read(MINIMAL);
        Scenario t = ParameterPaths.with(s, "clients.web.retryBudget.kind", "grpc");
        t = ParameterPaths.with(t, "clients.web.retryBudget.tokenRatio", "1.6");
        assertEquals(RetryBudgetSpec.grpc(10, 1.6), t.client("web").retryBudget());
        t = ParameterPaths.with(t, "clients.web.circuitBreaker.enabled", "true");
        assertTrue(t.client("web").circuitBreaker().enabled());
        var e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(s, "clients.web.throttle.k", "0.5"));
        assertEquals("clients.web.throttle.k must be in [1, 10], was 0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(s, "clients.web.retryBudget.maxTokens", "1001"));
        assertEquals("clients.web.retryBudget.maxTokens must be an integer in [1, 1000] tokens, was 1001",
                e.getMessage());
    }

    @Test
    void constructorsNameTheFieldAndRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> new CircuitBreakerSpec(true, 1.5, 20, 10, 5, 1));
        assertEquals("failureRateThreshold must be in [0.01, 1], was 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PaginationSpec(true, 0));
        assertEquals("pageSize must be in [0.001, 1000] x, was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RetryBudgetSpec.finagle(0.5, 10, 0.2));
        assertEquals("ttlSeconds must be in [1, 60] s, was 0.5", e.getMessage());
    }

    @Test
    void jsonReadsWritesAndRejectsWithThePath() {
        String json = """
                {"name": "p", "clients": [{"name": "web", "target": "api",
                  "retryBudget": {"kind": "FINAGLE", "percentCanRetry": 0.1},
                  "throttle": {"enabled": true, "k": 1.5},
                  "circuitBreaker": {"enabled": true, "halfOpenProbes": 3},
                  "pagination": {"enabled": true, "pageSize": 0.25}}],
                 "services": [{"name": "api"}]}""";
        Scenario s = ScenarioCodec.read(json);
        ClientSpec c = s.client("web");
        assertEquals(RetryBudgetSpec.finagle(10, 10, 0.1), c.retryBudget());
        assertEquals(new ThrottleSpec(true, 120, 1.5), c.throttle());
        assertEquals(new CircuitBreakerSpec(true, 0.5, 20, 10, 5, 3), c.circuitBreaker());
        assertEquals(new PaginationSpec(true, 0.25), c.pagination());
        assertEquals(s, ScenarioCodec.read(ScenarioCodec.write(s)));
        var e = assertThrows(ScenarioFormatException.class, () -> ScenarioCodec.read(
                json.replace("\"k\": 1.5", "\"k\": 1.5, \"bogus\": 1")));
        assertEquals("$.clients[0].throttle.bogus", e.jsonPath());
        e = assertThrows(ScenarioFormatException.class, () -> ScenarioCodec.read(
                json.replace("\"FINAGLE\"", "\"HYSTRIX\"")));
        assertEquals("$.clients[0].retryBudget.kind", e.jsonPath());
    }
}
