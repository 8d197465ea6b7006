package lab.overload.engine.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import lab.overload.engine.core.RandomStreams;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;

/**
 * A parameter sweep: one batch run per (step, replication) of a grid over one parameter path. What happens to the
 * scenario's timeline is part of the plan ({@link TimelineMode}): kept without the swept path's own entries (so the
 * swept value holds for the whole run while the rest of the story, such as a load step, still happens), or dropped
 * (steady state). Every grid point has a fixed index and seed, so the CSV is the same whether the grid runs in one
 * process, on many threads, or split into shards ({@code index % shards == shard}) on many machines and merged.
 *
 * <p>Memory is bounded whatever the grid's size: rows reach the caller's sink in index order as they finish, and at
 * most a few runs per thread are in flight.
 */
public final class Sweep {
    /** The CSV columns, in order. */
    public static final String HEADER = "index,step,replication,value,seed,offeredPerSecond,attemptsPerSecond,"
            + "throughputPerSecond,goodputPerSecond,latencyP50Millis,latencyP99Millis,succeededShare,"
            + "timedOutShare,rejectedShare,wastedWorkShare,concurrencyMean,queueLengthMean";

    /** What a sweep does with the scenario's timeline. */
    public enum TimelineMode {
        /** Keep every timeline entry except those that change the swept path. */
        KEEP,
        /** Leave the whole timeline out: every run is in steady state. */
        DROP
    }

    /**
     * The grid and the run settings; {@link #describe()} is the first line of every CSV, checked by merge. A plan
     * with a {@code stage} (a stage's name; empty for none) also measures that stage ({@link StagePoint}): its CSV rows
     * carry the stage's columns after the totals.
     */
    public record Plan(String path, double from, double to, int steps, int replications, long seed,
                       double durationSeconds, double warmupSeconds, TimelineMode timeline, String stage) {
        /** A steady-state plan (the timeline dropped). */
        public Plan(String path, double from, double to, int steps, int replications, long seed,
                    double durationSeconds, double warmupSeconds) {
            this(path, from, to, steps, replications, seed, durationSeconds, warmupSeconds, TimelineMode.DROP);
        }

        /** A plan that measures the totals only. */
        public Plan(String path, double from, double to, int steps, int replications, long seed,
                    double durationSeconds, double warmupSeconds, TimelineMode timeline) {
            this(path, from, to, steps, replications, seed, durationSeconds, warmupSeconds, timeline, "");
        }

        public Plan {
            stage = stage == null ? "" : stage;
            if (!stage.isEmpty() && !stage.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("stage must be a stage's name (letters, digits, '-' and '_'), was '"
                        + stage + "'");
            }
            if (timeline == null) {
                throw new IllegalArgumentException("timeline must be KEEP or DROP");
            }
            if (steps < 1 || steps > 10_000) {
                throw new IllegalArgumentException("steps must be in [1, 10000], was " + steps);
            }
            if (replications < 1 || replications > 1000) {
                throw new IllegalArgumentException("replications must be in [1, 1000], was " + replications);
            }
            if (!(warmupSeconds >= 0 && warmupSeconds < durationSeconds)) {
                throw new IllegalArgumentException("warmup must be in [0, duration), was " + warmupSeconds);
            }
        }

        public int size() {
            return steps * replications;
        }

        public double value(int step) {
            return steps == 1 ? from : from + (to - from) * step / (steps - 1);
        }

        public String describe() {
            return "# sweep path=" + path + " from=" + FieldDef.format(from) + " to=" + FieldDef.format(to)
                    + " steps=" + steps + " replications=" + replications + " seed=" + seed + " duration="
                    + FieldDef.format(durationSeconds) + " warmup=" + FieldDef.format(warmupSeconds)
                    + " timeline=" + timeline.name().toLowerCase(Locale.ROOT)
                    + (stage.isEmpty() ? "" : " stage=" + stage);
        }

        /** The CSV header of this plan's rows: the totals, then the stage's columns when it measures one. */
        public String header() {
            return stage.isEmpty() ? HEADER : HEADER + "," + StagePoint.HEADER;
        }
    }

    /** The header of the CSV whose plan line this is (a plan line that names a stage has the stage's columns). */
    public static String headerFor(String planLine) {
        return planLine.contains(" stage=") ? HEADER + "," + StagePoint.HEADER : HEADER;
    }

    /** One grid point's result; {@code stage} is the measured stage's point, null when the plan names none. */
    public record Row(int index, int step, int replication, double value, long seed, Summary summary,
                      StagePoint stage) {
        /** A row of a plan that measures the totals only. */
        public Row(int index, int step, int replication, double value, long seed, Summary summary) {
            this(index, step, replication, value, seed, summary, null);
        }

        public String csv() {
            Summary s = summary;
            double req = Math.max(1, s.requestsTotal());
            double work = s.usefulWork() + s.wastedWork() + s.rejectionWork() + s.abandonedWork();
            return String.join(",", Integer.toString(index), Integer.toString(step), Integer.toString(replication),
                    FieldDef.format(value), Long.toString(seed),
                    num(s.requestsTotal() / s.measuredSeconds()), num(s.attemptsTotal() / s.measuredSeconds()),
                    num(s.throughputPerSecond()), num(s.goodputPerSecond()), num(s.latencyP50()),
                    num(s.latencyP99()), num(s.succeeded() / req), num(s.failedTimeout() / req),
                    num(s.failedRejected() / req), num(work == 0 ? Double.NaN : (work - s.usefulWork()) / work),
                    num(s.concurrencyMean()), num(s.queueLengthMean()))
                    + (stage == null ? "" : "," + String.join(",", stage.stage(), num(stage.loadPerSecond()),
                    num(stage.throughputPerSecond()), num(stage.goodputPerSecond()), num(stage.rejectedShare()),
                    num(stage.notUsefulWorkShare())));
        }
    }

    private Sweep() {
    }

    /**
     * The scenario for one grid point: the value set, the timeline kept without the swept path's entries or dropped
     * (as the plan says), duration, warm-up and seed applied.
     */
    public static Scenario prepare(Scenario base, Plan plan, double value, long seed) {
        Scenario s = ParameterPaths.with(base, plan.path(), value);
        s = Records.with(s, "timeline", plan.timeline() == TimelineMode.DROP ? List.of() : keptTimeline(base, plan));
        return s.withDuration(plan.durationSeconds(), plan.warmupSeconds()).withSeed(seed);
    }

    /** The timeline entries a KEEP sweep keeps: all but those that change the swept path. */
    public static List<TimelineChange> keptTimeline(Scenario base, Plan plan) {
        return base.timeline().stream().filter(c -> !c.path().equals(plan.path())).toList();
    }

    /**
     * Runs the grid points of one shard ({@code shard} of {@code shards}; 0 of 1 for all) on {@code threads}
     * threads, returning rows in index order. Holds every row: for large grids use
     * {@link #run(Scenario, Plan, int, int, int, Consumer)}.
     */
    public static List<Row> run(Scenario base, Plan plan, int shard, int shards, int threads) {
        List<Row> rows = new ArrayList<>();
        run(base, plan, shard, shards, threads, rows::add);
        return rows;
    }

    /**
     * Runs the grid points of one shard on {@code threads} threads and hands each row to {@code sink} in index order,
     * on the calling thread, as soon as it and every row before it have finished. At most {@link #IN_FLIGHT_PER_THREAD}
     * runs per thread are submitted ahead, so memory does not grow with the grid. Interrupting the caller abandons the
     * sweep (IllegalStateException); an exception from a run or the sink stops it.
     */
    public static void run(Scenario base, Plan plan, int shard, int shards, int threads, Consumer<Row> sink) {
        run(base, plan, shard, shards, threads, sink, index -> { });
    }

    /** {@link #run(Scenario, Plan, int, int, int, Consumer)}, telling {@code onSubmit} each index it submits. */
    static void run(Scenario base, Plan plan, int shard, int shards, int threads, Consumer<Row> sink,
                    IntConsumer onSubmit) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard must be i/n with 0 <= i < n, was " + shard + "/" + shards);
        }
        ParameterPaths.with(base, plan.path(), plan.from());
        ParameterPaths.with(base, plan.path(), plan.to());
        checkStage(base, plan.stage());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "sweep");
            t.setDaemon(true);
            return t;
        });
        int window = Math.max(1, threads) * IN_FLIGHT_PER_THREAD;
        ArrayDeque<Future<Row>> inFlight = new ArrayDeque<>();
        try {
            int next = shard;
            while (next < plan.size() || !inFlight.isEmpty()) {
                while (next < plan.size() && inFlight.size() < window) {
                    int index = next;
                    onSubmit.accept(index);
                    inFlight.add(pool.submit(() -> runPoint(base, plan, index)));
                    next += shards;
                }
                sink.accept(inFlight.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Throws IllegalArgumentException naming the scenario's stages when {@code stage} is not empty nor one of them. */
    public static void checkStage(Scenario base, String stage) {
        if (stage.isEmpty() || base.service(stage) != null || base.function(stage) != null || base.api(stage) != null
                || base.queue(stage) != null) {
            return;
        }
        List<String> names = new ArrayList<>();
        base.services().forEach(x -> names.add(x.name()));
        base.apis().forEach(x -> names.add(x.name()));
        base.functions().forEach(x -> names.add(x.name()));
        base.queues().forEach(x -> names.add(x.name()));
        throw new IllegalArgumentException("stage must name a stage of the scenario " + names + ", was '" + stage
                + "'");
    }

    /** Runs submitted ahead per thread: enough to keep every thread busy, few enough to bound memory. */
    public static final int IN_FLIGHT_PER_THREAD = 4;

    private static Row runPoint(Scenario base, Plan plan, int index) {
        int step = index / plan.replications();
        int replication = index % plan.replications();
        double value = plan.value(step);
        long seed = RandomStreams.replicationSeed(plan.seed(), replication);
        Summary s = BatchRunner.run(prepare(base, plan, value, seed)).summary();
        return new Row(index, step, replication, value, seed, s,
                plan.stage().isEmpty() ? null : StagePoint.of(s, plan.stage()));
    }

    /** The CSV text of a plan's rows: the plan line, the header, one line per row. */
    public static String csv(Plan plan, List<Row> rows) {
        StringBuilder sb = new StringBuilder(plan.describe()).append('\n').append(plan.header()).append('\n');
        for (Row r : rows) {
            sb.append(r.csv()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Merges shard CSVs into the CSV one process would have written (see {@link SweepMerge}). Throws
     * IllegalArgumentException naming what does not fit.
     */
    public static String merge(List<String> shardCsvs) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            SweepMerge.merge(shardCsvs.stream().<java.io.BufferedReader>map(
                    t -> new java.io.BufferedReader(new java.io.StringReader(t))).toList(), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v).trim() : "";
    }
}
