package lab.overload.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.Hysteresis;
import lab.overload.engine.run.MetastabilityDetector;
import lab.overload.engine.run.MetastabilityDetector.Settings;
import lab.overload.engine.run.MetastabilityDetector.Trigger;
import lab.overload.engine.run.MetastabilityDetector.TriggerReport;
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
 * {@code metastability}: runs a scenario and says, for each trigger (a timeline change with {@code holdSeconds > 0},
 * such as a load spike), whether goodput came back after the trigger ended or the system stayed stuck; with
 * {@code --hysteresis}, how far the load must drop after a load spike for the system to recover.
 */
@Command(name = "metastability", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION,
        sortOptions = false,
        description = {"Run a scenario and check whether it recovers from each trigger: a timeline change with "
            + "holdSeconds > 0, such as a load spike or a latency spike. For each trigger it prints the goodput "
            + "before the trigger (baseline, the 10 s before it starts), the goodput at the end of the run (the last "
            + "--window seconds, starting no earlier than --grace seconds after the trigger ends), the verdict "
            + "(RECOVERED when after >= --fraction x baseline, else STILL DEGRADED) and the recovery time (from the "
            + "trigger's end until goodput, averaged over 1 s, stays above the threshold for 5 s).",
            "",
            "With --hysteresis it also runs the scenario once for each of --steps loads from the base load down to "
                + "--lowest of it, setting the spiked clients.NAME.ratePerSecond to that load when the spike ends "
                + "(instead of restoring it), and reports the highest load at which the system recovers. Those runs "
                + "compare the share of requests that succeed, since a healthy system at a lower load also has a "
                + "lower goodput. The exit code is 0 whatever the verdicts."},
        footer = {"", "Exit codes: 0 done, 1 an internal error, 2 bad input or usage.",
            "", "Examples:",
            "  overload-lab metastability metastable-retry-storm",
            "  overload-lab metastability metastable-retry-storm --set services.api.discipline=LIFO",
            "  overload-lab metastability metastable-retry-storm --hysteresis --steps 19"})
public final class MetastabilityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "Scenario JSON file, or the name of a bundled preset.")
    String scenario;

    @Option(names = "--grace", paramLabel = "S",
            description = "Seconds after a trigger ends before the after window may start (default: 10).")
    double grace = 10;

    @Option(names = "--fraction", paramLabel = "F",
            description = "Share of the baseline that counts as recovered, in (0, 1] (default: 0.5).")
    double fraction = 0.5;

    @Option(names = "--window", paramLabel = "S",
            description = "Length of the after window at the end of the run (default: 10).")
    double window = 10;

    @Option(names = "--hysteresis",
            description = "Also find the load after a load spike below which the system recovers.")
    boolean hysteresis;

    @Option(names = "--steps", paramLabel = "N",
            description = "Loads tried by --hysteresis, from the base load down to --lowest of it, 1 to 1000 "
                    + "(default: 10).")
    Integer steps;

    @Option(names = "--lowest", paramLabel = "F",
            description = "Lowest load tried by --hysteresis as a share of the base load, in [0, 1] (default: 0.1).")
    Double lowest;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Set a parameter path before the run, e.g. clients.web.retry.maxAttempts=1. Repeatable; "
                    + "applied in order.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Root random seed; default: the scenario's.")
    Long seed;

    @Option(names = "--duration", paramLabel = "S",
            description = "Sim seconds to run; default: the scenario's durationSeconds.")
    Double duration;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs of --hysteresis at once; default: available processors. Results do not depend on "
                    + "it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        // 1. check everything before any work
        Settings settings = settings();
        int n = steps == null ? 10 : steps;
        double low = lowest == null ? 0.1 : lowest;
        if (!hysteresis && (steps != null || lowest != null)) {
            throw new InputException((steps != null ? "--steps" : "--lowest") + " needs --hysteresis");
        }
        if (n < 1 || n > 1000) {
            throw new InputException("--steps must be an integer in [1, 1000], was " + n);
        }
        if (!(low >= 0 && low <= 1)) {
            throw new InputException("--lowest must be in [0, 1], was " + FieldDef.format(low));
        }
        if (threads < 1 || threads > 1024) {
            throw new InputException("--threads must be an integer in [1, 1024], was " + threads);
        }
        Scenario s = configure(ScenarioSource.load(scenario));
        List<Trigger> triggers = MetastabilityDetector.triggers(s);
        if (triggers.isEmpty()) {
            throw new InputException("SCENARIO '" + scenario + "' has no trigger to check: no timeline change "
                    + "with holdSeconds > 0 (a spike that ends)");
        }
        Trigger loadTrigger = null;
        if (hysteresis) {
            try {
                loadTrigger = Hysteresis.loadTrigger(s);
                Hysteresis.prepare(s, loadTrigger, Hysteresis.baseLoad(s, loadTrigger) * low);
            } catch (IllegalArgumentException e) {
                throw new InputException("--hysteresis: " + e.getMessage(), e);
            }
        }

        // 2. run and report
        PrintWriter out = spec.commandLine().getOut();
        RunResult run = BatchRunner.run(s, List.of(), true);
        MetastabilityDetector.Report report = MetastabilityDetector.analyze(triggers, run.intervals(), settings);
        out.print(render(s, report));
        if (hysteresis) {
            Hysteresis.Result result = Hysteresis.run(s, loadTrigger, new Hysteresis.Plan(n, low, settings),
                    threads);
            out.print(render(result));
        }
        out.flush();
        return OverloadLabCli.EXIT_OK;
    }

    private Settings settings() {
        if (!(Double.isFinite(grace) && grace >= 0 && grace <= 864_000)) {
            throw new InputException("--grace must be in [0, 864000] s, was " + FieldDef.format(grace));
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new InputException("--fraction must be in (0, 1], was " + FieldDef.format(fraction));
        }
        if (!(Double.isFinite(window) && window > 0 && window <= 864_000)) {
            throw new InputException("--window must be in (0, 864000] s, was " + FieldDef.format(window));
        }
        return Settings.DEFAULTS.withGrace(grace).withFraction(fraction).withWindow(window);
    }

    /** The scenario with --seed, --duration and every --set applied, each checked and named on error. */
    private Scenario configure(Scenario s) {
        try {
            if (seed != null) {
                s = s.withSeed(Overrides.seed("--seed", seed));
            }
            if (duration != null) {
                Scenario.SCHEMA.field("durationSeconds").checkAs("--duration", duration);
                if (s.warmupSeconds() >= duration) {
                    throw new InputException("--duration (" + FieldDef.format(duration) + " s) must be more than "
                            + "the scenario's warmupSeconds (" + FieldDef.format(s.warmupSeconds()) + " s)");
                }
                s = s.withDuration(duration, s.warmupSeconds());
            }
        } catch (InputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new InputException("--set '" + set + "' must look like PATH=VALUE, e.g. "
                        + "clients.web.retry.maxAttempts=1");
            }
            try {
                s = ParameterPaths.with(s, set.substring(0, eq).trim(), set.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new InputException("--set " + e.getMessage(), e);
            }
        }
        return s;
    }

    static String render(Scenario s, MetastabilityDetector.Report report) {
        Settings st = report.settings();
        StringBuilder sb = new StringBuilder();
        sb.append(Text.escape(s.name())).append(" (seed ").append(s.seed()).append("), ")
                .append(FieldDef.format(s.durationSeconds())).append(" s simulated\n");
        sb.append("Recovered = goodput over the last ").append(FieldDef.format(st.windowSeconds()))
                .append(" s (from ").append(FieldDef.format(st.graceSeconds()))
                .append(" s after the trigger ends) >= ").append(FieldDef.format(st.fraction()))
                .append(" x goodput in the ").append(FieldDef.format(st.baselineSeconds()))
                .append(" s before it.\n\n");
        int i = 1;
        for (TriggerReport r : report.triggers()) {
            TextTable table = new TextTable();
            sb.append("Trigger ").append(i++).append(": ").append(Text.escape(r.trigger().describe())).append('\n');
            table.section("", "goodput/s", "offered/s");
            table.row("baseline, " + span(r.baselineFromSeconds(), r.baselineToSeconds()), rate(r.baseline()),
                    rate(r.baselineOffered()));
            table.row(r.afterToSeconds() > r.afterFromSeconds()
                    ? "after, " + span(r.afterFromSeconds(), r.afterToSeconds())
                    : "after, from " + FieldDef.format(round1(r.afterFromSeconds())) + " s", rate(r.after()),
                    rate(r.afterOffered()));
            table.row("threshold (" + FieldDef.format(st.fraction()) + " x baseline)", rate(r.threshold()), "");
            table.row("verdict", verdict(r), "");
            table.row("recovery time", recovery(r), "");
            sb.append(table.render()).append('\n');
        }
        for (TriggerReport r : report.triggers()) {
            if (r.verdict() == MetastabilityDetector.Verdict.PENDING
                    || r.verdict() == MetastabilityDetector.Verdict.UNKNOWN) {
                sb.append("note: ").append(Text.escape(r.trigger().describe())).append(": ").append(r.reason())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    static String render(Hysteresis.Result result) {
        StringBuilder sb = new StringBuilder("Hysteresis: ").append(result.path())
                .append(" set to each load when the spike ends (base load ").append(FieldDef.format(result.baseLoad()))
                .append("/s).\nRecovered = share of requests that succeed over the after window >= ")
                .append(FieldDef.format(result.plan().settings().fraction()))
                .append(" x the share before the spike.\n\n");
        TextTable table = new TextTable();
        table.section("load after the spike", "of base", "goodput/s", "succeeded", "verdict", "recovery time");
        for (Hysteresis.Row row : result.rows()) {
            TriggerReport r = row.report();
            table.row(num(row.load()) + "/s", pct(row.share()), rate(r.after() * r.afterOffered()), pct(r.after()),
                    verdict(r), recovery(r));
        }
        sb.append(table.render()).append('\n');
        if (Double.isNaN(result.recoveryLoad())) {
            Hysteresis.Row last = result.rows().get(result.rows().size() - 1);
            sb.append("It recovered at none of these loads, down to ").append(num(last.load())).append("/s.\n");
        } else if (result.recoversAtBaseLoad()) {
            sb.append("Recovery load: ").append(num(result.recoveryLoad()))
                    .append("/s, the base load itself: it recovers without help (no hysteresis).\n");
        } else {
            sb.append("Recovery load: ").append(num(result.recoveryLoad())).append("/s (")
                    .append(pct(result.recoveryShare())).append(" of the base load ")
                    .append(FieldDef.format(result.baseLoad()))
                    .append("/s): after the spike the load had to fall this far for the system to recover.\n");
        }
        return sb.toString();
    }

    private static String verdict(TriggerReport r) {
        return r.verdict().name().replace('_', ' ');
    }

    private static String recovery(TriggerReport r) {
        return r.hasRecoveryTime() ? String.format(Locale.ROOT, "%.1f s", r.recoverySeconds()) : "none";
    }

    private static String span(double from, double to) {
        return FieldDef.format(round1(from)) + "-" + FieldDef.format(round1(to)) + " s";
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String num(double v) {
        return FieldDef.format(Math.round(v * 100) / 100.0);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
