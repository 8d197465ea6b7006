package lab.overload.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lab.overload.engine.run.Sweep;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweep}: vary one parameter path over a grid, one steady-state batch run per point, as CSV. */
@Command(name = "sweep", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION, sortOptions = false,
        description = {"Vary one parameter over a grid and run each point in steady state (the scenario's timeline "
            + "is left out), on all cores. Prints or writes a CSV with one row per (step, replication). Every grid "
            + "point has a fixed index and seed, so the CSV is the same in one process, on any number of threads, "
            + "or split with --shard across machines and joined with 'merge'."},
        footer = {"", "Examples:",
            "  overload-lab sweep goodput-collapse --param clients.web.ratePerSecond --from 50 --to 500 --steps 10",
            "  overload-lab sweep goodput-collapse --param clients.web.ratePerSecond --from 50 --to 500 --steps 10 \\",
            "      --shard $JOB_COMPLETION_INDEX/4 --out part-$JOB_COMPLETION_INDEX.csv"})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file or bundled preset name.")
    String scenario;

    @Option(names = "--param", required = true, paramLabel = "PATH", description = "Parameter path to vary.")
    String path;

    @Option(names = "--from", required = true, paramLabel = "A", description = "First value.")
    double from;

    @Option(names = "--to", required = true, paramLabel = "B", description = "Last value.")
    double to;

    @Option(names = "--steps", paramLabel = "N", description = "Grid points from A to B, 1 to 10000 (default: 10).")
    int steps = 10;

    @Option(names = "--replications", paramLabel = "R", description = "Runs per point, 1 to 1000 (default: 1).")
    int replications = 1;

    @Option(names = "--seed", paramLabel = "N", description = "Root seed (default: the scenario's).")
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

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV to FILE, atomically (default: print).")
    Path out;

    @Override
    public Integer call() {
        Scenario base = ScenarioSource.load(scenario);
        int[] sh = parseShard(shard);
        double d = duration != null ? duration : base.durationSeconds();
        double w = warmup != null ? warmup : (base.warmupSeconds() > 0 ? base.warmupSeconds() : d / 5);
        Sweep.Plan plan;
        try {
            ParameterPaths.with(base, path, from);
            ParameterPaths.with(base, path, to);
            base.withDuration(d, w);
            plan = new Sweep.Plan(path, from, to, steps, replications, seed != null ? seed : base.seed(), d, w);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        if (threads < 1 || threads > 1024) {
            throw new InputException("--threads must be in [1, 1024], was " + threads);
        }
        OutputFiles.check("--out", out);
        List<Sweep.Row> rows = Sweep.run(base, plan, sh[0], sh[1], threads);
        String csv = Sweep.csv(plan, rows);
        if (out != null) {
            OutputFiles.write(out, csv);
            spec.commandLine().getOut().println("Wrote " + rows.size() + " rows to " + out);
        } else {
            spec.commandLine().getOut().print(csv);
        }
        spec.commandLine().getOut().flush();
        return OverloadLabCli.EXIT_OK;
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
