package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** {@code run --trace}: the event trace of the first requests, one JSON object per line, exact. */
class TraceLinesTest {

    /**
     * Arrivals every 100 ms (from 0.1 s), a 150 ms client timeout, one retry after a constant 50 ms backoff; the only
     * worker needs 120 ms and its service calls b (one worker, 30 ms). Request 1 is served 0.1-0.25 s and times out
     * at 0.25 s, just as it completes (the timeout, at the same instant, runs after the completion, so it succeeds).
     * Request 2 arrives at 0.2 s, waits, starts at 0.25 s and times out at 0.35 s (wasted at 0.4 s); its retry sent
     * 0.4 s starts at once. Only requests 1 and 2 are traced.
     */
    @Test
    void aTinyChainsTraceIsExact() {
        Scenario s = ScenarioCodec.read("""
                {"name": "trace", "seed": 1, "durationSeconds": 0.6, "clients": [{"name": "web", "target": "a",
                  "arrivals": "CONSTANT", "ratePerSecond": 10, "timeoutKind": "FIXED", "timeoutMillis": 150,
                  "retry": {"maxAttempts": 2, "backoffBaseMillis": 50, "backoffCapMillis": 50, "jitter": "NONE"}}],
                 "services": [
                  {"name": "a", "workersPerHost": 1, "serviceTimeDistribution": "CONSTANT", "serviceTimeMillis": 120,
                   "dependency": {"enabled": true, "target": "b"}},
                  {"name": "b", "workersPerHost": 1, "serviceTimeDistribution": "CONSTANT", "serviceTimeMillis": 30}]}
                """);
        String o = "{\"timeMicros\":";
        assertEquals(List.of(
                o + "100000,\"event\":\"send\",\"requestId\":1,\"attempt\":1,\"client\":\"web\",\"stage\":null,"
                        + "\"outcome\":null}",
                o + "100000,\"event\":\"start\",\"requestId\":1,\"attempt\":1,\"client\":\"web\",\"stage\":\"a\","
                        + "\"outcome\":null}",
                o + "100000,\"event\":\"call b\",\"requestId\":1,\"attempt\":1,\"client\":\"web\",\"stage\":\"a\","
                        + "\"outcome\":null}",
                o + "100000,\"event\":\"start\",\"requestId\":1,\"attempt\":1,\"client\":\"web\",\"stage\":\"b\","
                        + "\"outcome\":null}",
                o + "130000,\"event\":\"COMPLETED_USEFUL\",\"requestId\":1,\"attempt\":1,\"client\":\"web\","
                        + "\"stage\":\"b\",\"outcome\":\"COMPLETED_USEFUL\"}",
                o + "200000,\"event\":\"send\",\"requestId\":2,\"attempt\":1,\"client\":\"web\",\"stage\":null,"
                        + "\"outcome\":null}",
                o + "200000,\"event\":\"enqueue\",\"requestId\":2,\"attempt\":1,\"client\":\"web\",\"stage\":\"a\","
                        + "\"outcome\":null}",
                o + "250000,\"event\":\"COMPLETED_USEFUL\",\"requestId\":1,\"attempt\":1,\"client\":\"web\","
                        + "\"stage\":\"a\",\"outcome\":\"COMPLETED_USEFUL\"}",
                o + "250000,\"event\":\"SUCCEEDED\",\"requestId\":1,\"attempt\":1,\"client\":\"web\",\"stage\":null,"
                        + "\"outcome\":\"SUCCEEDED\"}",
                o + "250000,\"event\":\"start\",\"requestId\":2,\"attempt\":1,\"client\":\"web\",\"stage\":\"a\","
                        + "\"outcome\":null}",
                o + "250000,\"event\":\"call b\",\"requestId\":2,\"attempt\":1,\"client\":\"web\",\"stage\":\"a\","
                        + "\"outcome\":null}",
                o + "250000,\"event\":\"start\",\"requestId\":2,\"attempt\":1,\"client\":\"web\",\"stage\":\"b\","
                        + "\"outcome\":null}",
                o + "280000,\"event\":\"COMPLETED_USEFUL\",\"requestId\":2,\"attempt\":1,\"client\":\"web\","
                        + "\"stage\":\"b\",\"outcome\":\"COMPLETED_USEFUL\"}",
                o + "350000,\"event\":\"timeout\",\"requestId\":2,\"attempt\":1,\"client\":\"web\",\"stage\":null,"
                        + "\"outcome\":null}",
                o + "350000,\"event\":\"backoff 50ms\",\"requestId\":2,\"attempt\":1,\"client\":\"web\","
                        + "\"stage\":null,\"outcome\":null}",
                o + "400000,\"event\":\"COMPLETED_WASTED\",\"requestId\":2,\"attempt\":1,\"client\":\"web\","
                        + "\"stage\":\"a\",\"outcome\":\"COMPLETED_WASTED\"}",
                o + "400000,\"event\":\"retry\",\"requestId\":2,\"attempt\":2,\"client\":\"web\",\"stage\":null,"
                        + "\"outcome\":null}",
                o + "400000,\"event\":\"enqueue\",\"requestId\":2,\"attempt\":2,\"client\":\"web\",\"stage\":\"a\","
                        + "\"outcome\":null}",
                o + "550000,\"event\":\"timeout\",\"requestId\":2,\"attempt\":2,\"client\":\"web\",\"stage\":null,"
                        + "\"outcome\":null}",
                o + "550000,\"event\":\"FAILED_TIMEOUT\",\"requestId\":2,\"attempt\":2,\"client\":\"web\","
                        + "\"stage\":null,\"outcome\":\"FAILED_TIMEOUT\"}"),
                TraceLines.of(s, 2).lines().toList());
    }

    @Test
    void theNumberOfRequestsIsChecked() {
        Scenario s = lab.overload.engine.Scenarios.mmc(1, 1, 2, 1, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> TraceLines.of(s, 0));
        assertThrows(IllegalArgumentException.class, () -> TraceLines.of(s, TraceLines.MAX_REQUESTS + 1));
    }
}
