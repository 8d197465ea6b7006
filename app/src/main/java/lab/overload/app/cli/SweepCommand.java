package lab.overload.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.overload.engine.run.Sweep;
import lab.overload.models.json.AtomicFiles;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: vary one numeric parameter path over a grid, one batch run per (step, replication), and print a
 * table of the means per step; optionally the CSV of every run ({@code --out}) and a PNG plot ({@code --plot}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION, sortOptions = false,
        description = {"Vary one numeric parameter over a grid, run every point on all cores and print the "
            + "mean results per step; optionally the CSV of every run and a PNG plot.",
            "",
            "By default the scenario's timeline runs as it is, except its changes of the swept path, so the swept "
                + "value holds (--timeline drop: steady state, no timeline). --out writes the CSV of every run (one "
                + "row per step and replication), --plot draws offered load, attempts, throughput and goodput "
                + "against the value. Every grid point has a fixed index and seed, so the CSV is the same in one "
                + "process, on any number of threads, or split with --shard across machines and joined with "
                + "'merge'. A warning says when the swept path changed nothing.",
            "",
            "--stage NAME measures one stage (a function, an API, a service or a queue) instead of the totals: "
                + "its load (attempts reaching it per second), throughput, goodput (useful completions per second) "
                + "and rejections, in the table, the plot and extra CSV columns; e.g. the tipping point of one "
                + "function of a platform against the rate of the client that calls it."},
        footer = {"", "Examples:",
            "  overload-lab sweep goodput-collapse --param clients.web.ratePerSecond \\",
            "      --from 50 --to 500 --steps 10 --plot rate.png",
            "  overload-lab sweep goodput-collapse --param clients.web.retry.maxAttempts \\",
            "      --from 1 --to 5 --steps 5 --set services.api.queueCapacity=16",
            "  overload-lab sweep dependency-isolation --param clients.shop.ratePerSecond \\",
            "      --from 50 --to 1000 --steps 20 --stage checkout --timeline drop",
            "  overload-lab sweep goodput-collapse --param clients.web.ratePerSecond \\",
            "      --from 50 --to 500 --steps 10 --shard $JOB_COMPLETION_INDEX/4 \\",
            "      --out part-$JOB_COMPLETION_INDEX.csv"})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file or bundled preset name.")
    String scenario;

    @Option(names = "--param", required = true, paramLabel = "PATH",
            description = "Numeric parameter path to vary (integer paths need whole-number steps).")
    String path;

    @Option(names = "--from", required = true, paramLabel = "A", description = "First value.")
    double from;

    @Option(names = "--to", required = true, paramLabel = "B", description = "Last value.")
    double to;

    @Option(names = "--steps", paramLabel = "N", description = "Grid points from A to B, 1 to 10000 (default: 10).")
    int steps = 10;

    @Option(names = "--replications", paramLabel = "R", description = "Runs per point, 1 to 1000 (default: 1).")
    int replications = 1;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Set a parameter path before the sweep (repeatable, applied in order).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--timeline", paramLabel = "keep|drop",
            description = "keep: run the scenario's timeline without its changes of the swept path (default); "
                    + "drop: leave the timeline out (steady state).")
    String timeline = "keep";

    @Option(names = "--stage", paramLabel = "NAME",
            description = "Measure this stage (function, API, service or queue) instead of the totals: its load, "
                    + "throughput, goodput and rejections (default: the totals).")
    String stage = "";

    @Option(names = "--seed", paramLabel = "N",
            description = "Root seed, an integer in [0, 2^53-1] (default: the scenario's).")
    Long seed;

    @Option(names = "--duration", paramLabel = "S", description = "Sim seconds per run (default: the scenario's).")
    Double duration;

    @Option(names = "--warmup", paramLabel = "S",
            description = "Warm-up per run (default: the scenario's, or a fifth of the duration if that is 0).")
    Double warmup;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only grid points with index %% n == i "
            + "(0 <= i < n), e.g. a Kubernetes indexed job's index (default: 0/1, all).")
    String shard = "0/1";

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the CSV of every run to FILE, atomically, as the runs finish ('-': standard "
                    + "output instead of the table).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Draw offered load, attempts, throughput and goodput against the value as a PNG.")
    Path plot;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the table.")
    boolean quiet;

    @Override
    public Integer call() {
        // 1. check everything before any run
        Scenario base = Overrides.set(ScenarioSource.load(scenario), sets);
        FieldDef def;
        try {
            def = ParameterPaths.def(base, path);
        } catch (IllegalArgumentException e) {
            throw new InputException("--param " + e.getMessage(), e);
        }
        if (!def.isNumeric()) {
            throw new InputException("--param " + path + " is " + def.rangeText() + ", not a number; sweep varies "
                    + "numbers (compare the choices with 'run SCENARIO --set " + path + "=VALUE' for each)");
        }
        long rootSeed = seed != null ? Overrides.seed("--seed", seed) : base.seed();
        Sweep.TimelineMode mode = timelineMode();
        int[] sh = parseShard(shard);
        double d = duration != null ? duration : base.durationSeconds();
        double w = warmup != null ? warmup : (base.warmupSeconds() > 0 ? base.warmupSeconds() : d / 5);
        Sweep.Plan plan;
        try {
            ParameterPaths.with(base, path, from);
            ParameterPaths.with(base, path, to);
            base.withDuration(d, w);
            Sweep.checkStage(base, stage);
            plan = new Sweep.Plan(path, from, to, steps, replications, rootSeed, d, w, mode, stage);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new InputException(m.startsWith("steps") || m.startsWith("replications") || m.startsWith("stage")
                    ? "--" + m : m, e);
        }
        checkWholeSteps(plan, def);
        if (threads < 1 || threads > 1024) {
            throw new InputException("--threads must be in [1, 1024], was " + threads);
        }
        boolean csvToStdout = out != null && out.toString().equals("-");
        Path csvFile = csvToStdout ? null : out;
        OutputFiles.check("--out", csvFile);
        OutputFiles.check("--plot", plot);
        Path input = ScenarioSource.existingFile(scenario);
        OutputFiles.checkNotInput("--out", csvFile, input);
        OutputFiles.checkNotInput("--plot", plot, input);
        if (csvFile != null && plot != null
                && csvFile.toAbsolutePath().normalize().equals(plot.toAbsolutePath().normalize())) {
            throw new InputException("--out and --plot name the same file: " + plot);
        }

        String unit = def.unit() == null ? "" : def.unit();

        // 2. run, streaming rows to the CSV as they finish
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        note(stderr, base, plan);
        SweepTable table = new SweepTable(plan);
        long rows = csvFile != null ? runToFile(base, plan, sh, table, csvFile)
                : runTo(base, plan, sh, table, csvToStdout ? stdout : Writer.nullWriter());

        // 3. report
        if (plot != null) {
            SweepPlot.write(plot, Text.escape(base.name()) + ": " + path
                    + (plan.stage().isEmpty() ? "" : ", at stage " + plan.stage()), plan, table, unit);
        }
        if (!quiet && !csvToStdout) {
            stdout.println(title(base, plan));
            stdout.print(table.render(unit));
            if (plan.replications() > 1) {
                stdout.println("(means of " + plan.replications() + " replications per step)");
            }
        }
        if (csvFile != null) {
            stdout.println("Wrote " + rows + " rows to " + csvFile);
        }
        if (plot != null) {
            stdout.println("Wrote " + plot);
        }
        stdout.flush();
        if (table.sweptValueChangedNothing()) {
            stderr.println("warning: " + path + " changed nothing: every step gave exactly the same results. "
                    + "Is it relevant under these settings (e.g. retries need timeouts or errors), and does the "
                    + "timeline override it?");
        }
        stderr.flush();
        return OverloadLabCli.EXIT_OK;
    }

    private Sweep.TimelineMode timelineMode() {
        try {
            return Sweep.TimelineMode.valueOf(timeline.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--timeline must be keep or drop, was '" + timeline + "'", e);
        }
    }

    /** An integer path cannot take fractional values: every grid value must be whole. */
    private static void checkWholeSteps(Sweep.Plan plan, FieldDef def) {
        if (def.kind() != FieldDef.Kind.INTEGER) {
            return;
        }
        for (int step = 0; step < plan.steps(); step++) {
            double v = plan.value(step);
            if (v != Math.rint(v)) {
                throw new InputException("--steps " + plan.steps() + " from " + FieldDef.format(plan.from())
                        + " to " + FieldDef.format(plan.to()) + " gives " + FieldDef.format(v) + " for "
                        + plan.path() + ", which takes whole numbers; choose --steps so that (B - A) / (steps - 1) "
                        + "is a whole number");
            }
        }
    }

    /** What happens to the timeline, on stderr (so that the table or CSV on stdout stays clean). */
    private static void note(PrintWriter err, Scenario base, Sweep.Plan plan) {
        int entries = base.timeline().size();
        if (entries == 0) {
            return;
        }
        if (plan.timeline() == Sweep.TimelineMode.DROP) {
            err.println("note: timeline dropped (" + changes(entries) + "): every run in steady state");
        } else {
            int removed = entries - Sweep.keptTimeline(base, plan).size();
            err.println("note: timeline kept (" + changes(entries) + ")" + (removed == 0 ? "" : " without its "
                    + changes(removed) + " of " + plan.path() + " (the swept value holds)")
                    + "; --timeline drop for steady state");
        }
        err.flush();
    }

    /** What was swept, in words: the scenario, the grid, the runs and the timeline choice. */
    private static String title(Scenario base, Sweep.Plan plan) {
        return Text.escape(base.name()) + ": " + plan.path() + " from " + FieldDef.format(plan.from()) + " to "
                + FieldDef.format(plan.to()) + " in " + plan.steps() + (plan.steps() == 1 ? " step" : " steps")
                + ", " + plan.replications() + (plan.replications() == 1 ? " run" : " runs") + " each of "
                + FieldDef.format(plan.durationSeconds()) + " s (" + FieldDef.format(plan.warmupSeconds())
                + " s warm-up), seed " + plan.seed() + ", timeline "
                + plan.timeline().name().toLowerCase(Locale.ROOT) + (plan.stage().isEmpty() ? ""
                : "; measured at stage " + plan.stage() + " (offered and attempts: its load; ok: useful answers)");
    }

    private static String changes(int n) {
        return n + (n == 1 ? " change" : " changes");
    }

    private long runToFile(Scenario base, Sweep.Plan plan, int[] sh, SweepTable table, Path file) {
        try (AtomicFiles.Output stream = AtomicFiles.open(file)) {
            Writer w = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
            long rows = runTo(base, plan, sh, table, w);
            w.flush();
            stream.commit();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private long runTo(Scenario base, Sweep.Plan plan, int[] sh, SweepTable table, Writer csv) {
        long[] rows = {0};
        try {
            csv.write(plan.describe() + "\n" + plan.header() + "\n");
            Sweep.run(base, plan, sh[0], sh[1], threads, row -> {
                table.accept(row);
                try {
                    csv.write(row.csv());
                    csv.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
                rows[0]++;
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return rows[0];
    }

    private static int[] parseShard(String text) {
        String[] p = text.split("/");
        try {
            int i = Integer.parseInt(p[0].trim());
            int n = Integer.parseInt(p[1].trim());
            if (p.length == 2 && n >= 1 && i >= 0 && i < n) {
                return new int[] {i, n};
            }
        } catch (RuntimeException e) {
            // fall through to the message
        }
        throw new InputException("--shard must be i/n with 0 <= i < n, was '" + text + "'");
    }
}
