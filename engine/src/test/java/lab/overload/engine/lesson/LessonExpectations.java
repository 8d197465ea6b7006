package lab.overload.engine.lesson;

import static lab.overload.engine.lesson.Claim.atLeast;
import static lab.overload.engine.lesson.Claim.atMost;
import static lab.overload.engine.lesson.Claim.between;
import static lab.overload.engine.lesson.Claim.fallsTo;
import static lab.overload.engine.lesson.Claim.risesTo;
import static lab.overload.engine.lesson.Claim.sameWithin;
import static lab.overload.engine.lesson.Metric.ABANDONED_WORK_SECONDS;
import static lab.overload.engine.lesson.Metric.ATTEMPTS;
import static lab.overload.engine.lesson.Metric.ATTEMPTS_PER_REQUEST;
import static lab.overload.engine.lesson.Metric.BUSY_FOR_GONE;
import static lab.overload.engine.lesson.Metric.CONCURRENCY;
import static lab.overload.engine.lesson.Metric.FAILED_REQUESTS;
import static lab.overload.engine.lesson.Metric.GOODPUT;
import static lab.overload.engine.lesson.Metric.HYSTERESIS_RECOVERY_LOAD;
import static lab.overload.engine.lesson.Metric.OFFERED;
import static lab.overload.engine.lesson.Metric.OLDEST_QUEUED_MILLIS;
import static lab.overload.engine.lesson.Metric.QUEUE_GROWTH_PER_SECOND;
import static lab.overload.engine.lesson.Metric.QUEUE;
import static lab.overload.engine.lesson.Metric.REJECTED_REQUESTS;
import static lab.overload.engine.lesson.Metric.SHED;
import static lab.overload.engine.lesson.Metric.SUCCESS_SHARE;
import static lab.overload.engine.lesson.Metric.SUCCESS_LATENCY_MILLIS;
import static lab.overload.engine.lesson.Metric.THROUGHPUT;
import static lab.overload.engine.lesson.Metric.USEFUL_WORK_SECONDS;
import static lab.overload.engine.lesson.Metric.UTILISATION;
import static lab.overload.engine.lesson.Metric.WASTED_SHARE;
import static lab.overload.engine.lesson.Metric.hysteresisRecovers;
import static lab.overload.engine.lesson.Metric.hysteresisRecoverySeconds;
import static lab.overload.engine.lesson.Metric.policy;
import static lab.overload.engine.lesson.Metric.policyMax;
import static lab.overload.engine.lesson.Metric.policyMin;
import static lab.overload.engine.lesson.PlatformMetrics.TIMED_OUT_SHARE;
import static lab.overload.engine.lesson.PlatformMetrics.UNWAITED_SHARE;
import static lab.overload.engine.lesson.PlatformMetrics.clientGoodput;
import static lab.overload.engine.lesson.PlatformMetrics.clientLatencyMillis;
import static lab.overload.engine.lesson.PlatformMetrics.fewestSandboxesOnOthers;
import static lab.overload.engine.lesson.PlatformMetrics.mostSandboxesOnOthers;
import static lab.overload.engine.lesson.PlatformMetrics.sandboxesOn;
import static lab.overload.engine.lesson.PlatformMetrics.stageConcurrency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each "try this" step of each preset claims, as checks: keyed by preset name, one entry per step in order.
 * The changes a step makes are not here: they are read from the step's text ({@link LessonStep}), so the text and
 * the test cannot drift apart. Windows are in sim seconds; "before" is the run the step starts from (the preset as
 * loaded, the same run without the step's timed change, or the step it names).
 */
final class LessonExpectations {
    private LessonExpectations() {
    }

    static final Map<String, List<List<Claim>>> BY_PRESET = new LinkedHashMap<>();

    /** The platform presets' function metrics (counters per second, gauges as sampled). */
    private static final String COLD = "functions.f.invokesCold";
    private static final String CONCURRENCY_F = "functions.f.concurrency";
    private static final String SCALING_THROTTLES = "functions.f.throttledScalingRate";
    private static final String ACCOUNT_THROTTLES = "functions.f.throttledAccountConcurrency";
    private static final String SEARCH_THROTTLES = "functions.search.throttledAccountConcurrency";

    /** What each preset's story claims about the preset as loaded (levels only: the story changes nothing). */
    static final Map<String, List<Claim>> STORY = new LinkedHashMap<>();

    private static void preset(String name, List<List<Claim>> steps) {
        BY_PRESET.put(name, steps);
    }

    private static void story(String name, Claim... claims) {
        STORY.put(name, List.of(claims));
    }

    private static List<Claim> step(Claim... claims) {
        return List.of(claims);
    }

    static {
        preset("lambda-warm-and-cold", List.of(
                step(atLeast(policy(COLD), 30, 32, 50), atMost(policy(COLD), 10, 30, 0.5),
                        atMost(policy(COLD), 35, 60, 0.5)),
                step(risesTo(policy(COLD), 5, 30, 20), risesTo(SUCCESS_LATENCY_MILLIS, 5, 30, 400)),
                step(risesTo(policy(CONCURRENCY_F), 10, 30, 14), between(policy(CONCURRENCY_F), 10, 30, 14, 21))));
        preset("modal-cold-starts", List.of(
                step(atLeast(policy(COLD), 30, 32, 100), atLeast(SUCCESS_LATENCY_MILLIS, 30, 32, 300),
                        atMost(SUCCESS_LATENCY_MILLIS, 10, 30, 150), atLeast(policyMax(CONCURRENCY_F), 30, 32, 200),
                        atMost(policy(COLD), 35, 45, 1)),
                step(fallsTo(policy(COLD), 30, 35, 2), atMost(SUCCESS_LATENCY_MILLIS, 30, 35, 150)),
                step(fallsTo(policyMax(CONCURRENCY_F), 30, 32, 150), fallsTo(SUCCESS_LATENCY_MILLIS, 30, 32, 250))));
        preset("dependency-isolation", List.of(
                step(atLeast(policy(SEARCH_THROTTLES), 25, 40, 100), atMost(policy(SEARCH_THROTTLES), 5, 20, 1)),
                step(fallsTo(policy(SEARCH_THROTTLES), 25, 40, 1),
                        atLeast(policy("functions.checkout.throttledReservedConcurrency"), 25, 40, 100)),
                step(fallsTo(policy(SEARCH_THROTTLES), 25, 40, 1),
                        between(policy("functions.checkout.concurrency"), 25, 40, 85, 125))));
        preset("lambda-concurrency-limits", List.of(
                step(atLeast(policy(SCALING_THROTTLES), 21, 35, 20), atMost(policyMax(CONCURRENCY_F), 21, 30, 99)),
                step(between(policy(ACCOUNT_THROTTLES), 45, 60, 40, 65), atLeast(policy(CONCURRENCY_F), 45, 60, 97)),
                step(fallsTo(policy(SCALING_THROTTLES), 21, 35, 0.1), atLeast(policy(CONCURRENCY_F), 22, 35, 97)),
                step(atMost(policyMax(CONCURRENCY_F), 0, 60, 50),
                        atLeast(policy("functions.f.throttledReservedConcurrency"), 5, 20, 5))));
        String sandboxes = "functions.f.sandboxes";
        preset("lambda-worker-managers", List.of(
                step(between(policy(sandboxes), 20, 30, 25, 40), between(policy(CONCURRENCY_F), 10, 30, 15, 25),
                        atMost(policy(COLD), 2, 30, 0.5), between(sandboxesOn("f", 0), 0, 29, 25, 40),
                        atMost(mostSandboxesOnOthers("f", 0), 0, 29, 0)),
                step(atLeast(policy(COLD), 30, 32, 50), atLeast(policy(sandboxes), 32, 40, 150),
                        between(sandboxesOn("f", 0), 0, 39, 60, 60),
                        between(fewestSandboxesOnOthers("f", 0), 0, 39, 30, 50)),
                step(atMost(policy(COLD), 50, 52, 0.5)),
                step(risesTo(policy(COLD), 50, 52, 50), fallsTo(policy(sandboxes), 47, 50, 40))));
        story("lambda-worker-managers", between(policy(sandboxes), 20, 30, 25, 40), atLeast(policy(COLD), 30, 32, 50),
                atMost(policy(COLD), 50, 52, 0.5), between(sandboxesOn("f", 0), 0, 39, 60, 60));
        preset("one-thing-at-a-time", List.of(
                step(atLeast(clientGoodput("web"), 5, 20, 140), atMost(clientGoodput("web"), 25, 40, 1),
                        atMost(clientGoodput("web"), 45, 60, 1), atLeast(stageConcurrency("server"), 45, 60, 63)),
                step(between(clientLatencyMillis("fn"), 0, 60, 15, 25), between(clientLatencyMillis("fn"), 20, 40, 15, 25),
                        between(policy("functions.f.throttledReservedConcurrency"), 20, 40, 140, 200),
                        between(clientGoodput("fn"), 20, 40, 300, 360), atLeast(clientGoodput("fn"), 45, 60, 140)),
                step(risesTo(clientGoodput("web"), 25, 40, 280), between(clientGoodput("web"), 25, 40, 280, 340),
                        between(clientLatencyMillis("web"), 25, 40, 15, 30), atLeast(clientGoodput("web"), 45, 60, 140))));
        story("one-thing-at-a-time", between(clientLatencyMillis("web"), 0, 20, 15, 30),
                atMost(clientGoodput("web"), 45, 60, 1), between(clientLatencyMillis("fn"), 20, 40, 15, 25),
                between(policy("functions.f.throttledReservedConcurrency"), 20, 40, 500 * 0.28, 500 * 0.40));
        preset("lambda-function-timeout", List.of(
                step(between(TIMED_OUT_SHARE, 0, 60, 0.15, 0.21), atLeast(UNWAITED_SHARE, 0, 60, 0.5)),
                step(fallsTo(WASTED_SHARE, 0, 60, 0.01), atMost(TIMED_OUT_SHARE, 0, 60, 0.01),
                        fallsTo(policy(CONCURRENCY_F), 5, 60, 22), atLeast(policy(CONCURRENCY_F), 5, 60, 17)),
                step(risesTo(SUCCESS_SHARE, 0, 60, 0.99), atMost(TIMED_OUT_SHARE, 0, 60, 0.005),
                        between(policy(CONCURRENCY_F), 5, 60, 2, 3)),
                step(sameWithin(policy(CONCURRENCY_F), 0, 60, 0), sameWithin(GOODPUT, 0, 60, 0))));
        story("lambda-function-timeout", between(TIMED_OUT_SHARE, 0, 60, 0.15, 0.21), between(policy(CONCURRENCY_F), 5, 60, 26, 32),
                atLeast(UNWAITED_SHARE, 0, 60, 0.5));
        preset("goodput-collapse", List.of(
                step(between(THROUGHPUT, 40, 90, 245, 285), atLeast(GOODPUT, 0, 20, 180),
                        atMost(GOODPUT, 40, 90, 1), atLeast(BUSY_FOR_GONE, 40, 90, 31)),
                step(fallsTo(ATTEMPTS, 40, 90, 420), atMost(GOODPUT, 40, 90, 1), fallsTo(QUEUE, 80, 90, 10_000),
                        atLeast(QUEUE, 80, 90, 3000)),
                step(risesTo(GOODPUT, 40, 90, 340), atMost(QUEUE, 40, 90, 16)),
                step(fallsTo(QUEUE, 80, 90, 1500), atMost(GOODPUT, 40, 90, 10)),
                step(fallsTo(OFFERED, 65, 90, 215), atMost(GOODPUT, 65, 90, 1), atLeast(ATTEMPTS, 65, 90, 550))));
        preset("tipping-point", List.of(
                step(between(THROUGHPUT, 60, 150, 95, 125), atLeast(THROUGHPUT, 50, 54, 250),
                        atLeast(OFFERED, 140, 150, 550)),
                step(atMost(CONCURRENCY, 30, 50, 8), atLeast(CONCURRENCY, 57, 150, 63)),
                step(between(THROUGHPUT, 100, 150, 340, 390), risesTo(THROUGHPUT, 100, 150, 340),
                        atMost(CONCURRENCY, 0, 150, 8), atLeast(QUEUE, 140, 150, 1000)),
                step(between(THROUGHPUT, 70, 150, 230, 260), risesTo(THROUGHPUT, 70, 150, 230),
                        atLeast(CONCURRENCY, 70, 150, 63))));
        preset("servers-too-optimistic", List.of(
                step(between(THROUGHPUT, 30, 90, 380, 420), atLeast(GOODPUT, 0, 20, 280),
                        atMost(GOODPUT, 30, 90, 1)),
                step(atLeast(OLDEST_QUEUED_MILLIS, 27, 90, 1000), atLeast(OLDEST_QUEUED_MILLIS, 85, 90, 7000)),
                step(risesTo(GOODPUT, 30, 90, 380), atMost(OLDEST_QUEUED_MILLIS, 30, 90, 150)),
                step(between(GOODPUT, 30, 90, 150, 260), risesTo(GOODPUT, 30, 90, 150),
                        atLeast(BUSY_FOR_GONE, 30, 90, 2))));
        preset("clients-retry", List.of(
                step(atLeast(ATTEMPTS_PER_REQUEST, 40, 50, 2.8)),
                step(atMost(GOODPUT, 60, 120, 1), atLeast(ATTEMPTS, 60, 120, 850)),
                step(atMost(GOODPUT, 40, 50, 5), risesTo(GOODPUT, 66, 120, 280), fallsTo(QUEUE, 70, 120, 10)),
                step(risesTo(GOODPUT, 30, 50, 380), risesTo(GOODPUT, 60, 120, 280),
                        risesTo(OLDEST_QUEUED_MILLIS, 110, 120, 60_000))));
        preset("load-shedding", List.of(
                step(atLeast(GOODPUT, 40, 90, 340), atMost(WASTED_SHARE, 40, 90, 0.01)),
                step(fallsTo(GOODPUT, 40, 90, 200), risesTo(ATTEMPTS, 40, 90, 900)),
                step(fallsTo(GOODPUT, 60, 90, 1), risesTo(WASTED_SHARE, 60, 90, 0.95)),
                step(fallsTo(THROUGHPUT, 40, 90, 170), fallsTo(GOODPUT, 40, 90, 160))));
        String tokens = "clients.web.retryTokens";
        preset("retry-budgets", List.of(
                step(atMost(policy(tokens), 40, 50, 30), atLeast(policy("clients.web.retriesDenied"), 40, 50, 300),
                        atLeast(policyMin(tokens), 70, 120, 499)),
                step(atMost(ATTEMPTS_PER_REQUEST, 40, 50, 1.01), atLeast(GOODPUT, 60, 120, 290)),
                step(risesTo(ATTEMPTS_PER_REQUEST, 60, 120, 2.8), fallsTo(GOODPUT, 60, 120, 1)),
                step(atLeast(GOODPUT, 60, 120, 290), atMost(ATTEMPTS_PER_REQUEST, 60, 120, 1.01)),
                step(between(ATTEMPTS_PER_REQUEST, 70, 120, 1.1, 1.3), fallsTo(GOODPUT, 70, 120, 1))));
        preset("metastable-retry-storm", List.of(
                step(between(THROUGHPUT, 30, 120, 245, 285), atLeast(GOODPUT, 0, 20, 180),
                        atMost(GOODPUT, 30, 120, 1)),
                step(risesTo(GOODPUT, 36, 120, 180)),
                step(atMost(GOODPUT, 40, 120, 1), fallsTo(QUEUE, 110, 120, 5000),
                        atMost(ATTEMPTS_PER_REQUEST, 45, 120, 1.01)),
                step(risesTo(GOODPUT, 42, 120, 180), atLeast(QUEUE, 50, 120, 5000)),
                step(risesTo(GOODPUT, 50, 120, 180), fallsTo(QUEUE, 50, 120, 1)),
                step(atMost(GOODPUT, 30, 120, 10)),
                step(risesTo(GOODPUT, 42, 120, 180), atMost(ATTEMPTS_PER_REQUEST, 45, 120, 1.05)),
                step(atMost(GOODPUT, 30, 60, 10), atLeast(ATTEMPTS, 30, 80, 220), risesTo(GOODPUT, 90, 120, 180)),
                step(between(HYSTERESIS_RECOVERY_LOAD, 0, 120, 60, 80), atMost(hysteresisRecovers(100), 0, 120, 0),
                        between(hysteresisRecoverySeconds(70), 0, 120, 40, 70))));
        preset("timeouts-waste-work", List.of(
                step(between(BUSY_FOR_GONE, 0, 40, 0.1, 1.5), atLeast(BUSY_FOR_GONE, 60, 120, 7.5),
                        atMost(GOODPUT, 60, 120, 1)),
                step(between(WASTED_SHARE, 60, 120, 0.35, 0.6), risesTo(GOODPUT, 60, 120, 25),
                        fallsTo(WASTED_SHARE, 60, 120, 0.6)),
                step(fallsTo(WASTED_SHARE, 0, 60, 0.01), risesTo(GOODPUT, 40, 60, 37),
                        between(SUCCESS_LATENCY_MILLIS, 40, 60, 580, 660),
                        risesTo(SUCCESS_LATENCY_MILLIS, 40, 60, 580)),
                step(fallsTo(WASTED_SHARE, 60, 120, 0.35), risesTo(GOODPUT, 60, 120, 33),
                        risesTo(OLDEST_QUEUED_MILLIS, 60, 120, 20_000))));
        preset("server-side-timeouts", List.of(
                step(between(OLDEST_QUEUED_MILLIS, 30, 90, 5000, 9000), atMost(GOODPUT, 30, 90, 3),
                        atLeast(THROUGHPUT, 30, 90, 35), atLeast(BUSY_FOR_GONE, 30, 90, 7),
                        atLeast(OLDEST_QUEUED_MILLIS, 95, 120, 12_000)),
                step(sameWithin(GOODPUT, 0, 120, 0), sameWithin(FAILED_REQUESTS, 0, 120, 0)),
                step(between(GOODPUT, 30, 90, 12, 18), risesTo(GOODPUT, 30, 90, 12), atLeast(GOODPUT, 95, 120, 25)),
                step(risesTo(GOODPUT, 30, 90, 40), fallsTo(BUSY_FOR_GONE, 30, 90, 0.5)),
                step(between(GOODPUT, 30, 90, 22, 32), fallsTo(GOODPUT, 30, 90, 32)),
                step(fallsTo(GOODPUT, 30, 90, 3))));
        preset("bounded-work", List.of(
                step(between(BUSY_FOR_GONE, 0, 40, 0.5, 2), atLeast(BUSY_FOR_GONE, 60, 120, 15.5),
                        atLeast(ATTEMPTS_PER_REQUEST, 60, 120, 2.8), atMost(GOODPUT, 60, 120, 1)),
                step(between(REJECTED_REQUESTS, 0, 120, 50, 120), fallsTo(WASTED_SHARE, 0, 120, 0.001),
                        risesTo(GOODPUT, 40, 120, 190)),
                step(atMost(FAILED_REQUESTS, 0, 120, 0), atLeast(USEFUL_WORK_SECONDS, 0, 120, 1050),
                        fallsTo(WASTED_SHARE, 0, 120, 0.001)),
                step(between(FAILED_REQUESTS, 0, 120, 50, 100), between(ABANDONED_WORK_SECONDS, 0, 120, 200, 260),
                        risesTo(GOODPUT, 60, 120, 190)),
                step(fallsTo(FAILED_REQUESTS, 0, 120, 10), fallsTo(ABANDONED_WORK_SECONDS, 0, 120, 120))));
        String limit = "services.api.limit";
        preset("adaptive-concurrency", List.of(
                step(atMost(THROUGHPUT, 40, 120, 850), atLeast(CONCURRENCY, 40, 120, 195),
                        atMost(GOODPUT, 40, 120, 800), atLeast(GOODPUT, 0, 30, 1150)),
                step(risesTo(GOODPUT, 30, 40, 1300), risesTo(GOODPUT, 40, 120, 1180)),
                step(between(policy(limit), 40, 120, 15, 21), risesTo(GOODPUT, 30, 40, 1150),
                        between(SHED, 40, 120, 5, 30)),
                step(fallsTo(policy(limit), 40, 120, 15.5), risesTo(SHED, 40, 120, 120)),
                step(fallsTo(GOODPUT, 20, 30, 1100), fallsTo(GOODPUT, 40, 120, 1050),
                        atMost(policyMin(limit), 0, 120, 2)),
                step(risesTo(GOODPUT, 30, 40, 1500))));
        preset("slow-dependency", List.of(
                step(between(CONCURRENCY, 0, 30, 9, 11), atLeast(CONCURRENCY, 30, 60, 19.5),
                        between(policy("services.api.dependencyInFlight"), 0, 30, 5, 7)),
                step(risesTo(GOODPUT, 30, 60, 190), atMost(CONCURRENCY, 30, 60, 36)),
                step(fallsTo(GOODPUT, 30, 60, 4), atMost(GOODPUT, 60, 70, 1)),
                step(risesTo(GOODPUT, 60, 70, 200), atMost(GOODPUT, 30, 60, 20)),
                step(between(policy("services.api.dependencyRefused"), 30, 60, 80, 120),
                        risesTo(GOODPUT, 30, 60, 85), atMost(QUEUE, 30, 60, 1))));
        preset("littles-law", List.of(
                step(between(CONCURRENCY, 10, 30, 4.5, 5.5), between(CONCURRENCY, 35, 60, 14, 16)),
                step(risesTo(CONCURRENCY, 45, 60, 18), risesTo(QUEUE, 45, 60, 5)),
                step(between(CONCURRENCY, 10, 30, 2.2, 2.8), between(CONCURRENCY, 35, 60, 6.5, 8),
                        fallsTo(CONCURRENCY, 35, 60, 8))));
    }

    static {
        story("goodput-collapse", atMost(SUCCESS_LATENCY_MILLIS, 0, 20, 100), atMost(THROUGHPUT, 40, 90, 300),
                atMost(GOODPUT, 40, 90, 1));
        story("tipping-point", between(THROUGHPUT, 50, 54, 250, 290), between(THROUGHPUT, 60, 150, 95, 125),
                atLeast(CONCURRENCY, 60, 150, 63), atLeast(SUCCESS_LATENCY_MILLIS, 140, 150, 10_000));
        story("servers-too-optimistic", between(QUEUE_GROWTH_PER_SECOND, 25, 90, 40, 65),
                between(THROUGHPUT, 30, 90, 380, 420), atMost(GOODPUT, 30, 90, 1));
        story("clients-retry", atLeast(ATTEMPTS_PER_REQUEST, 40, 50, 2.8), between(ATTEMPTS, 60, 120, 850, 950),
                atMost(GOODPUT, 60, 120, 1));
        story("load-shedding", atMost(SUCCESS_LATENCY_MILLIS, 40, 90, 500), atLeast(GOODPUT, 40, 90, 340));
        story("retry-budgets", atMost(ATTEMPTS_PER_REQUEST, 40, 50, 1.01), atLeast(GOODPUT, 60, 120, 290));
        story("metastable-retry-storm", between(GOODPUT, 0, 20, 180, 210), between(THROUGHPUT, 30, 120, 245, 285),
                between(QUEUE, 25, 26, 2000, 10_000), between(ATTEMPTS, 30, 120, 550, 650),
                atMost(GOODPUT, 30, 120, 1));
        story("timeouts-waste-work", between(UTILISATION, 0, 40, 0.7, 0.85), atLeast(WASTED_SHARE, 0, 40, 0.05),
                between(THROUGHPUT, 60, 120, 38, 43), atLeast(BUSY_FOR_GONE, 60, 120, 7.5));
        story("server-side-timeouts", between(GOODPUT, 30, 90, 2, 3), between(THROUGHPUT, 30, 90, 36, 40),
                between(BUSY_FOR_GONE, 30, 90, 7.2, 7.8), between(WASTED_SHARE, 30, 90, 0.93, 0.98),
                between(QUEUE, 90, 91, 600, 900), between(OLDEST_QUEUED_MILLIS, 90, 91, 13_500, 16_500),
                atMost(GOODPUT, 95, 120, 1));
        story("bounded-work", atLeast(SUCCESS_SHARE, 0, 40, 0.99), between(WASTED_SHARE, 0, 40, 0.25, 0.33),
                atLeast(BUSY_FOR_GONE, 54, 120, 15.5), atLeast(ATTEMPTS_PER_REQUEST, 60, 120, 2.8),
                atMost(GOODPUT, 54, 120, 1));
        story("adaptive-concurrency", between(CONCURRENCY, 0, 30, 17, 21), between(SHED, 40, 120, 360, 420),
                between(GOODPUT, 40, 120, 740, 800), atMost(THROUGHPUT, 40, 120, 850));
        story("slow-dependency", between(CONCURRENCY, 0, 30, 9, 11),
                between(policy("services.api.dependencyInFlight"), 0, 30, 5, 7), between(THROUGHPUT, 30, 60, 110, 125),
                between(GOODPUT, 30, 60, 7, 13), between(BUSY_FOR_GONE, 30, 60, 17, 19.5),
                between(QUEUE, 59.9, 60, 2000, 2800), atMost(GOODPUT, 60, 70, 1), atLeast(GOODPUT, 72, 120, 190));
        story("littles-law", between(CONCURRENCY, 10, 30, 4.5, 5.5), between(CONCURRENCY, 35, 60, 14, 16));
    }

    /** A queue's sampled state, averaged over the intervals where it is defined (an age needs a message taken). */
    private static Metric queueMean(String name) {
        return Metric.of(name, (r, a, b) -> r.window(a, b).stream()
                .mapToDouble(x -> x.policy().getOrDefault(name, Double.NaN)).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN));
    }

    private static final Metric INBOX_BACKLOG = queueMean("queues.inbox.inQueue");
    private static final Metric INBOX_AGE = queueMean("queues.inbox.ageMillis");
    private static final Metric INBOX_EXPIRED = Metric.policy("queues.inbox.expired");
    private static final Metric INBOX_THROTTLED = Metric.policy("queues.inbox.throttled");
    private static final Metric IMPACTED = queueMean("queues.events.impactedTenants");
    private static final Metric EVENTS_BACKLOG = queueMean("queues.events.inQueue");
    private static final Metric INBOX_PROCESSED = Metric.policy("queues.inbox.processed");
    private static final Metric EVENTS_PROCESSED = Metric.policy("queues.events.processed");
    private static final Metric ASYNC_IMPACTED = queueMean("queues.async.impactedTenants");
    private static final Metric ASYNC_BACKLOG = queueMean("queues.async.inQueue");
    private static final Metric ASYNC_EMPTY_POLLS = Metric.policy("queues.async.emptyPolls");
    private static final Metric ASYNC_PROCESSED = Metric.policy("queues.async.processed");

    static {
        preset("queue-backlog", List.of(
                step(atLeast(INBOX_BACKLOG, 29.9, 30.1, 900), atLeast(INBOX_BACKLOG, 54.9, 55.1, 400),
                        between(INBOX_AGE, 35, 60, 12_000, 18_000)),
                step(fallsTo(INBOX_AGE, 35, 60, 9000)),
                step(atLeast(INBOX_EXPIRED, 30, 40, 10), fallsTo(INBOX_BACKLOG, 40, 60, 50),
                        fallsTo(INBOX_AGE, 35, 60, 5000)),
                step(atMost(INBOX_BACKLOG, 20, 60, 100), atLeast(INBOX_THROTTLED, 20, 30, 50),
                        fallsTo(INBOX_AGE, 20, 60, 2500))));
        story("queue-backlog", between(INBOX_BACKLOG, 29.9, 30.1, 900, 1200), atLeast(INBOX_BACKLOG, 54.9, 55.1, 400),
                between(INBOX_AGE, 35, 60, 10_000, 20_000), atMost(INBOX_AGE, 0, 20, 1000),
                between(INBOX_PROCESSED, 35, 60, 45, 55));
        preset("shuffle-sharding", List.of(
                step(atLeast(IMPACTED, 30, 60, 300), atLeast(EVENTS_BACKLOG, 50, 60, 2000)),
                step(fallsTo(IMPACTED, 30, 60, 40), atLeast(IMPACTED, 30, 60, 10)),
                step(risesTo(IMPACTED, 30, 60, 80))));
        story("shuffle-sharding", atMost(IMPACTED, 0, 20, 1), atLeast(IMPACTED, 30, 60, 300),
                between(EVENTS_PROCESSED, 30, 60, 380, 410));
        preset("lambda-async-under-the-hood", List.of(
                step(atLeast(ASYNC_IMPACTED, 30, 60, 150), atLeast(ASYNC_BACKLOG, 59.9, 60, 3000),
                        atMost(ASYNC_EMPTY_POLLS, 0, 20, 60)),
                step(atMost(ASYNC_IMPACTED, 30, 60, 1.5), atLeast(ASYNC_EMPTY_POLLS, 30, 60, 1500)),
                step(atMost(ASYNC_IMPACTED, 30, 60, 10), atMost(ASYNC_EMPTY_POLLS, 30, 60, 100)),
                step(atMost(ASYNC_IMPACTED, 30, 60, 1))));
        story("lambda-async-under-the-hood", atMost(ASYNC_IMPACTED, 0, 20, 0.5),
                between(ASYNC_BACKLOG, 59.9, 60, 3400, 4400), between(ASYNC_PROCESSED, 30, 60, 190, 210));
        queueOrderLessons();
    }

    /** A client group's requests refused (429s out of retries) per second over the window. */
    private static Metric refusedPerSecond(String client) {
        return Metric.of(client + " refused per s", (r, a, b) -> r.window(a, b).stream()
                .mapToDouble(x -> x.byClient().containsKey(client)
                        ? x.byClient().get(client).requests().failedRejected() : 0)
                .sum() / (b - a));
    }

    /** The lessons on the order inside a queue: priority and demotion, TTL and backpressure, the surge queue. */
    private static void queueOrderLessons() {
        Metric chatAge = queueMean("queues.inbox.class0AgeMillis");
        Metric broadcastAge = queueMean("queues.inbox.class1AgeMillis");
        Metric demoted = Metric.policy("queues.inbox.demoted");
        Metric spilled = Metric.policy("queues.inbox.spilled");
        Metric mainAge = queueMean("queues.inbox.mainAgeMillis");
        Metric surgeAge = queueMean("queues.inbox.surgeAgeMillis");
        Metric surgeBacklog = queueMean("queues.inbox.surgeInQueue");
        preset("lifo-and-priority", List.of(
                step(fallsTo(chatAge, 35, 60, 500), atMost(chatAge, 20, 90, 500),
                        risesTo(broadcastAge, 35, 60, 20_000), sameWithin(INBOX_BACKLOG, 20, 90, 0.01)),
                step(fallsTo(chatAge, 20, 30, 1500), atLeast(demoted, 20, 30, 5)),
                step(fallsTo(chatAge, 20, 30, 500), risesTo(broadcastAge, 35, 60, 18_000))));
        story("lifo-and-priority", between(INBOX_BACKLOG, 29.9, 30.1, 900, 1200),
                between(chatAge, 35, 60, 10_000, 20_000), atMost(INBOX_BACKLOG, 85, 120, 5));
        preset("ttl-and-backpressure", List.of(
                step(atLeast(INBOX_EXPIRED, 20, 35, 2), fallsTo(INBOX_BACKLOG, 40, 60, 20),
                        atMost(chatAge, 30, 35, 5500), fallsTo(chatAge, 35, 60, 1000)),
                step(atMost(INBOX_BACKLOG, 20, 60, 100), atLeast(INBOX_THROTTLED, 20, 30, 5),
                        atMost(chatAge, 20, 35, 2000)),
                step(fallsTo(chatAge, 20, 35, 200), atLeast(INBOX_THROTTLED, 20, 30, 5),
                        atLeast(refusedPerSecond("chat"), 20, 30, 5))));
        story("ttl-and-backpressure", between(INBOX_BACKLOG, 29.9, 30.1, 900, 1200),
                between(chatAge, 35, 60, 10_000, 20_000), atMost(INBOX_BACKLOG, 85, 120, 5));
        preset("surge-queue", List.of(
                step(between(INBOX_AGE, 30, 35, 5000, 10_000), atMost(INBOX_BACKLOG, 55, 120, 5)),
                step(atLeast(spilled, 20, 30, 5), atMost(mainAge, 20, 35, 1000),
                        between(surgeBacklog, 29.9, 30.1, 600, 1000)),
                step(risesTo(surgeBacklog, 55, 65, 200), risesTo(surgeAge, 60, 90, 40_000),
                        sameWithin(mainAge, 20, 35, 50))));
        story("surge-queue", between(INBOX_BACKLOG, 29.9, 30.1, 700, 850), between(INBOX_AGE, 30, 35, 5000, 10_000),
                atMost(INBOX_BACKLOG, 55, 120, 5));
    }
}
