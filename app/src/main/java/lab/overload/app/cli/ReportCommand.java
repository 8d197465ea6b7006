package lab.overload.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.overload.app.headless.ReportCharts;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.RunResult;
import lab.overload.models.json.AtomicFiles;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Parameter;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report}: one run written up for a design review. The scenario's name and description, the settings that
 * differ from the scenario as loaded, the summary table exactly as {@code run} prints it, and the app's charts of
 * the run (rates, latency, queue) drawn headless. HTML embeds the PNGs as data URIs (one self-contained file);
 * Markdown writes them next to the report as {@code NAME-rates.png} and so on. Every file is written atomically.
 */
@Command(name = "report", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION, sortOptions = false,
        description = {"Write a self-contained report of one run (settings, summary tables, chart PNGs) for a "
            + "design-review document.",
            "",
            "--out decides the format: a name ending in .html gives one file with the charts embedded; a name "
                + "ending in .md gives Markdown with the charts written next to it (for NAME.md: NAME-rates.png, "
                + "NAME-latency.png, NAME-queue.png). Needs no display."},
        footer = {"", "Exit codes: 0 done, 1 a file could not be written or an internal error, 2 bad input or usage.",
            "", "Examples:",
            "  overload-lab report goodput-collapse --out review/collapse.html",
            "  overload-lab report goodput-collapse --set services.api.queueCapacity=16 \\",
            "      --out review/shed.md"})
public final class ReportCommand implements Callable<Integer> {
    static final String[] CHARTS = {"rates", "latency", "queue"};
    private static final Map<String, String> TITLES = Map.of("rates", "Offered load, throughput and goodput",
            "latency", "Latency of successful requests", "queue", "Queue length and oldest queued age");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "Scenario JSON file, or the name of a bundled preset.")
    String scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Root random seed; default: the scenario's.")
    Long seed;

    @Option(names = "--duration", paramLabel = "S", description = "Sim seconds to run; default: the scenario's.")
    Double duration;

    @Option(names = "--warmup", paramLabel = "S", description = "Warm-up seconds; default: the scenario's.")
    Double warmup;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Set a parameter path before the run. Repeatable; applied in order.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The report: a file name ending in .html or .md.")
    Path outFile;

    @Override
    public Integer call() {
        String fileName = outFile.getFileName() == null ? "" : outFile.getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean html = lower.endsWith(".html") || lower.endsWith(".htm");
        if (!html && !lower.endsWith(".md")) {
            throw new InputException("--out " + outFile + ": must end in .html (one file) or .md (Markdown with "
                    + "the PNGs next to it)");
        }
        OutputFiles.check("--out", outFile);
        String stem = fileName.substring(0, fileName.lastIndexOf('.'));
        Map<String, Path> pngFiles = new HashMap<>();
        for (String chart : CHARTS) {
            Path png = outFile.resolveSibling(stem + "-" + chart + ".png");
            if (!html) {
                OutputFiles.check("--out", png);
            }
            pngFiles.put(chart, png);
        }
        RunCommand base = new RunCommand();
        base.seed = seed;
        base.duration = duration;
        base.warmup = warmup;
        base.sets = sets;
        Scenario loaded = ScenarioSource.load(scenario);
        Scenario s = base.configure(loaded);

        RunResult result = BatchRunner.run(s, List.of(), false);
        String table = SummaryTable.render(s, result.summary().toMap(), 0, result.events(), result.wallSeconds());
        Map<String, byte[]> pngs = ReportCharts.capture(s);

        List<String> changes = differences(loaded, s);
        try {
            if (html) {
                AtomicFiles.write(outFile, ReportText.html(s, changes, table, pngs).getBytes(StandardCharsets.UTF_8));
            } else {
                for (String chart : CHARTS) {
                    AtomicFiles.write(pngFiles.get(chart), pngs.get(chart));
                }
                Map<String, String> names = new HashMap<>();
                pngFiles.forEach((k, v) -> names.put(k, v.getFileName().toString()));
                String markdown = ReportText.markdown(s, changes, table, names);
                AtomicFiles.write(outFile, markdown.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outFile + ": " + e, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!html) {
            for (String chart : CHARTS) {
                out.println("Wrote " + pngFiles.get(chart));
            }
        }
        out.println("Wrote " + outFile);
        out.flush();
        return OverloadLabCli.EXIT_OK;
    }

    /** "path: old -> new" for every setting of {@code changed} that differs from {@code loaded}, in path order. */
    static List<String> differences(Scenario loaded, Scenario changed) {
        List<String> out = new ArrayList<>();
        if (loaded.seed() != changed.seed()) {
            out.add("seed: " + loaded.seed() + " -> " + changed.seed());
        }
        if (loaded.durationSeconds() != changed.durationSeconds()) {
            out.add("durationSeconds: " + FieldDef.format(loaded.durationSeconds()) + " -> "
                    + FieldDef.format(changed.durationSeconds()));
        }
        if (loaded.warmupSeconds() != changed.warmupSeconds()) {
            out.add("warmupSeconds: " + FieldDef.format(loaded.warmupSeconds()) + " -> "
                    + FieldDef.format(changed.warmupSeconds()));
        }
        Map<String, Parameter> before = new HashMap<>();
        for (Parameter p : ParameterPaths.list(loaded)) {
            before.put(p.path(), p);
        }
        for (Parameter p : ParameterPaths.list(changed)) {
            Parameter old = before.get(p.path());
            if (old == null) {
                out.add(p.path() + ": " + p.displayValue());
            } else if (Double.compare(old.value(), p.value()) != 0) {
                out.add(p.path() + ": " + old.displayValue() + " -> " + p.displayValue());
            }
        }
        return out;
    }

    /** The report texts; PNGs are embedded (HTML) or referenced by file name (Markdown). */
    static final class ReportText {
        private ReportText() {
        }

        static String markdown(Scenario s, List<String> changes, String table, Map<String, String> pngNames) {
            StringBuilder out = new StringBuilder();
            out.append("# ").append(s.name()).append("\n\n");
            if (s.description() != null && !s.description().isBlank()) {
                out.append(s.description()).append("\n\n");
            }
            out.append("## Settings that differ from the scenario\n\n");
            if (changes.isEmpty()) {
                out.append("None: the scenario as loaded (seed ").append(s.seed()).append(").\n");
            }
            for (String c : changes) {
                out.append("- `").append(c).append("`\n");
            }
            out.append("\n## Summary\n\n```\n").append(table).append("```\n");
            for (String chart : CHARTS) {
                out.append("\n## ").append(TITLES.get(chart)).append("\n\n![").append(TITLES.get(chart))
                        .append("](").append(pngNames.get(chart)).append(")\n");
            }
            return out.toString();
        }

        static String html(Scenario s, List<String> changes, String table, Map<String, byte[]> pngs) {
            StringBuilder out = new StringBuilder();
            out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                    .append(escape(s.name())).append("</title>\n</head>\n<body>\n");
            out.append("<h1>").append(escape(s.name())).append("</h1>\n");
            if (s.description() != null && !s.description().isBlank()) {
                out.append("<p>").append(escape(s.description())).append("</p>\n");
            }
            out.append("<h2>Settings that differ from the scenario</h2>\n");
            if (changes.isEmpty()) {
                out.append("<p>None: the scenario as loaded (seed ").append(s.seed()).append(").</p>\n");
            } else {
                out.append("<ul>\n");
                for (String c : changes) {
                    out.append("<li><code>").append(escape(c)).append("</code></li>\n");
                }
                out.append("</ul>\n");
            }
            out.append("<h2>Summary</h2>\n<pre>").append(escape(table)).append("</pre>\n");
            for (String chart : CHARTS) {
                out.append("<h2>").append(escape(TITLES.get(chart))).append("</h2>\n<img alt=\"")
                        .append(escape(TITLES.get(chart))).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(pngs.get(chart))).append("\">\n");
            }
            return out.append("</body>\n</html>\n").toString();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
