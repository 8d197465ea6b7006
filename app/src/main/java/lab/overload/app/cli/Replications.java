package lab.overload.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.core.RandomStreams;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.RunResult;
import lab.overload.models.scenario.Scenario;

/**
 * Independent replications of one scenario: replication i runs with seed
 * {@link RandomStreams#replicationSeed(long, int) replicationSeed(seed, i)} (replication 0 is the scenario's own
 * seed). They run in parallel on a fixed-size pool, each in its own {@code World} on one thread, and the results come
 * back in replication order, so the output does not depend on the thread count or on scheduling.
 */
final class Replications {
    private Replications() {
    }

    /** The seed of each replication, in order. */
    static long[] seeds(long seed, int replications) {
        long[] seeds = new long[replications];
        for (int i = 0; i < replications; i++) {
            seeds[i] = RandomStreams.replicationSeed(seed, i);
        }
        return seeds;
    }

    /**
     * Runs the replications; only replication 0 keeps its interval snapshots, and only when {@code keepIntervals}.
     *
     * @param threads the most replications running at once (the pool size is the smaller of this and the count)
     */
    static List<RunResult> run(Scenario scenario, int replications, int threads, boolean keepIntervals) {
        List<IntervalSnapshot> kept = new ArrayList<>();
        List<RunResult> results = run(scenario, replications, threads, keepIntervals ? kept::add : null);
        if (keepIntervals) {
            RunResult r = results.get(0);
            results.set(0, new RunResult(r.summary(), List.copyOf(kept), r.events(), r.wallSeconds()));
        }
        return results;
    }

    /**
     * Runs the replications, streaming replication 0's interval snapshots to {@code intervalSink} as they are sealed
     * (on the thread running it; null for none). No result keeps intervals.
     */
    static List<RunResult> run(Scenario scenario, int replications, int threads,
                               Consumer<IntervalSnapshot> intervalSink) {
        long[] seeds = seeds(scenario.seed(), replications);
        if (replications == 1 || threads == 1) {
            List<RunResult> results = new ArrayList<>();
            for (int i = 0; i < replications; i++) {
                results.add(runOne(scenario, seeds[i], i == 0 ? intervalSink : null));
            }
            return results;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, replications), r -> {
            Thread t = new Thread(r, "replication-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int i = 0; i < replications; i++) {
                long seed = seeds[i];
                Consumer<IntervalSnapshot> sink = i == 0 ? intervalSink : null;
                futures.add(pool.submit(() -> runOne(scenario, seed, sink)));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running replications", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RunResult runOne(Scenario scenario, long seed, Consumer<IntervalSnapshot> intervalSink) {
        return BatchRunner.run(scenario.withSeed(seed), List.of(), intervalSink);
    }
}
