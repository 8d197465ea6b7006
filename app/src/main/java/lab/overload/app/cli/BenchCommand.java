package lab.overload.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.overload.engine.run.EngineBench;
import lab.overload.models.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the engine throughput benchmark ({@link EngineBench}): M/M/10 without and with client timeouts, an
 * overload-collapse scenario, a platform of functions and a queue of shuffle-sharded lanes, each run as fast as
 * possible and timed by wall clock.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION, sortOptions = false,
        description = {"Measure engine speed: simulate about N requests in each of five cases (M/M/10, M/M/10 "
            + "with a client timeout on every request, an overload collapse with retries and contention, a platform "
            + "of functions and worker managers, a queue of 100 shuffle-sharded lanes for 10,000 tenants with a noisy "
            + "one) and print requests and events per wall second. One untimed warm-up repetition per case, then the "
            + "timed ones."},
        footer = {"", "Examples:",
            "  overload-lab bench",
            "  overload-lab bench --requests 500k --repetitions 5 --scenario goodput-collapse",
            "  overload-lab bench --report docs/bench-engine.txt"})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--requests", paramLabel = "N",
            description = "About how many requests each case simulates per repetition, at least 1000; k, m and g "
                    + "suffixes allowed (default: 2m).")
    String requests = "2m";

    @Option(names = "--repetitions", paramLabel = "N",
            description = "Timed repetitions per case, 1 to 100 (default: 3).")
    int repetitions = 3;

    @Option(names = "--scenario", paramLabel = "SCENARIO",
            description = "Scenario file or preset for the collapse case (stretched to N requests); default: a "
                    + "built-in overload scenario.")
    String scenario;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the table to FILE, atomically.")
    Path report;

    @Override
    public Integer call() {
        long n = parseCount(requests);
        if (n < 1000 || n > 10_000_000_000L) {
            throw new InputException("--requests must be in [1000, 10g], was " + requests);
        }
        if (repetitions < 1 || repetitions > 100) {
            throw new InputException("--repetitions must be an integer in [1, 100], was " + repetitions);
        }
        OutputFiles.check("--report", report);
        Scenario collapse = scenario == null ? null : ScenarioSource.load(scenario);

        List<EngineBench.BenchResult> results = EngineBench.run(n, repetitions, collapse);
        String table = EngineBench.format(results);
        String machine = String.format(Locale.ROOT, "Java %s (%s), %s %s, %d processors%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        if (report != null) {
            OutputFiles.write(report, table + machine);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(table);
        out.print(machine);
        if (report != null) {
            out.println("Wrote " + report);
        }
        out.flush();
        return OverloadLabCli.EXIT_OK;
    }

    /** A count with an optional k (thousand), m (million) or g (billion) suffix. */
    private static long parseCount(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1_000;
        } else if (t.endsWith("m")) {
            mult = 1_000_000;
        } else if (t.endsWith("g")) {
            mult = 1_000_000_000;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return Math.round(v * mult);
        } catch (NumberFormatException e) {
            throw new InputException("--requests must be a count such as 200000, 500k or 2m, was '" + text + "'");
        }
    }
}
