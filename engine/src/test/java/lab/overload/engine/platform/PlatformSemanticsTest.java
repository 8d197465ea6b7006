package lab.overload.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lab.overload.engine.component.FunctionStats;
import lab.overload.engine.component.World;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invoke-path rules beyond the basic log, event by event: the init's dependency call, the function timeout over a
 * pending call, provisioned sandboxes under eviction, the reuse choice and errors retried. One client group sends an
 * invoke every second from 1 s (constant gaps, no client timeout), placement 0, constant work.
 */
class PlatformSemanticsTest {
    private static final String ONE = """
            {'name': 't', 'durationSeconds': 30,
             'clients': [{'name': 'web', 'target': 'f', 'arrivals': 'CONSTANT', 'ratePerSecond': 1,
                          'timeoutKind': 'NONE' CLIENT}],
             'platform': [{'name': 'acct', 'placementMillis': 0}],
             'services': [{'name': 'db', 'serviceTimeDistribution': 'CONSTANT', 'serviceTimeMillis': DB}],
             'functions': [{'name': 'f', 'durationDistribution': 'CONSTANT', 'durationMillis': 100,
                            'initMillis': 100 FUNCTION}]}""";

    private static Scenario one(String db, String client, String function) {
        return PlatformTraces.scenario(ONE.replace("DB", db).replace(" CLIENT", client).replace(" FUNCTION", function));
    }

    private static World runTo(Scenario s, double seconds, List<String> lines) {
        World w = new World(s);
        w.onTrace(e -> lines.add(e.toString()));
        w.runUntil(Math.round(seconds * 1e6));
        w.summary().checkConservation();
        PlatformTheoryTest.checkPlatformConservation(w.functionStats("f"));
        return w;
    }

    /**
     * Init calls the dependency db (50 ms of work): the cold invoke at 1 s is placed at once, calls db (1.00 to
     * 1.05 s), initialises for 100 ms (to 1.15 s), then makes its own call (1.15 to 1.20 s) and works 100 ms: it ends
     * at 1.30 s. The warm invoke at 2 s makes only its own call and ends at 2.15 s. So db serves three attempts for
     * two invokes, and the init ledger holds 0.05 + 0.1 = 0.15 sandbox-seconds.
     */
    @Test
    void aColdStartsInitCallsTheDependency() {
        List<String> lines = new java.util.ArrayList<>();
        World w = runTo(one("50", "", ", 'initCallsDependency': true, 'dependency': {'enabled': true, "
                + "'target': 'db'}"), 2.5, lines);
        assertEquals(List.of("1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "1.000000 f call db r1 a1", "1.000000 db start r1 a1", "1.050000 db COMPLETED_USEFUL r1 a1",
                "1.150000 f call db r1 a1", "1.150000 db start r1 a1", "1.200000 db COMPLETED_USEFUL r1 a1",
                "1.300000 f COMPLETED_USEFUL r1 a1", "1.300000 web SUCCEEDED r1 a1",
                "2.000000 web send r2 a1", "2.000000 f warm sandbox 0 r2 a1",
                "2.000000 f call db r2 a1", "2.000000 db start r2 a1", "2.050000 db COMPLETED_USEFUL r2 a1",
                "2.150000 f COMPLETED_USEFUL r2 a1", "2.150000 web SUCCEEDED r2 a1"), lines);
        assertEquals(0.15, w.functionStats("f").sandboxSeconds().get("init"), 1e-9, "init sandbox-seconds");
    }

    /**
     * The built-in dependency always fails after 200 ms. The init's call fails at 1.2 s; init ends at 1.3 s and the
     * invoke answers with an error there, without its own call (which would end it at 1.5 s) or its work.
     */
    @Test
    void aFailedInitCallAnswersWithAnError() {
        List<String> lines = new java.util.ArrayList<>();
        runTo(one("50", "", ", 'initCallsDependency': true, 'dependency': {'enabled': true, "
                + "'latencyDistribution': 'CONSTANT', 'latencyMillis': 200, 'failureProbability': 1}"), 1.9, lines);
        assertEquals(List.of("1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "1.300000 f COMPLETED_ERROR r1 a1", "1.300000 web FAILED_ERROR r1 a1"), lines);
    }

    /**
     * The function timeout (3 s) runs from the start of the invoke at 1.1 s (after 100 ms of init) and covers a
     * pending call: db takes 5 s, so the invoke is abandoned at 4.1 s with an error, and db finishes its attempt at
     * 6.1 s with nobody waiting (wasted). The invokes at 2 and 3 s (cold, the first sandbox is busy) go the same way,
     * abandoned at 5.1 and 6.1 s: the abandoned class holds 3 x 3 s.
     */
    @Test
    void theTimeoutAbandonsAnInvokeWaitingOnItsDependency() {
        List<String> lines = new java.util.ArrayList<>();
        World w = runTo(one("5000", "", ", 'dependency': {'enabled': true, 'target': 'db'}"), 6.5, lines);
        assertEquals(List.of("1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "1.100000 f call db r1 a1", "1.100000 db start r1 a1",
                "4.100000 f ABANDONED_BY_SERVER r1 a1", "4.100000 web FAILED_ERROR r1 a1",
                "6.100000 db COMPLETED_WASTED r1 a1"), lines.stream().filter(l -> l.contains("r1 ")).toList());
        assertEquals(9.0, w.functionStats("f").sandboxSeconds().get("abandoned"), 1e-9, "abandoned sandbox-seconds");
    }

    /**
     * The timeout counts the call too: a built-in call of 2 s (1.1 to 3.1 s) leaves 1 s of the 3 s for the work, so
     * 1.5 s of work is abandoned at 4.1 s, not finished at 4.6 s.
     */
    @Test
    void theTimeoutCoversTheCallAndTheWork() {
        List<String> lines = new java.util.ArrayList<>();
        World w = runTo(PlatformTraces.scenario(ONE.replace("DB", "50").replace(" CLIENT", "")
                .replace("'durationMillis': 100", "'durationMillis': 1500").replace(" FUNCTION", ", 'dependency': "
                        + "{'enabled': true, 'latencyDistribution': 'CONSTANT', 'latencyMillis': 2000}")), 4.2, lines);
        assertEquals(List.of("1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "4.100000 f ABANDONED_BY_SERVER r1 a1", "4.100000 web FAILED_ERROR r1 a1"),
                lines.stream().filter(l -> l.contains("r1 ")).toList());
        assertEquals(3.0, w.functionStats("f").sandboxSeconds().get("abandoned"), 1e-9, "abandoned sandbox-seconds");
    }

    /**
     * One worker manager of one slot, held by f's provisioned sandbox (keep-alive 1 s). g's invokes at 1 s and 2 s
     * find no slot and the provisioned sandbox is not evicted: both are throttled for capacity. f's invokes at 2.5 s
     * and 5 s are warm on the provisioned sandbox, which did not expire in the 2.4 s between them.
     */
    @Test
    void aProvisionedSandboxIsNeverEvictedNorExpires() {
        Scenario s = PlatformTraces.scenario("""
                {'name': 't', 'durationSeconds': 10,
                 'clients': [{'name': 'web', 'target': 'f', 'arrivals': 'CONSTANT', 'ratePerSecond': 0.4,
                              'timeoutKind': 'NONE'},
                             {'name': 'batch', 'target': 'g', 'arrivals': 'CONSTANT', 'ratePerSecond': 1,
                              'timeoutKind': 'NONE'}],
                 'platform': [{'name': 'acct', 'placementMillis': 0, 'workerManagers': 1,
                               'slotsPerWorkerManager': 1}],
                 'functions': [{'name': 'f', 'durationDistribution': 'CONSTANT', 'durationMillis': 100,
                                'initMillis': 0, 'keepAliveSeconds': 1, 'provisionedConcurrency': 1},
                               {'name': 'g', 'durationDistribution': 'CONSTANT', 'durationMillis': 100,
                                'initMillis': 0}]}""");
        List<String> lines = new java.util.ArrayList<>();
        runTo(s, 5.05, lines);
        assertEquals(List.of(
                "1.000000 batch send r1 a1", "1.000000 g throttled capacity r1 a1", "1.000000 g THROTTLED r1 a1",
                "1.000000 batch FAILED_REJECTED r1 a1",
                "2.000000 batch send r2 a1", "2.000000 g throttled capacity r2 a1", "2.000000 g THROTTLED r2 a1",
                "2.000000 batch FAILED_REJECTED r2 a1",
                "2.500000 web send r3 a1", "2.500000 f warm sandbox 0 r3 a1",
                "2.600000 f COMPLETED_USEFUL r3 a1", "2.600000 web SUCCEEDED r3 a1"), lines.subList(0, 12));
        assertTrue(lines.contains("5.000000 f warm sandbox 0 r6 a1"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("evicted") || l.contains("expired")), lines.toString());
    }

    private static final String TWO_IDLE = """
            {'name': 't', 'seed': SEED, 'durationSeconds': 30,
             'clients': [{'name': 'web', 'target': 'f', 'arrivals': 'CONSTANT', 'ratePerSecond': 1,
                          'timeoutKind': 'NONE'}],
             'platform': [{'name': 'acct', 'placementMillis': 0}],
             'functions': [{'name': 'f', 'durationDistribution': 'CONSTANT', 'durationMillis': 1500,
                            'initMillis': 0, 'reuse': 'REUSE'}],
             'timeline': [{'atSeconds': 2.5, 'path': 'clients.web.ratePerSecond', 'value': '0.25'}]}""";

    /**
     * Invokes at 1 and 2 s (work 1.5 s) are cold on sandboxes 0 and 1, idle from 2.5 s and 3.5 s; at 2.5 s the rate
     * drops so the next invoke comes at 4.5 s and finds both idle: the most recently used is sandbox 1, the least
     * recently used sandbox 0.
     */
    @ParameterizedTest
    @CsvSource({"MOST_RECENTLY_USED, 1", "LEAST_RECENTLY_USED, 0"})
    void theReuseChoiceTakesTheChosenIdleSandbox(String reuse, int sandbox) {
        List<String> lines = PlatformTraces.trace(PlatformTraces.scenario(TWO_IDLE.replace("SEED", "1")
                .replace("REUSE", reuse)), 4.6);
        assertEquals("4.500000 f warm sandbox " + sandbox + " r3 a1", lines.get(lines.size() - 1));
    }

    /**
     * RANDOM draws from the function's own seeded stream: the same seed gives the same choice, and over 20 seeds both
     * idle sandboxes are chosen (each is chosen with probability 1/2, so all 20 alike has probability 2^-19).
     */
    @Test
    void randomReuseIsSeeded() {
        Set<String> chosen = new HashSet<>();
        for (int seed = 1; seed <= 20; seed++) {
            Scenario s = PlatformTraces.scenario(TWO_IDLE.replace("SEED", Integer.toString(seed))
                    .replace("REUSE", "RANDOM"));
            List<String> first = PlatformTraces.trace(s, 4.6);
            assertEquals(first, PlatformTraces.trace(s, 4.6), "seed " + seed + " twice");
            chosen.add(first.get(first.size() - 1));
        }
        assertEquals(Set.of("4.500000 f warm sandbox 0 r3 a1", "4.500000 f warm sandbox 1 r3 a1"), chosen);
    }

    /**
     * Every completed invoke errs (errorProbability 1) and the client makes up to 2 attempts with a constant 200 ms
     * backoff (no jitter): the error is retried like any error, on the now warm sandbox, and fails again.
     */
    @Test
    void anErrorIsRetriedByTheClient() {
        List<String> lines = new java.util.ArrayList<>();
        FunctionStats st = runTo(one("50", ", 'retry': {'maxAttempts': 2, 'backoffBaseMillis': 200, "
                + "'backoffCapMillis': 200, 'jitter': 'NONE'}", ", 'errorProbability': 1"), 1.9, lines)
                .functionStats("f");
        assertEquals(List.of("1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "1.200000 f COMPLETED_ERROR r1 a1", "1.200000 web backoff 200ms r1 a1", "1.400000 web retry r1 a2", "1.400000 f warm sandbox 0 r1 a2",
                "1.500000 f COMPLETED_ERROR r1 a2", "1.500000 web FAILED_ERROR r1 a2"), lines);
        assertEquals(List.of(2L, 1L, 1L), List.of(st.invokes(), st.warm(), st.cold()));
    }

    /**
     * A keep-alive far longer than the run (1 day) at 200 invokes/s for 300 s: every invoke ends an idle period's
     * start, but a sandbox keeps at most one pending expiry event, so the calendar holds about as many events as
     * there are sandboxes (plus arrivals, completions and the seal), not one per invoke (60,000): memory stays flat
     * however long the run.
     */
    @Test
    void expiryEventsStayBoundedByTheSandboxes() {
        Scenario s = PlatformTraces.scenario("""
                {'name': 't', 'seed': 5, 'durationSeconds': 300,
                 'clients': [{'name': 'web', 'target': 'f', 'ratePerSecond': 200, 'timeoutKind': 'NONE'}],
                 'functions': [{'name': 'f', 'durationMillis': 50, 'initMillis': 0, 'keepAliveSeconds': 86400}]}""");
        World w = new World(s);
        w.runUntil(s.durationMicros());
        FunctionStats st = w.functionStats("f");
        int pending = w.simulation().pendingEvents();
        assertTrue(st.invokes() > 50_000, "invokes " + st.invokes());
        assertTrue(pending <= st.sandboxesMax() + st.concurrencyMax() + 10,
                pending + " events pending with " + st.sandboxesMax() + " sandboxes");
    }
}
