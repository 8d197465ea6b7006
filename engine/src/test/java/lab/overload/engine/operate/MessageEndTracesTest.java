package lab.overload.engine.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Sampled traces of queued messages that do not succeed end with an explicit span: the message's age when it expired
 * or was dead-lettered, and the trace is complete (not closed by the linger after its request's end).
 */
class MessageEndTracesTest {
    private static Scenario queued(double seconds, double ratePerSecond, String service, String queue) {
        return ScenarioCodec.read("{\"name\": \"queued\", \"seed\": 5, \"durationSeconds\": " + seconds
                + ", \"intervalMillis\": 50, \"clients\": [{\"name\": \"web\", \"target\": \"q\", "
                + "\"arrivals\": \"CONSTANT\", \"ratePerSecond\": " + ratePerSecond + ", \"timeoutKind\": "
                + "\"NONE\"}], \"services\": [{\"name\": \"svc\", \"workersPerHost\": 1, \"serviceTimeDistribution\": "
                + "\"CONSTANT\", \"serviceTimeMillis\": 240" + service + "}], \"queues\": [{\"name\": "
                + "\"q\", \"target\": \"svc\"" + queue + "}]}");
    }

    private static Span only(Trace t, SpanKind kind) {
        List<Span> found = t.spans().stream().filter(s -> s.kind() == kind).toList();
        assertEquals(1, found.size(), "one " + kind + " span in " + t);
        return found.get(0);
    }

    private static Trace trace(List<Trace> traces, long requestId) {
        return traces.stream().filter(t -> t.requestId() == requestId).findFirst()
                .orElseThrow(() -> new AssertionError("no finished trace of r" + requestId + " in " + traces));
    }

    /**
     * One message every 100 ms, one poller, 240 ms of work, TTL 0.3 s: at 0.82 s messages 4 (enqueued at 0.4 s) and
     * 5 (0.5 s) are dropped as expired, aged 0.42 and 0.32 s; 6 is taken.
     */
    @Test
    void aMessageDroppedByItsTimeToLiveEndsItsTraceWithItsAge() {
        List<Trace> traces = SampledTracesTest.traces(queued(3, 10, "", ", \"ttlSeconds\": 0.3"), 1);
        for (long r : new long[] {4, 5}) {
            Trace t = trace(traces, r);
            assertTrue(t.complete(), "r" + r + " ends when its message expires: " + t);
            Span last = only(t, SpanKind.EXPIRED);
            assertEquals(t.lastMicros(), last.endMicros(), "the trace ends with it");
            assertEquals(r * 100_000, last.startMicros(), "from its enqueue");
            assertEquals(820_000, last.endMicros(), "to its expiry at 0.82 s");
        }
        assertTrue(trace(traces, 6).spans().stream().noneMatch(s -> s.kind() == SpanKind.EXPIRED),
                "r6 was taken in time");
    }

    /**
     * Every answer an error, Lambda's default async retries: message 1, enqueued at 250 s, fails at 250.24, waits in
     * retry to 310.24, fails at 310.48, waits to 430.48 and is dead-lettered at 430.72; its trace holds both waits in
     * retry and ends with the dead-letter, aged 180.72 s.
     */
    @Test
    void aDeadLetteredMessageEndsItsTraceAfterItsRetries() {
        List<Trace> traces = SampledTracesTest.traces(queued(450, 0.004, ", \"errorProbability\": 1", ""), 1);
        Trace t = trace(traces, 1);
        assertTrue(t.complete(), t.toString());
        List<Span> retries = t.spans().stream().filter(s -> s.label().startsWith("in retry")).toList();
        assertEquals(List.of(250_240_000L, 310_480_000L), retries.stream().map(Span::startMicros).toList());
        assertEquals(List.of(310_240_000L, 430_480_000L), retries.stream().map(Span::endMicros).toList());
        Span last = only(t, SpanKind.DEAD_LETTERED);
        assertEquals(t.lastMicros(), last.endMicros(), "the trace ends with it");
        assertTrue(t.spans().stream().noneMatch(s -> s.kind() == SpanKind.WORK && "q".equals(s.stage())),
                "the queue does no work of its own: " + t);
        assertEquals(180_720_000L, last.durationMicros(), "its age at the dead-letter");
        assertEquals(3, t.spans().stream().filter(s -> s.kind() == SpanKind.CALL).count(), "three invocations");
    }
}
