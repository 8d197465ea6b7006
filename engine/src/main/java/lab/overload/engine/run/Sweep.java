package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lab.overload.engine.core.RandomStreams;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.Scenario;

/**
 * A parameter sweep: one batch run per (step, replication) of a grid over one parameter path, in steady state (the
 * scenario's timeline is left out, so the swept value holds for the whole run). Every grid point has a fixed index
 * and seed, so the CSV is the same whether the grid runs in one process, on many threads, or split into shards
 * ({@code index % shards == shard}) on many machines and merged.
 */
public final class Sweep {
    /** The CSV columns, in order. */
    public static final String HEADER = "index,step,replication,value,seed,offeredPerSecond,attemptsPerSecond,"
            + "throughputPerSecond,goodputPerSecond,latencyP50Millis,latencyP99Millis,succeededShare,"
            + "timedOutShare,rejectedShare,wastedWorkShare,concurrencyMean,queueLengthMean";

    /** The grid and the run settings; {@link #describe()} is the first line of every CSV, checked by merge. */
    public record Plan(String path, double from, double to, int steps, int replications, long seed,
                       double durationSeconds, double warmupSeconds) {
        public Plan {
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
                    + FieldDef.format(durationSeconds) + " warmup=" + FieldDef.format(warmupSeconds);
        }
    }

    /** One grid point's result. */
    public record Row(int index, int step, int replication, double value, long seed, Summary summary) {
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
                    num(s.concurrencyMean()), num(s.queueLengthMean()));
        }
    }

    private Sweep() {
    }

    /** The scenario for one grid point: the value set, the timeline dropped, duration, warm-up and seed applied. */
    public static Scenario prepare(Scenario base, Plan plan, double value, long seed) {
        Scenario s = ParameterPaths.with(base, plan.path(), value);
        s = Records.with(s, "timeline", List.of());
        return s.withDuration(plan.durationSeconds(), plan.warmupSeconds()).withSeed(seed);
    }

    /**
     * Runs the grid points of one shard ({@code shard} of {@code shards}; 0 of 1 for all) on {@code threads}
     * threads, returning rows in index order.
     */
    public static List<Row> run(Scenario base, Plan plan, int shard, int shards, int threads) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard must be i/n with 0 <= i < n, was " + shard + "/" + shards);
        }
        ParameterPaths.with(base, plan.path(), plan.from());
        ParameterPaths.with(base, plan.path(), plan.to());
        List<int[]> points = new ArrayList<>();
        for (int index = shard; index < plan.size(); index += shards) {
            points.add(new int[] {index, index / plan.replications(), index % plan.replications()});
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (int[] p : points) {
                futures.add(pool.submit(() -> {
                    double value = plan.value(p[1]);
                    long seed = RandomStreams.replicationSeed(plan.seed(), p[2]);
                    Summary s = BatchRunner.run(prepare(base, plan, value, seed)).summary();
                    return new Row(p[0], p[1], p[2], value, seed, s);
                }));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                rows.add(f.get());
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The CSV text of a plan's rows: the plan line, the header, one line per row. */
    public static String csv(Plan plan, List<Row> rows) {
        StringBuilder sb = new StringBuilder(plan.describe()).append('\n').append(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(r.csv()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Merges shard CSVs into the CSV one process would have written: same plan line, same header, every index
     * exactly once. Throws IllegalArgumentException naming what does not fit.
     */
    public static String merge(List<String> shardCsvs) {
        String planLine = null;
        int total = -1;
        java.util.TreeMap<Integer, String> byIndex = new java.util.TreeMap<>();
        for (int i = 0; i < shardCsvs.size(); i++) {
            List<String> lines = shardCsvs.get(i).lines().toList();
            if (lines.size() < 2 || !lines.get(0).startsWith("# sweep ") || !lines.get(1).equals(HEADER)) {
                throw new IllegalArgumentException("input " + (i + 1) + " is not a sweep CSV (no plan line and header)");
            }
            if (planLine == null) {
                planLine = lines.get(0);
                total = planSize(planLine);
            } else if (!planLine.equals(lines.get(0))) {
                throw new IllegalArgumentException("input " + (i + 1) + " is from another sweep: '" + lines.get(0)
                        + "' vs '" + planLine + "'");
            }
            for (String line : lines.subList(2, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                int index = Integer.parseInt(line.substring(0, line.indexOf(',')));
                if (byIndex.put(index, line) != null) {
                    throw new IllegalArgumentException("grid point " + index + " appears twice");
                }
            }
        }
        if (planLine == null) {
            throw new IllegalArgumentException("no inputs to merge");
        }
        for (int index = 0; index < total; index++) {
            if (!byIndex.containsKey(index)) {
                throw new IllegalArgumentException("grid point " + index + " of " + total
                        + " is missing (a shard did not finish?)");
            }
        }
        StringBuilder sb = new StringBuilder(planLine).append('\n').append(HEADER).append('\n');
        byIndex.values().forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private static int planSize(String planLine) {
        int steps = Integer.parseInt(field(planLine, "steps"));
        int reps = Integer.parseInt(field(planLine, "replications"));
        return steps * reps;
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("plan line has no " + name + ": " + line);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v).trim() : "";
    }
}
