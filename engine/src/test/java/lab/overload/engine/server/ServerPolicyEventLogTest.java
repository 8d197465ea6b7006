package lab.overload.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tiny scenarios of the server-side overload policies whose every event is known in advance (constant arrivals and
 * constant work, so nothing is random), compared line by line: the queue-time bound in both modes, checkpoint
 * abandonment, resume from checkpoint, input-size rejection, an adaptive limit below the workers, and a host crash.
 * Each run also checks request and attempt conservation.
 */
class ServerPolicyEventLogTest {

    /** A scenario from JSON; {@code client} and {@code service} are the fields after name/target and name. */
    static Scenario scenario(String client, String service, String extra) {
        return ScenarioCodec.read("{\"name\": \"log\", \"seed\": 1, \"durationSeconds\": 200, " + extra
                + "\"clients\": [{\"name\": \"web\", \"target\": \"api\", \"arrivals\": \"CONSTANT\", " + client
                + "}], \"services\": [{\"name\": \"api\", \"serviceTimeDistribution\": \"CONSTANT\", " + service
                + "}]}");
    }

    static List<String> trace(Scenario s, double untilSeconds) {
        return run(s, untilSeconds).lines;
    }

    record Run(List<String> lines, Summary summary) {
    }

    static Run run(Scenario s, double untilSeconds) {
        World world = new World(s);
        List<String> lines = new ArrayList<>();
        world.onTrace(e -> lines.add(e.toString()));
        world.runUntil(Math.round(untilSeconds * 1e6));
        Summary summary = world.summary();
        summary.checkConservation();
        return new Run(lines, summary);
    }

    /**
     * One worker, 10 s of work, an arrival every 4 s (first at 4 s), no client timeout, rejections cost 1 s, and a
     * queue-time bound of 5 s that rejects. r1 works 4-14 s. At 14 s r2 has waited 6 s (> 5): it is rejected, its
     * SHED answer leaving at 15 s after the 1 s rejection cost; r3 has waited 2 s and starts. At 24 s r4 has waited
     * 8 s and is rejected (answered at 25 s); r5 (waited 4 s) starts.
     */
    @Test
    void queueTimeBoundRejectsAtDequeueAndPaysTheRejectionCost() {
        Scenario s = scenario("\"ratePerSecond\": 0.25, \"timeoutKind\": \"NONE\"",
                "\"workersPerHost\": 1, \"serviceTimeMillis\": 10000, \"rejectionCostMillis\": 1000, "
                        + "\"shedding\": {\"maxQueueWaitMillis\": 5000, \"action\": \"REJECT_AT_DEQUEUE\"}", "");
        List<String> expected = List.of(
                "4.000000 web send r1 a1", "4.000000 api start r1 a1",
                "8.000000 web send r2 a1", "8.000000 api enqueue r2 a1",
                "12.000000 web send r3 a1", "12.000000 api enqueue r3 a1",
                "14.000000 api COMPLETED_USEFUL r1 a1", "14.000000 web SUCCEEDED r1 a1",
                "14.000000 api start r3 a1",
                "15.000000 api SHED r2 a1", "15.000000 web FAILED_REJECTED r2 a1",
                "16.000000 web send r4 a1", "16.000000 api enqueue r4 a1",
                "20.000000 web send r5 a1", "20.000000 api enqueue r5 a1",
                "24.000000 api COMPLETED_USEFUL r3 a1", "24.000000 web SUCCEEDED r3 a1",
                "24.000000 api start r5 a1",
                "24.000000 web send r6 a1", "24.000000 api enqueue r6 a1",
                "25.000000 api SHED r4 a1", "25.000000 web FAILED_REJECTED r4 a1");
        Run r = run(s, 26);
        assertEquals(expected, r.lines);
        assertEquals(2.0, r.summary.rejectionWork(), 1e-9, "two rejections at 1 s each");
    }

    /**
     * As above, but the bound drops silently (no cost, the client is not told) and clients time out after 12 s:
     * r2 (sent 8 s) is dropped at 14 s and its client times out at 20 s; r4 (sent 16 s) is dropped at 24 s.
     */
    @Test
    void queueTimeBoundDropsSilently() {
        Scenario s = scenario("\"ratePerSecond\": 0.25, \"timeoutMillis\": 12000",
                "\"workersPerHost\": 1, \"serviceTimeMillis\": 10000, \"rejectionCostMillis\": 1000, "
                        + "\"shedding\": {\"maxQueueWaitMillis\": 5000, \"action\": \"DROP\"}", "");
        List<String> expected = List.of(
                "4.000000 web send r1 a1", "4.000000 api start r1 a1",
                "8.000000 web send r2 a1", "8.000000 api enqueue r2 a1",
                "12.000000 web send r3 a1", "12.000000 api enqueue r3 a1",
                "14.000000 api COMPLETED_USEFUL r1 a1", "14.000000 web SUCCEEDED r1 a1",
                "14.000000 api ABANDONED_BY_SERVER r2 a1", "14.000000 api start r3 a1",
                "16.000000 web send r4 a1", "16.000000 api enqueue r4 a1",
                "20.000000 web timeout r2 a1", "20.000000 web FAILED_TIMEOUT r2 a1",
                "20.000000 web send r5 a1", "20.000000 api enqueue r5 a1",
                "24.000000 api COMPLETED_USEFUL r3 a1", "24.000000 web SUCCEEDED r3 a1",
                "24.000000 api ABANDONED_BY_SERVER r4 a1", "24.000000 api start r5 a1",
                "24.000000 web send r6 a1", "24.000000 api enqueue r6 a1");
        Run r = run(s, 25);
        assertEquals(expected, r.lines);
        assertEquals(0.0, r.summary.rejectionWork(), 0, "a silent drop costs nothing");
    }

    /**
     * One worker, 10 s of work, a 3 s client timeout, checkpoints every 2 s of work, an arrival every 7 s. r1 works
     * from 7 s; its checkpoint at 9 s finds the deadline (10 s) ahead; its client leaves at 10 s; the checkpoint at
     * 11 s finds it passed and abandons the attempt, 4 s of work credited as abandoned instead of 10 s wasted. The
     * same for r2 (14 s: checkpoints 16 s and 18 s) and r3 (21 s). The log is the same in shared-speed mode with one
     * core (speed 1), where checkpoints are virtual-time events.
     */
    @ParameterizedTest(name = "coresPerHost {0}")
    @ValueSource(ints = {0, 1})
    void checkpointAbandonsWorkWhoseClientHasGone(int cores) {
        String client = "\"ratePerSecond\": 0.14285714285714285, \"timeoutMillis\": 3000";
        String service = "\"workersPerHost\": 1, \"serviceTimeMillis\": 10000, \"coresPerHost\": " + cores + ", "
                + "\"deadline\": {\"timeoutHint\": true, \"checkpointMillis\": 2000}";
        List<String> expected = List.of(
                "7.000000 web send r1 a1", "7.000000 api start r1 a1",
                "9.000000 api checkpoint r1 a1",
                "10.000000 web timeout r1 a1", "10.000000 web FAILED_TIMEOUT r1 a1",
                "11.000000 api checkpoint r1 a1", "11.000000 api ABANDONED_BY_SERVER r1 a1",
                "14.000000 web send r2 a1", "14.000000 api start r2 a1",
                "16.000000 api checkpoint r2 a1",
                "17.000000 web timeout r2 a1", "17.000000 web FAILED_TIMEOUT r2 a1",
                "18.000000 api checkpoint r2 a1", "18.000000 api ABANDONED_BY_SERVER r2 a1",
                "21.000000 web send r3 a1", "21.000000 api start r3 a1",
                "23.000000 api checkpoint r3 a1",
                "24.000000 web timeout r3 a1", "24.000000 web FAILED_TIMEOUT r3 a1",
                "25.000000 api checkpoint r3 a1", "25.000000 api ABANDONED_BY_SERVER r3 a1");
        Run on = run(scenario(client, service, ""), 27);
        assertEquals(expected, on.lines);
        assertEquals(12.0, on.summary.abandonedWork(), 1e-9, "3 attempts abandoned after 4 s of work each");
        assertEquals(0.0, on.summary.wastedWork(), 0, "nothing finishes after its client left");

        // Without the timeout hint the server cannot know: r1 runs its full 10 s (7-17 s), all of it wasted; r2, queued
        // at 14 s, runs 17-27 s.
        Run blind = run(scenario(client, service.replace("\"timeoutHint\": true", "\"timeoutHint\": false"), ""), 26);
        assertTrue(blind.lines.stream().noneMatch(l -> l.contains("checkpoint")), "no checkpoints without a use");
        assertTrue(blind.lines.contains("17.000000 api COMPLETED_WASTED r1 a1"), String.join("\n", blind.lines));
        assertEquals(0.0, blind.summary.abandonedWork(), 0, "nothing abandoned");
        assertEquals(10.0, blind.summary.wastedWork(), 1e-9, "r1's 10 s finished after its client left");
    }

    /**
     * One request (at 50 s) of 10 s of work, a 6 s client timeout, one retry after a 1 s backoff, checkpoints every
     * 2 s. Attempt 1 saves progress at 52, 54 and 56 s and is abandoned at 56 s (its deadline). Resuming, attempt 2
     * (57 s) has 10 - 6 = 4 s left: a checkpoint at 59 s, done at 61 s, within its deadline (63 s). Starting over, it
     * would need 10 s, and is abandoned at its deadline (checkpoint at 63 s): the request fails. The same in
     * shared-speed mode with one core.
     */
    @ParameterizedTest(name = "coresPerHost {0}")
    @ValueSource(ints = {0, 1})
    void retryResumesFromItsLastCheckpoint(int cores) {
        String client = "\"ratePerSecond\": 0.02, \"timeoutMillis\": 6000, "
                + "\"retry\": {\"maxAttempts\": 2, \"backoffBaseMillis\": 1000, \"jitter\": \"NONE\"}";
        String service = "\"workersPerHost\": 1, \"serviceTimeMillis\": 10000, \"coresPerHost\": " + cores + ", "
                + "\"deadline\": {\"checkpointMillis\": 2000}, \"boundedWork\": {\"resumeFromCheckpoint\": true}";
        List<String> firstAttempt = List.of(
                "50.000000 web send r1 a1", "50.000000 api start r1 a1",
                "52.000000 api checkpoint r1 a1", "54.000000 api checkpoint r1 a1",
                "56.000000 api checkpoint r1 a1", "56.000000 api ABANDONED_BY_SERVER r1 a1",
                "56.000000 web timeout r1 a1", "56.000000 web backoff 1000ms r1 a1",
                "57.000000 web retry r1 a2", "57.000000 api start r1 a2");
        List<String> resumed = new ArrayList<>(firstAttempt);
        resumed.addAll(List.of("59.000000 api checkpoint r1 a2",
                "61.000000 api COMPLETED_USEFUL r1 a2", "61.000000 web SUCCEEDED r1 a2"));
        Run on = run(scenario(client, service, ""), 80);
        assertEquals(resumed, on.lines);
        assertEquals(6.0 + 4.0, on.summary.usefulWork() + on.summary.abandonedWork(), 1e-9,
                "10 s of work in all: 6 s abandoned (but saved) plus the 4 s left");

        List<String> restarted = new ArrayList<>(firstAttempt);
        restarted.addAll(List.of("59.000000 api checkpoint r1 a2", "61.000000 api checkpoint r1 a2",
                "63.000000 api checkpoint r1 a2", "63.000000 api ABANDONED_BY_SERVER r1 a2",
                "63.000000 web timeout r1 a2", "63.000000 web FAILED_TIMEOUT r1 a2"));
        Run off = run(scenario(client, service.replace("true", "false"), ""), 80);
        assertEquals(restarted, off.lines);
        assertEquals(12.0, off.summary.abandonedWork(), 1e-9, "6 s + 6 s of work abandoned, none useful");
    }

    /**
     * Two groups call one service with a size limit of 2: web (size 1, every 5 s) is served, big (size 3, every 7 s)
     * is rejected on arrival, before it can hold a worker or wait in the queue.
     */
    @Test
    void inputSizeLimitRejectsLargeRequestsAtOnce() {
        Scenario s = ScenarioCodec.read("""
                {"name": "size", "durationSeconds": 100,
                 "clients": [
                   {"name": "web", "target": "api", "arrivals": "CONSTANT", "ratePerSecond": 0.2, "sizeMean": 1},
                   {"name": "big", "target": "api", "arrivals": "CONSTANT", "ratePerSecond": 0.14285714285714285,
                    "sizeMean": 3}],
                 "services": [{"name": "api", "workersPerHost": 1, "serviceTimeDistribution": "CONSTANT",
                   "serviceTimeMillis": 1000, "boundedWork": {"maxRequestSize": 2}}]}
                """);
        List<String> expected = List.of(
                "5.000000 web send r1 a1", "5.000000 api start r1 a1",
                "6.000000 api COMPLETED_USEFUL r1 a1", "6.000000 web SUCCEEDED r1 a1",
                "7.000000 big send r2 a1", "7.000000 api SHED r2 a1", "7.000000 big FAILED_REJECTED r2 a1",
                "10.000000 web send r3 a1", "10.000000 api start r3 a1",
                "11.000000 api COMPLETED_USEFUL r3 a1", "11.000000 web SUCCEEDED r3 a1",
                "14.000000 big send r4 a1", "14.000000 api SHED r4 a1", "14.000000 big FAILED_REJECTED r4 a1",
                "15.000000 web send r5 a1", "15.000000 api start r5 a1");
        assertEquals(expected, trace(s, 15.5));
    }

    /**
     * Five workers but an AIMD limit pinned at 2 (min = max = 2): only two attempts are ever in service; the others
     * queue although workers are idle. Arrivals every second, 3.5 s of work.
     */
    @Test
    void adaptiveLimitBelowTheWorkersQueuesTheRest() {
        Scenario s = scenario("\"ratePerSecond\": 1, \"timeoutKind\": \"NONE\"",
                "\"workersPerHost\": 5, \"serviceTimeMillis\": 3500, "
                        + "\"limit\": {\"kind\": \"AIMD\", \"initialLimit\": 2, \"minLimit\": 2, \"maxLimit\": 2}", "");
        List<String> expected = List.of(
                "1.000000 web send r1 a1", "1.000000 api start r1 a1",
                "2.000000 web send r2 a1", "2.000000 api start r2 a1",
                "3.000000 web send r3 a1", "3.000000 api enqueue r3 a1",
                "4.000000 web send r4 a1", "4.000000 api enqueue r4 a1",
                "4.500000 api COMPLETED_USEFUL r1 a1", "4.500000 web SUCCEEDED r1 a1", "4.500000 api start r3 a1",
                "5.000000 web send r5 a1", "5.000000 api enqueue r5 a1",
                "5.500000 api COMPLETED_USEFUL r2 a1", "5.500000 web SUCCEEDED r2 a1", "5.500000 api start r4 a1");
        assertEquals(expected, trace(s, 5.9));
    }

    /**
     * Two hosts of one worker (round robin: host 1 first), 10 s of work, an arrival every 2 s, a 20 s client timeout.
     * At 9 s the timeline takes host 1 down for 6 s: it loses r3 (queued) and r1 (in service, 7 s of work credited as
     * abandoned); their clients are not told and time out at 26 s and 22 s. Meanwhile every arrival goes to host 0.
     * At 15 s host 1 comes back empty and takes r8 at 16 s.
     */
    @Test
    void hostCrashLosesItsWorkAndComesBackEmpty() {
        Scenario s = scenario("\"ratePerSecond\": 0.5, \"timeoutMillis\": 20000",
                "\"hosts\": 2, \"workersPerHost\": 1, \"queueCapacity\": 10, \"serviceTimeMillis\": 10000",
                "\"timeline\": [{\"atSeconds\": 9, \"path\": \"services.api.hostsDown\", \"value\": \"1\", "
                        + "\"holdSeconds\": 6}], ");
        List<String> expected = List.of(
                "2.000000 web send r1 a1", "2.000000 api start r1 a1",
                "4.000000 web send r2 a1", "4.000000 api start r2 a1",
                "6.000000 web send r3 a1", "6.000000 api enqueue r3 a1",
                "8.000000 web send r4 a1", "8.000000 api enqueue r4 a1",
                "9.000000 api ABANDONED_BY_SERVER r3 a1", "9.000000 api ABANDONED_BY_SERVER r1 a1",
                "10.000000 web send r5 a1", "10.000000 api enqueue r5 a1",
                "12.000000 web send r6 a1", "12.000000 api enqueue r6 a1",
                "14.000000 api COMPLETED_USEFUL r2 a1", "14.000000 web SUCCEEDED r2 a1", "14.000000 api start r4 a1",
                "14.000000 web send r7 a1", "14.000000 api enqueue r7 a1",
                "16.000000 web send r8 a1", "16.000000 api start r8 a1",
                "18.000000 web send r9 a1", "18.000000 api enqueue r9 a1",
                "20.000000 web send r10 a1", "20.000000 api enqueue r10 a1",
                "22.000000 web timeout r1 a1", "22.000000 web FAILED_TIMEOUT r1 a1",
                "22.000000 web send r11 a1", "22.000000 api enqueue r11 a1");
        Run r = run(s, 23);
        assertEquals(expected, r.lines);
        assertEquals(7.0, r.summary.abandonedWork(), 1e-9, "r1 held its worker 2-9 s before the crash");
    }
}
