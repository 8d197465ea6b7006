package lab.overload.engine.lesson;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import lab.overload.engine.metrics.ClientInterval;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.StageInterval;

/**
 * Numbers the platform lessons talk about that are not totals: one client group's goodput and latency, one stage's
 * busy workers, the work of the run by ledger class, and a function's sandboxes on each worker manager.
 */
final class PlatformMetrics {
    private PlatformMetrics() {
    }

    /** Requests of one client group that succeeded, per second of the window. */
    static Metric clientGoodput(String client) {
        return Metric.of(client + " goodput per s", (r, a, b) -> r.window(a, b).stream()
                .mapToDouble(s -> client(s, client).requests().succeeded()).sum() / (b - a));
    }

    /** Mean latency of one client group's successful requests in the window (NaN when none succeeded). */
    static Metric clientLatencyMillis(String client) {
        return Metric.of(client + " latency of successes ms", (r, a, b) -> {
            double sum = 0;
            double n = 0;
            for (IntervalSnapshot s : r.window(a, b)) {
                ClientInterval c = client(s, client);
                if (c.requests().succeeded() > 0) {
                    sum += c.latencyMeanMillis() * c.requests().succeeded();
                    n += c.requests().succeeded();
                }
            }
            return sum / n;
        });
    }

    /** One stage's busy workers (a service's threads, a function's busy sandboxes), averaged over the window. */
    static Metric stageConcurrency(String stage) {
        return Metric.of(stage + " busy workers", (r, a, b) -> r.window(a, b).stream()
                .mapToDouble(s -> stage(s, stage).concurrencyMean()).average().orElseThrow());
    }

    /** Worker-seconds of work nobody waited for (wasted, or abandoned at a server-side timeout) over all work. */
    static final Metric UNWAITED_SHARE = Metric.of("share of work nobody waited for", (r, a, b) -> {
        double useful = sum(r, a, b, IntervalSnapshot::usefulWorkSeconds);
        double other = sum(r, a, b, IntervalSnapshot::wastedWorkSeconds)
                + sum(r, a, b, IntervalSnapshot::abandonedWorkSeconds);
        return other / (useful + other);
    });

    /** Requests that timed out at the client per new request in the window. */
    static final Metric TIMED_OUT_SHARE = Metric.of("timeouts per request", (r, a, b) ->
            sum(r, a, b, IntervalSnapshot::failedTimeout) / sum(r, a, b, IntervalSnapshot::offered));

    /** A function's sandboxes (any state) on one worker manager at the window's end. */
    static Metric sandboxesOn(String function, int workerManager) {
        return Metric.of(function + " sandboxes on wm" + workerManager, (r, a, b) ->
                Arrays.stream(r.sandboxesByWorkerManager(function, b)[workerManager]).sum());
    }

    /** The fewest sandboxes of a function on any worker manager other than {@code home}, at the window's end. */
    static Metric fewestSandboxesOnOthers(String function, int home) {
        return Metric.of(function + " fewest sandboxes on a worker manager other than wm" + home, (r, a, b) -> {
            int[][] byWm = r.sandboxesByWorkerManager(function, b);
            double fewest = Double.POSITIVE_INFINITY;
            for (int wm = 0; wm < byWm.length; wm++) {
                if (wm != home) {
                    fewest = Math.min(fewest, Arrays.stream(byWm[wm]).sum());
                }
            }
            return fewest;
        });
    }

    /** The most sandboxes of a function on any worker manager other than {@code home}, at the window's end. */
    static Metric mostSandboxesOnOthers(String function, int home) {
        return Metric.of(function + " most sandboxes on a worker manager other than wm" + home, (r, a, b) -> {
            int[][] byWm = r.sandboxesByWorkerManager(function, b);
            double most = 0;
            for (int wm = 0; wm < byWm.length; wm++) {
                if (wm != home) {
                    most = Math.max(most, Arrays.stream(byWm[wm]).sum());
                }
            }
            return most;
        });
    }

    private static ClientInterval client(IntervalSnapshot s, String name) {
        ClientInterval c = s.byClient().get(name);
        if (c == null) {
            throw new IllegalArgumentException("no client group named " + name + " in " + s.byClient().keySet());
        }
        return c;
    }

    private static StageInterval stage(IntervalSnapshot s, String name) {
        StageInterval st = s.byStage().get(name);
        if (st == null) {
            throw new IllegalArgumentException("no stage named " + name + " in " + s.byStage().keySet());
        }
        return st;
    }

    private static double sum(StepRun r, double a, double b, ToDoubleFunction<IntervalSnapshot> f) {
        return r.window(a, b).stream().mapToDouble(f).sum();
    }
}
