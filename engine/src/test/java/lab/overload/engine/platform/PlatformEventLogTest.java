package lab.overload.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The invoke path event by event: one client group sending an invoke every second from 1 s (constant gaps, no client
 * timeout, no retries), a function with constant work and no placement time unless stated.
 */
class PlatformEventLogTest {
    private static final String BASE = """
            {'name': 't', 'durationSeconds': 30,
             'clients': [{'name': 'web', 'target': 'TARGET', 'arrivals': 'CONSTANT', 'ratePerSecond': RATE,
                          'timeoutKind': 'NONE'}],
             'platform': [{'name': 'acct', 'placementMillis': 0 PLATFORM}],
             APIS
             'functions': [{'name': 'f', 'durationDistribution': 'CONSTANT', 'durationMillis': DURATION,
                            'initMillis': 0, 'keepAliveSeconds': 60 FUNCTION}]}""";

    private static Scenario scenario(String duration, String platform, String function) {
        return PlatformTraces.scenario(BASE.replace("TARGET", "f").replace("RATE", "1").replace("APIS", "")
                .replace("DURATION", duration).replace("PLATFORM", platform).replace("FUNCTION", function));
    }

    /**
     * Placement 10 ms, init 250 ms, work 1.5 s, keep-alive 2.2 s; at 2.5 s the rate drops to 0.25/s, which stretches
     * the gap in progress (0.5 s left of 1 s becomes 2 s), so invokes come at 1, 2, 4.5, 8.5 and 12.5 s. Invokes 1 and
     * 2 are cold (each finds the other's sandbox busy) and finish 1.76 s after they came. At 4.5 s both sandboxes are
     * idle and the most recently used, sandbox 1 (idle since 3.76 s), is reused; sandbox 0 (idle since 2.76 s) expires
     * at 2.76 + 2.2 = 4.96 s, sandbox 1 at 6.0 + 2.2 = 8.2 s, so invoke 4 at 8.5 s is cold again.
     */
    @Test
    void warmReusesTheMostRecentlyUsedSandboxAndIdleOnesExpire() {
        Scenario s = PlatformTraces.scenario(BASE.replace("TARGET", "f").replace("RATE", "1").replace("APIS", "")
                .replace("DURATION", "1500").replace("'placementMillis': 0 PLATFORM", "'placementMillis': 10")
                .replace("'initMillis': 0, 'keepAliveSeconds': 60 FUNCTION", "'initMillis': 250, 'keepAliveSeconds': 2.2")
                .replace("}]}", "}], 'timeline': [{'atSeconds': 2.5, 'path': 'clients.web.ratePerSecond', "
                        + "'value': '0.25'}]}"));
        assertEquals(List.of(
                "1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "2.000000 web send r2 a1", "2.000000 f cold sandbox 1 wm0 r2 a1",
                "2.760000 f COMPLETED_USEFUL r1 a1", "2.760000 web SUCCEEDED r1 a1",
                "3.760000 f COMPLETED_USEFUL r2 a1", "3.760000 web SUCCEEDED r2 a1",
                "4.500000 web send r3 a1", "4.500000 f warm sandbox 1 r3 a1",
                "4.960000 f sandbox 0 expired wm0 r0 a0",
                "6.000000 f COMPLETED_USEFUL r3 a1", "6.000000 web SUCCEEDED r3 a1",
                "8.200000 f sandbox 1 expired wm0 r0 a0",
                "8.500000 web send r4 a1", "8.500000 f cold sandbox 1 wm0 r4 a1",
                "10.260000 f COMPLETED_USEFUL r4 a1", "10.260000 web SUCCEEDED r4 a1"),
                PlatformTraces.trace(s, 11));
    }

    /**
     * Three worker managers of one slot each, work 3.5 s (timeout 5 s): the home manager wm0 takes the first sandbox,
     * the increase spills to wm1 and then wm2 (most free slots, lowest index on a tie); at 4 s every slot holds a busy
     * sandbox, so the invoke is throttled for capacity; at 5 s sandbox 0 (idle since 4.5 s) is reused.
     */
    @Test
    void anIncreaseSpillsToOtherWorkerManagers() {
        Scenario s = scenario("3500", ", 'workerManagers': 3, 'slotsPerWorkerManager': 1", ", 'timeoutMillis': 5000");
        assertEquals(List.of(
                "1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "2.000000 web send r2 a1", "2.000000 f cold sandbox 1 wm1 r2 a1",
                "3.000000 web send r3 a1", "3.000000 f cold sandbox 2 wm2 r3 a1",
                "4.000000 web send r4 a1", "4.000000 f throttled capacity r4 a1", "4.000000 f THROTTLED r4 a1",
                "4.000000 web FAILED_REJECTED r4 a1",
                "4.500000 f COMPLETED_USEFUL r1 a1", "4.500000 web SUCCEEDED r1 a1",
                "5.000000 web send r5 a1", "5.000000 f warm sandbox 0 r5 a1"),
                PlatformTraces.trace(s, 5.2));
    }

    private static List<String> oneThrottledAtTwoSeconds(String cause) {
        return List.of(
                "1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "2.000000 web send r2 a1", "2.000000 f throttled " + cause + " r2 a1", "2.000000 f THROTTLED r2 a1",
                "2.000000 web FAILED_REJECTED r2 a1",
                "2.500000 f COMPLETED_USEFUL r1 a1", "2.500000 web SUCCEEDED r1 a1",
                "3.000000 web send r3 a1", "3.000000 f warm sandbox 0 r3 a1");
    }

    /** Work 1.5 s and a reservation of 1: the invoke at 2 s finds one in progress and is throttled. */
    @Test
    void reservedConcurrencyThrottles() {
        assertEquals(oneThrottledAtTwoSeconds("reservedConcurrency"),
                PlatformTraces.trace(scenario("1500", "", ", 'reservedConcurrency': 1"), 3.5));
    }

    /** An account limit of 1 (all of it unreserved): the invoke at 2 s is throttled for account concurrency. */
    @Test
    void accountConcurrencyThrottles() {
        assertEquals(oneThrottledAtTwoSeconds("accountConcurrency"), PlatformTraces.trace(
                scenario("1500", ", 'concurrencyLimit': 1, 'unreservedMinimum': 1", ""), 3.5));
    }

    /** One invoke at 4 s (rate 0.25/s), work 3.5 s against the default 3 s timeout: abandoned at 7 s with an error. */
    @Test
    void theFunctionTimeoutAbandonsTheWork() {
        Scenario s = PlatformTraces.scenario(BASE.replace("TARGET", "f").replace("RATE", "0.25").replace("APIS", "")
                .replace("DURATION", "3500").replace("PLATFORM", "").replace("FUNCTION", ""));
        assertEquals(List.of("4.000000 web send r1 a1", "4.000000 f cold sandbox 0 wm0 r1 a1",
                "7.000000 f ABANDONED_BY_SERVER r1 a1", "7.000000 web FAILED_ERROR r1 a1"),
                PlatformTraces.trace(s, 7.5));
    }

    /**
     * Scaling rate 1 per 10 s and keep-alive 0. The bucket starts full (1 sandbox = 10,000,000 units); the cold
     * invoke at 1 s empties it. It gains n = 1 unit per µs, so it holds a whole sandbox again after 10,000,000 µs, at
     * 11 s: the cold invokes from 2 s to 10 s (the sandbox expires as soon as it is idle, at 2.5 s) are throttled for
     * the scaling rate, and the one at 11 s starts.
     */
    @Test
    void theScalingRateBucketRefillsFromEmpty() {
        Scenario s = PlatformTraces.scenario(BASE.replace("TARGET", "f").replace("RATE", "1").replace("APIS", "")
                .replace("DURATION", "1500").replace("PLATFORM", "")
                .replace("'keepAliveSeconds': 60 FUNCTION", "'keepAliveSeconds': 0, 'scalingPerTenSeconds': 1"));
        List<String> trace = PlatformTraces.trace(s, 11.5);
        assertEquals(List.of("1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "2.000000 web send r2 a1", "2.000000 f throttled scalingRate r2 a1"), trace.subList(0, 4));
        assertEquals(List.of("2.500000 f COMPLETED_USEFUL r1 a1", "2.500000 web SUCCEEDED r1 a1",
                "2.500000 f sandbox 0 expired wm0 r0 a0"), trace.subList(6, 9));
        for (int r = 3; r <= 10; r++) {
            assertEquals(r + ".000000 f throttled scalingRate r" + r + " a1", trace.get(9 + 4 * (r - 3) + 1));
        }
        assertEquals(List.of("11.000000 web send r11 a1", "11.000000 f cold sandbox 0 wm0 r11 a1"),
                trace.subList(trace.size() - 2, trace.size()));
    }

    /**
     * An API with rate 1/s and burst 2 in front of the function, invokes every 0.25 s. The bucket starts with 2
     * tokens and gains 0.25 per gap: 2 (take) 1.25 (take) 0.5, 0.75 (throttled), 1.0 at 1.25 s (take), then 0.25,
     * 0.5, 0.75 throttled at 1.5, 1.75 and 2.0 s.
     */
    @Test
    void theApiTokenBucketThrottles() {
        Scenario s = PlatformTraces.scenario(BASE.replace("TARGET", "front").replace("RATE", "4")
                .replace("APIS", "'apis': [{'name': 'front', 'target': 'f', 'ratePerSecond': 1, 'burst': 2}],")
                .replace("DURATION", "100").replace("PLATFORM", "").replace("FUNCTION", ""));
        assertEquals(List.of(
                "0.250000 web send r1 a1", "0.250000 front call f r1 a1", "0.250000 f cold sandbox 0 wm0 r1 a1",
                "0.350000 f COMPLETED_USEFUL r1 a1", "0.350000 front COMPLETED_USEFUL r1 a1",
                "0.350000 web SUCCEEDED r1 a1",
                "0.500000 web send r2 a1", "0.500000 front call f r2 a1", "0.500000 f warm sandbox 0 r2 a1",
                "0.600000 f COMPLETED_USEFUL r2 a1", "0.600000 front COMPLETED_USEFUL r2 a1",
                "0.600000 web SUCCEEDED r2 a1",
                "0.750000 web send r3 a1", "0.750000 front throttled apiRate r3 a1", "0.750000 front THROTTLED r3 a1",
                "0.750000 web FAILED_REJECTED r3 a1",
                "1.000000 web send r4 a1", "1.000000 front throttled apiRate r4 a1", "1.000000 front THROTTLED r4 a1",
                "1.000000 web FAILED_REJECTED r4 a1",
                "1.250000 web send r5 a1", "1.250000 front call f r5 a1", "1.250000 f warm sandbox 0 r5 a1",
                "1.350000 f COMPLETED_USEFUL r5 a1", "1.350000 front COMPLETED_USEFUL r5 a1",
                "1.350000 web SUCCEEDED r5 a1",
                "1.500000 web send r6 a1", "1.500000 front throttled apiRate r6 a1", "1.500000 front THROTTLED r6 a1",
                "1.500000 web FAILED_REJECTED r6 a1"),
                PlatformTraces.trace(s, 1.6));
    }
}
