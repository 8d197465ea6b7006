package lab.overload.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.RunResult;
import lab.overload.engine.run.TraceLines;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run}: loads a scenario (file or bundled preset), applies the overrides, checks everything (including that
 * the output files can be written) before simulating, runs it once or as parallel replications, prints the summary
 * table and writes the requested files atomically.
 */
@Command(name = "run", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION,
        sortOptions = false,
        description = {"Run a scenario headless, as fast as possible, and print its summary.",
            "",
            "SCENARIO is a scenario JSON file or the name of a bundled preset (e.g. goodput-collapse); an existing "
                + "file wins over a preset of the same name. Overrides apply in order: --seed, --duration/--warmup, "
                + "then each --set. Everything is checked before the run starts: on bad input one error line names "
                + "the option, JSON path or parameter path, nothing is written and the exit code is 2."},
        footer = {"", "Exit codes: 0 done, 1 an output file could not be written or an internal error, "
            + "2 bad input or usage.",
            "", "Examples:",
            "  overload-lab run goodput-collapse",
            "  overload-lab run my.json --seed 7 --duration 120 --warmup 20",
            "  overload-lab run goodput-collapse --set clients.web.retry.maxAttempts=1",
            "  overload-lab run my.json --replications 10 --summary out/summary.json",
            "  overload-lab run my.json --intervals out/intervals.csv",
            "  overload-lab run my.json --trace out/trace.jsonl --trace-requests 100"})
public final class RunCommand implements Callable<Integer> {
    /** The most replications one run accepts. */
    static final int MAX_REPLICATIONS = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "Scenario JSON file, or the name of a bundled preset.")
    String scenario;

    @Option(names = "--seed", paramLabel = "N",
            description = "Root random seed (integer in [0, 2^53-1]); default: the scenario's.")
    Long seed;

    @Option(names = "--duration", paramLabel = "S",
            description = "Sim seconds to run; default: the scenario's durationSeconds.")
    Double duration;

    @Option(names = "--warmup", paramLabel = "S",
            description = "Sim seconds at the start excluded from the summary (less than the duration); "
                    + "default: the scenario's warmupSeconds.")
    Double warmup;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Set a parameter path before the run, e.g. clients.web.ratePerSecond=150 or "
                    + "services.api.discipline=LIFO. Repeatable; applied in order.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N",
            description = "Run N independent replications (seeds derived from the seed) in parallel and report "
                    + "mean +/- 95%% half-width; --summary then writes the replication form. 1 to "
                    + MAX_REPLICATIONS + ".")
    Integer replications;

    @Option(names = "--threads", paramLabel = "N",
            description = "Most replications run at once; default: available processors (${DEFAULT-VALUE}). "
                    + "Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Write the summary JSON (docs/summary-format.md) to FILE, atomically.")
    Path summary;

    @Option(names = "--intervals", paramLabel = "FILE",
            description = "Write every metrics interval as CSV to FILE, atomically (with replications: "
                    + "replication 0's intervals).")
    Path intervals;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write the engine's event trace of the first requests to FILE as JSON lines (time in us, "
                    + "event, request id, attempt, client, stage, outcome), atomically; the scenario's own seed.")
    Path trace;

    @Option(names = "--trace-requests", paramLabel = "N",
            description = "Requests the trace covers, in arrival order: 1 to " + TraceLines.MAX_REQUESTS
                    + "; default: ${DEFAULT-VALUE}.")
    int traceRequests = TraceLines.DEFAULT_REQUESTS;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the summary table.")
    boolean quiet;

    @Override
    public Integer call() {
        // 1. check everything before any work
        int reps = replications == null ? 1 : replications;
        if (reps < 1 || reps > MAX_REPLICATIONS) {
            throw new InputException("--replications must be an integer in [1, " + MAX_REPLICATIONS + "], was "
                    + reps);
        }
        if (threads < 1 || threads > 4096) {
            throw new InputException("--threads must be an integer in [1, 4096], was " + threads);
        }
        OutputFiles.check("--summary", summary);
        OutputFiles.check("--intervals", intervals);
        if (summary != null && intervals != null && sameFile(summary, intervals)) {
            throw new InputException("--summary and --intervals name the same file: " + summary);
        }
        Path input = ScenarioSource.existingFile(scenario);
        OutputFiles.checkNotInput("--summary", summary, input);
        OutputFiles.checkNotInput("--intervals", intervals, input);
        OutputFiles.check("--trace", trace);
        if (traceRequests < 1 || traceRequests > TraceLines.MAX_REQUESTS) {
            throw new InputException("--trace-requests must be an integer in [1, " + TraceLines.MAX_REQUESTS
                    + "], was " + traceRequests);
        }
        if (trace != null && ((summary != null && sameFile(trace, summary))
                || (intervals != null && sameFile(trace, intervals)))) {
            throw new InputException("--trace names the same file as another output: " + trace);
        }
        OutputFiles.checkNotInput("--trace", trace, input);
        Scenario s = configure(ScenarioSource.load(scenario));

        // 2. run (the intervals stream to their file as they are sealed)
        long t0 = System.nanoTime();
        List<RunResult> results;
        long intervalRows = 0;
        if (intervals == null) {
            results = Replications.run(s, reps, threads, null);
        } else {
            try (IntervalCsv.Stream stream = new IntervalCsv.Stream(intervals)) {
                results = Replications.run(s, reps, threads, stream);
                stream.commit();
                intervalRows = stream.rows();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> tree;
        if (replications == null) {
            tree = results.get(0).summary().toMap();
        } else {
            List<Map<String, Object>> maps = results.stream().map(r -> r.summary().toMap()).toList();
            tree = withReplications(SummaryJson.combine(maps), Replications.seeds(s.seed(), reps));
        }

        // 3. write files, then report
        PrintWriter out = spec.commandLine().getOut();
        if (summary != null) {
            OutputFiles.write(summary, SummaryJson.write(tree));
        }
        if (trace != null) {
            OutputFiles.write(trace, TraceLines.of(s, traceRequests));
        }
        if (!quiet) {
            long events = results.stream().mapToLong(RunResult::events).sum();
            out.print(SummaryTable.render(s, tree, replications == null ? 0 : reps, events, wall));
            if (summary != null) {
                out.println("\nWrote " + summary);
            }
            if (intervals != null) {
                out.println((summary == null ? "\n" : "") + "Wrote " + intervals + " ("
                        + intervalRows + " intervals)");
            }
            if (trace != null) {
                out.println((summary == null && intervals == null ? "\n" : "") + "Wrote " + trace);
            }
        }
        out.flush();
        return OverloadLabCli.EXIT_OK;
    }

    /** The scenario with --seed, --duration/--warmup and every --set applied, each checked and named on error. */
    Scenario configure(Scenario s) {
        if (seed != null) {
            s = s.withSeed(Overrides.seed("--seed", seed));
        }
        if (duration != null || warmup != null) {
            double d = duration != null ? check("--duration", "durationSeconds", duration) : s.durationSeconds();
            double w = warmup != null ? check("--warmup", "warmupSeconds", warmup) : s.warmupSeconds();
            if (w >= d) {
                String wName = warmup != null ? "--warmup" : "the scenario's warmupSeconds";
                String dName = duration != null ? "--duration" : "the scenario's durationSeconds";
                throw new InputException(wName + " (" + FieldDef.format(w) + " s) must be less than " + dName
                        + " (" + FieldDef.format(d) + " s)");
            }
            s = s.withDuration(d, w);
        }
        s = Overrides.set(s, sets);
        return s;
    }

    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return java.nio.file.Files.exists(a) && java.nio.file.Files.exists(b)
                    && java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static double check(String option, String field, double value) {
        try {
            return Scenario.SCHEMA.field(field).checkAs(option, value);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /** The combined tree with the replication count and every seed after "seed", for reproducibility. */
    private static Map<String, Object> withReplications(Map<String, Object> combined, long[] seeds) {
        Map<String, Object> out = new LinkedHashMap<>();
        combined.forEach((k, v) -> {
            out.put(k, v);
            if (k.equals("seed")) {
                out.put("replications", seeds.length);
                List<Long> list = new ArrayList<>();
                for (long x : seeds) {
                    list.add(x);
                }
                out.put("seeds", list);
            }
        });
        return out;
    }
}
