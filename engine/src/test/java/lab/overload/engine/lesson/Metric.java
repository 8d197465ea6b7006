package lab.overload.engine.lesson;

import java.util.List;
import java.util.function.ToDoubleFunction;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.Hysteresis;

/** A number a lesson step talks about, measured on a run over a window of sim time [from, to] in seconds. */
interface Metric {
    String name();

    double measure(StepRun run, double fromSeconds, double toSeconds);

    Metric GOODPUT = rate("goodput per s", IntervalSnapshot::goodputPerSecond);
    Metric THROUGHPUT = rate("throughput per s", IntervalSnapshot::throughputPerSecond);
    Metric ATTEMPTS = rate("attempts per s", IntervalSnapshot::attemptsPerSecond);
    Metric OFFERED = rate("offered per s", IntervalSnapshot::offeredPerSecond);
    Metric SHED = rate("rejected per s", IntervalSnapshot::rejectedPerSecond);
    Metric CONCURRENCY = mean("busy workers", IntervalSnapshot::concurrencyMean);
    Metric QUEUE = mean("queue length", IntervalSnapshot::queueLengthMean);
    Metric OLDEST_QUEUED_MILLIS = mean("oldest queued age ms", IntervalSnapshot::oldestQueuedAgeMillis);
    Metric BUSY_FOR_GONE = mean("workers serving clients who left", IntervalSnapshot::busyClientGoneMean);
    Metric UTILISATION = mean("utilisation", IntervalSnapshot::utilization);

    /** Successes per new request in the window (close to the success ratio when the window is long). */
    Metric SUCCESS_SHARE = of("successes per request", (r, a, b) -> sum(r, a, b, IntervalSnapshot::succeeded)
            / sum(r, a, b, IntervalSnapshot::offered));

    /** How fast the queue grows: its mean in the window's last second less that in its first, per second. */
    Metric QUEUE_GROWTH_PER_SECOND = of("queue growth per s", (r, a, b) -> (QUEUE.measure(r, b - 1, b)
            - QUEUE.measure(r, a, a + 1)) / (b - a - 1));

    /** Attempts per offered request. */
    Metric ATTEMPTS_PER_REQUEST = of("attempts per request", (r, a, b) -> sum(r, a, b,
            IntervalSnapshot::attempts) / sum(r, a, b, IntervalSnapshot::offered));

    /** Work finished for clients who had left, as a share of all finished work. */
    Metric WASTED_SHARE = of("wasted share of work", (r, a, b) -> {
        double wasted = sum(r, a, b, IntervalSnapshot::wastedWorkSeconds);
        return wasted / (wasted + sum(r, a, b, IntervalSnapshot::usefulWorkSeconds));
    });

    /** Mean client-observed latency of the requests that succeeded (NaN when none did). */
    Metric SUCCESS_LATENCY_MILLIS = of("latency of successes ms", (r, a, b) -> sum(r, a, b,
            s -> s.succeeded() == 0 ? 0 : s.latencyMeanMillis() * s.succeeded()) / sum(r, a, b,
            IntervalSnapshot::succeeded));

    /** Whole-run totals from the summary (the window must be the whole run). */
    Metric FAILED_REQUESTS = total("failed requests", s -> s.failedTimeout() + s.failedRejected() + s.failedError());
    Metric REJECTED_REQUESTS = total("requests failed on rejection", Summary::failedRejected);
    Metric USEFUL_WORK_SECONDS = total("useful worker-seconds", Summary::usefulWork);
    Metric ABANDONED_WORK_SECONDS = total("abandoned worker-seconds", Summary::abandonedWork);

    /** A policy value: a counter per second, or a sampled state averaged over the window. */
    static Metric policy(String name) {
        return of(name, (r, a, b) -> {
            List<IntervalSnapshot> w = r.window(a, b);
            double mean = w.stream().mapToDouble(s -> s.policy().getOrDefault(name, Double.NaN)).average()
                    .orElseThrow();
            return w.get(0).isPolicyCounter(name) ? mean / w.get(0).seconds() : mean;
        });
    }

    /** The smallest sampled value of a policy state in the window. */
    static Metric policyMin(String name) {
        return of("lowest " + name, (r, a, b) -> r.window(a, b).stream()
                .mapToDouble(s -> s.policy().getOrDefault(name, Double.NaN)).min().orElseThrow());
    }

    /** The largest sampled value of a policy state in the window. */
    static Metric policyMax(String name) {
        return of("highest " + name, (r, a, b) -> r.window(a, b).stream()
                .mapToDouble(s -> s.policy().getOrDefault(name, Double.NaN)).max().orElseThrow());
    }

    /** The hysteresis command's recovery load: the highest post-spike load at which the run recovers. */
    Metric HYSTERESIS_RECOVERY_LOAD = of("hysteresis recovery load per s", (r, a, b) ->
            r.hysteresis().recoveryLoad());

    /** 1 if the hysteresis command finds the run recovered with this post-spike load, else 0. */
    static Metric hysteresisRecovers(double load) {
        return of("recovers at " + load + "/s (1 = yes)", (r, a, b) -> row(r, load).recovered() ? 1 : 0);
    }

    /** Seconds to recover after the spike with this post-spike load (NaN when it does not). */
    static Metric hysteresisRecoverySeconds(double load) {
        return of("recovery time at " + load + "/s in s", (r, a, b) -> {
            var report = row(r, load).report();
            return report.hasRecoveryTime() ? report.recoverySeconds() : Double.NaN;
        });
    }

    private static Hysteresis.Row row(StepRun r, double load) {
        return r.hysteresis().rows().stream().filter(x -> Math.abs(x.load() - load) < 1e-6).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hysteresis row at " + load + "/s"));
    }

    /** A rate: the window's count over the window's length. */
    private static Metric rate(String name, ToDoubleFunction<IntervalSnapshot> perSecond) {
        return of(name, (r, a, b) -> r.window(a, b).stream().mapToDouble(s -> perSecond.applyAsDouble(s) * s.seconds())
                .sum() / (b - a));
    }

    private static Metric mean(String name, ToDoubleFunction<IntervalSnapshot> f) {
        return of(name, (r, a, b) -> r.window(a, b).stream().mapToDouble(f).average().orElseThrow());
    }

    private static Metric total(String name, ToDoubleFunction<Summary> f) {
        return of(name, (r, a, b) -> {
            if (a != 0 || b != r.scenario.durationSeconds()) {
                throw new IllegalArgumentException(name + " is a whole-run total; its window must be the run");
            }
            return f.applyAsDouble(r.result().summary());
        });
    }

    private static double sum(StepRun r, double a, double b, ToDoubleFunction<IntervalSnapshot> f) {
        return r.window(a, b).stream().mapToDouble(f).sum();
    }

    /** The measuring function of a metric. */
    interface Measure {
        double measure(StepRun run, double fromSeconds, double toSeconds);
    }

    static Metric of(String name, Measure m) {
        return new Metric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double measure(StepRun run, double fromSeconds, double toSeconds) {
                return m.measure(run, fromSeconds, toSeconds);
            }
        };
    }
}
