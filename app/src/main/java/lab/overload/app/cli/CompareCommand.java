package lab.overload.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.Compare;
import lab.overload.engine.run.RunResult;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: design A (the scenario with {@code --set}) against design B (A plus {@code --vs-set}) on the same
 * seeds, so both see the same arrivals (common random numbers). Prints both sides' key numbers, the difference and,
 * with replications, the 95% confidence interval of the paired difference.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION,
        sortOptions = false,
        description = {"Compare two designs on the same random numbers and print both summaries and the difference.",
            "",
            "A is SCENARIO with --seed, --duration/--warmup and every --set applied; B is A with every --vs-set "
                + "applied as well. Replication i of A and of B run on the same seed, so clients send the same "
                + "arrivals to both; with --replications N >= 2 the table shows the 95%% confidence interval of the "
                + "paired difference B - A (Student t, N - 1 degrees of freedom). Bad input: one error line, "
                + "exit 2, nothing written."},
        footer = {"", "Exit codes: 0 done, 1 the output file could not be written or an internal error, "
            + "2 bad input or usage.",
            "", "Examples:",
            "  overload-lab compare goodput-collapse --vs-set services.api.queueCapacity=16",
            "  overload-lab compare goodput-collapse --set clients.web.retry.maxAttempts=1 \\",
            "      --vs-set clients.web.retry.maxAttempts=3 --replications 10 --out ab.csv"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "Scenario JSON file, or the name of a bundled preset.")
    String scenario;

    @Option(names = "--seed", paramLabel = "N",
            description = "Root random seed of both sides (integer in [0, 2^53-1]); default: the scenario's.")
    Long seed;

    @Option(names = "--duration", paramLabel = "S", description = "Sim seconds to run; default: the scenario's.")
    Double duration;

    @Option(names = "--warmup", paramLabel = "S", description = "Warm-up seconds; default: the scenario's.")
    Double warmup;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Set a parameter path on both sides (design A). Repeatable; applied in order.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--vs-set", paramLabel = "PATH=VALUE", required = true,
            description = "Set a parameter path on side B only, after every --set. Repeatable; at least one.")
    List<String> vsSets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N",
            description = "Paired replications (seeds derived from the seed, the same on both sides), 1 to "
                    + RunCommand.MAX_REPLICATIONS + "; default 1.")
    int replications = 1;

    @Option(names = "--threads", paramLabel = "N",
            description = "Most runs at once; default: available processors. Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the comparison table to FILE atomically: JSON when FILE ends in .json, else CSV.")
    Path outFile;

    @Override
    public Integer call() {
        if (replications < 1 || replications > RunCommand.MAX_REPLICATIONS) {
            throw new InputException("--replications must be an integer in [1, " + RunCommand.MAX_REPLICATIONS
                    + "], was " + replications);
        }
        if (threads < 1 || threads > 4096) {
            throw new InputException("--threads must be an integer in [1, 4096], was " + threads);
        }
        OutputFiles.check("--out", outFile);
        RunCommand base = new RunCommand();
        base.seed = seed;
        base.duration = duration;
        base.warmup = warmup;
        base.sets = sets;
        Scenario a = base.configure(ScenarioSource.load(scenario));
        Scenario b = apply(a, "--vs-set", vsSets);

        List<RunResult> ra = Replications.run(a, replications, threads, false);
        List<RunResult> rb = Replications.run(b, replications, threads, false);
        List<Compare.Row> rows = Compare.paired(maps(ra), maps(rb));

        if (outFile != null) {
            boolean json = outFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
            OutputFiles.write(outFile, json ? json(a, rows) : csv(rows));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(a, rows));
        if (outFile != null) {
            out.println("\nWrote " + outFile);
        }
        out.flush();
        return OverloadLabCli.EXIT_OK;
    }

    /** The scenario with each PATH=VALUE applied in order; errors name the option and the path. */
    static Scenario apply(Scenario s, String option, List<String> assignments) {
        for (String set : assignments) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new InputException(option + " '" + set + "' must look like PATH=VALUE, e.g. "
                        + "services.api.queueCapacity=16");
            }
            try {
                s = ParameterPaths.with(s, set.substring(0, eq).trim(), set.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new InputException(option + ": " + e.getMessage(), e);
            }
        }
        return s;
    }

    private static List<Map<String, Object>> maps(List<RunResult> results) {
        return results.stream().map(r -> r.summary().toMap()).toList();
    }

    private String render(Scenario a, List<Compare.Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append(a.name()).append(" (seed ").append(a.seed()).append("), ")
                .append(FieldDef.format(a.durationSeconds() - a.warmupSeconds())).append(" s measured, ")
                .append(replications).append(replications == 1 ? " paired run" : " paired replications")
                .append(" on the same seeds\n");
        out.append("A: ").append(sets.isEmpty() ? "the scenario as it is" : String.join(" ", sets)).append('\n');
        out.append("B: A with ").append(String.join(" ", vsSets)).append("\n\n");
        TextTable t = new TextTable();
        t.section("Metric", "A", "B", "B - A", "%", replications > 1 ? "95% CI of B - A" : "");
        for (Compare.Row r : rows) {
            t.row(r.metric(), SummaryTable.num(r.meanA()), SummaryTable.num(r.meanB()),
                    SummaryTable.num(r.meanDifference()), percent(r.relativePercent()), interval(r));
        }
        out.append(t.render());
        if (replications > 1) {
            out.append("\nA and B are means over the replications; the interval is mean(B - A) +/- "
                    + "t(0.975, n-1) s/sqrt(n)\nover the n pairs. An interval that excludes 0 is a difference the "
                    + "runs resolve.\n");
        }
        return out.toString();
    }

    private String interval(Compare.Row r) {
        if (Double.isNaN(r.halfWidth95())) {
            return replications > 1 ? "- (n=" + r.n() + ")" : "";
        }
        String text = "[" + SummaryTable.num(r.meanDifference() - r.halfWidth95()) + ", "
                + SummaryTable.num(r.meanDifference() + r.halfWidth95()) + "]";
        return r.n() == replications ? text : text + " (n=" + r.n() + ")";
    }

    private static String percent(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%+.1f", p) : "-";
    }

    private static String csv(List<Compare.Row> rows) {
        StringBuilder out = new StringBuilder("metric,meanA,meanB,meanDifference,halfWidth95,n\n");
        for (Compare.Row r : rows) {
            out.append(r.metric()).append(',').append(cell(r.meanA())).append(',').append(cell(r.meanB()))
                    .append(',').append(cell(r.meanDifference())).append(',').append(cell(r.halfWidth95()))
                    .append(',').append(r.n()).append('\n');
        }
        return out.toString();
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? IntervalCsv.plain(v) : "";
    }

    private String json(Scenario a, List<Compare.Row> rows) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("scenario", a.name());
        tree.put("seed", a.seed());
        tree.put("replications", replications);
        List<Long> seeds = new ArrayList<>();
        for (long s : Replications.seeds(a.seed(), replications)) {
            seeds.add(s);
        }
        tree.put("seeds", seeds);
        tree.put("setA", List.copyOf(sets));
        tree.put("setB", List.copyOf(vsSets));
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Compare.Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("meanA", r.meanA());
            m.put("meanB", r.meanB());
            m.put("meanDifference", r.meanDifference());
            m.put("halfWidth95", r.halfWidth95());
            m.put("n", r.n());
            metrics.put(r.metric(), m);
        }
        tree.put("metrics", metrics);
        return SummaryJson.write(tree);
    }
}
