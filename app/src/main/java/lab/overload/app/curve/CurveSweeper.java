package lab.overload.app.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.StagePoint;
import lab.overload.engine.run.Sweep;
import lab.overload.models.scenario.Scenario;

/**
 * Computes tipping-point curves in the background: one sweep at a time on its own daemon thread (which fans the
 * grid out over {@code threads} engine threads), never on the FX thread. The latest request wins: a new request
 * cancels the sweep in progress (its queued grid points are dropped) and a result that is no longer the latest is
 * never delivered. Each finished sweep is handed over once, as one immutable {@link Curve}, through the delivery
 * executor ({@code Platform::runLater} in the app), which re-checks that it is still the latest.
 *
 * <p>Thread rule: {@link #request} and {@link #cancel} from any thread (the app calls them on the FX thread); the
 * callbacks run on the delivery executor.
 */
public final class CurveSweeper implements AutoCloseable {
    /** Name of the thread that runs sweeps. */
    public static final String THREAD_NAME = "tipping-point-sweep";

    /** One daemon thread, started on demand and ended after a few idle seconds, so an idle sweeper holds none. */
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, THREAD_NAME);
                t.setDaemon(true);
                return t;
            });
    private final Executor delivery;
    private final int threads;
    private final Consumer<Curve> onCurve;
    private final Consumer<String> onFailure;
    private final AtomicLong latest = new AtomicLong();
    private Future<?> running;

    /** A sweeper on every core that delivers on the FX thread. */
    public CurveSweeper(Consumer<Curve> onCurve, Consumer<String> onFailure) {
        this(Platform::runLater, Runtime.getRuntime().availableProcessors(), onCurve, onFailure);
    }

    /**
     * @param delivery  runs the callbacks (one task per finished sweep)
     * @param threads   engine threads per sweep
     * @param onCurve   receives each curve that is still the latest request's
     * @param onFailure receives the message of a sweep that failed (still the latest)
     */
    public CurveSweeper(Executor delivery, int threads, Consumer<Curve> onCurve, Consumer<String> onFailure) {
        executor.allowCoreThreadTimeOut(true);
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.threads = Math.max(1, threads);
        this.onCurve = Objects.requireNonNull(onCurve, "onCurve");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Starts a sweep of the scenario's current settings, superseding any earlier request; returns its id. */
    public synchronized long request(Scenario scenario, String label) {
        return request(scenario, "", label);
    }

    /**
     * Starts a sweep of the scenario's current settings measured at {@code stage} (empty: the totals), superseding
     * any earlier request; returns its id.
     */
    public synchronized long request(Scenario scenario, String stage, String label) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(label, "label");
        long id = latest.incrementAndGet();
        if (running != null) {
            running.cancel(true);
        }
        running = executor.submit(() -> sweep(id, scenario, stage, label));
        return id;
    }

    /** Drops the request in progress: nothing more is delivered until the next request. */
    public synchronized void cancel() {
        latest.incrementAndGet();
        if (running != null) {
            running.cancel(true);
        }
    }

    /** The id of the newest request (0 before the first). */
    public long latestRequest() {
        return latest.get();
    }

    private void sweep(long id, Scenario scenario, String stage, String label) {
        if (id != latest.get()) {
            return;
        }
        Curve curve;
        try {
            curve = compute(scenario, stage, label, threads);
        } catch (RuntimeException e) {
            if (id == latest.get()) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                delivery.execute(() -> {
                    if (id == latest.get()) {
                        onFailure.accept(message);
                    }
                });
            }
            return;
        }
        if (id == latest.get()) {
            delivery.execute(() -> {
                if (id == latest.get()) {
                    onCurve.accept(curve);
                }
            });
        }
    }

    /**
     * Sweeps the scenario's first client's load now, on this thread and {@code threads} engine threads (never on
     * the FX thread: the engine refuses it). Blocking; interrupting the caller abandons the sweep.
     */
    public static Curve compute(Scenario scenario, String label, int threads) {
        return compute(scenario, "", label, threads);
    }

    /**
     * Sweeps the load of the client group that calls {@code stage} (empty: the first client, measuring the totals),
     * as {@link #compute(Scenario, String, int)}. At a stage a point is its load (attempts reaching it per second),
     * its goodput (useful answers per second) and throughput, and the p99 latency of the calling client group's
     * successes.
     */
    public static Curve compute(Scenario scenario, String stage, String label, int threads) {
        long start = System.nanoTime();
        CurvePlan plan = CurvePlan.of(scenario, stage);
        List<Sweep.Row> rows = Sweep.run(scenario, plan.sweepPlan(scenario.seed()), 0, 1, threads);
        String caller = CurvePlan.feedingClient(scenario, stage).name();
        List<Curve.Point> points = new ArrayList<>(rows.size());
        for (Sweep.Row row : rows) {
            Summary s = row.summary();
            StagePoint p = row.stage();
            points.add(p == null ? new Curve.Point(row.value(), s.requestsTotal() / s.measuredSeconds(),
                    s.goodputPerSecond(), s.throughputPerSecond(), s.latencyP99())
                    : new Curve.Point(row.value(), p.loadPerSecond(), p.goodputPerSecond(), p.throughputPerSecond(),
                    s.byClient().get(caller).latency().p99()));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return Curve.of(label, plan.path(), points, plan.capacityPerSecond(), scenario, millis);
    }

    /** Waits until every request made so far has finished or been dropped (for tests and orderly shutdown). */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            executor.submit(() -> { }).get(timeout, unit);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Cancels any sweep and stops the thread. */
    @Override
    public void close() {
        cancel();
        executor.shutdownNow();
    }
}
