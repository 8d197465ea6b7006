package lab.overload.models.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.models.json.ScenarioCodec;
import org.junit.jupiter.api.Test;

/** The platform sections: published defaults, control groups, the reservation rule, paths and the JSON round trip. */
class PlatformSpecTest {
    static final String LAMBDA = """
            {"name": "p", "clients": [{"name": "web", "target": "front"}],
             "apis": [{"name": "front", "target": "f"}],
             "functions": [{"name": "f"}, {"name": "g", "reservedConcurrency": 50}]}""";

    @Test
    void defaultsAreThePublishedLimits() {
        Scenario s = ScenarioCodec.read(LAMBDA);
        ApiSpec api = s.api("front");
        assertEquals(10_000, api.ratePerSecond());
        assertEquals(5_000, api.burst());
        PlatformSpec account = s.account();
        assertEquals(List.of(1_000, 100), List.of(account.concurrencyLimit(), account.unreservedMinimum()));
        FunctionSpec f = s.function("f");
        assertEquals(3_000, f.timeoutMillis());
        assertEquals(1_000, f.scalingPerTenSeconds());
        assertEquals(1, f.cpuSlowdown(), "1769 MB is one full vCPU");
        assertEquals(1769.0 / 128, Records.with(f, "memoryMb", 128).cpuSlowdown(), 1e-12);
        assertEquals(0, f.reservedConcurrency());
    }

    @Test
    void fieldsCarryTheirControlGroup() {
        Scenario s = ScenarioCodec.read(LAMBDA.replace("\"apis\"",
                "\"platform\": [{\"name\": \"acct\"}], \"apis\""));
        for (Parameter p : ParameterPaths.list(s)) {
            ControlGroup expected = p.path().startsWith("apis.") ? ControlGroup.API
                    : p.path().startsWith("platform.") ? ControlGroup.PLATFORM
                    : p.path().startsWith("functions.") ? ControlGroup.FUNCTION : null;
            if (expected != null) {
                assertEquals(expected, p.control(), p.path());
            }
        }
        assertEquals(1500, ParameterPaths.with(s, "platform.acct.concurrencyLimit", "1500").account()
                .concurrencyLimit());
        assertEquals(20, ParameterPaths.get(s, "platform.acct.placementMillis"));
    }

    @Test
    void reservationsMustLeaveTheUnreservedMinimum() {
        Scenario s = ScenarioCodec.read(LAMBDA);
        assertEquals(900, ParameterPaths.with(s, "functions.g.reservedConcurrency", "900").function("g")
                .reservedConcurrency(), "1000 - 100 may be reserved");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(s, "functions.g.reservedConcurrency", "901"));
        assertEquals("functions: reservedConcurrency adds up to 901, more than platform.account.concurrencyLimit "
                + "minus unreservedMinimum (1000 - 100 = 900)", e.getMessage());
    }

    @Test
    void rangesAreNamedAndTheWriterRoundTrips() {
        Scenario s = ScenarioCodec.read(LAMBDA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.with(s, "functions.f.memoryMb", "64"));
        assertEquals("functions.f.memoryMb must be an integer in [128, 10240] MB, was 64", e.getMessage());
        assertEquals(s, ScenarioCodec.read(ScenarioCodec.write(s)));
        assertTrue(ScenarioCodec.write(s).contains("\"keepAliveSeconds\""));
    }

    @Test
    void aClientMayNameAnApiOrAFunctionAndAnApiItsTarget() {
        Scenario s = ScenarioCodec.read(LAMBDA.replace("\"target\": \"front\"", "\"target\": \"g\""));
        assertEquals("g", s.client("web").target());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioCodec.read(LAMBDA.replace("\"target\": \"f\"", "\"target\": \"h\"")));
        assertTrue(e.getMessage().contains("apis.front.target names no stage: 'h'"), e.getMessage());
    }
}
