package lab.overload.app.cli;

import java.util.concurrent.Callable;
import lab.overload.app.headless.FrameBench;
import lab.overload.models.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-ui}: the headless frame-time benchmark of the full dashboard. */
@Command(name = "bench-ui", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION,
        description = {"Run the full dashboard headless (software renderer) with the engine at a given speed and "
            + "report frame time, the lab's per-pulse work, the FX thread's response time to a probe posted every "
            + "100 ms, and the heap after GC at the start and the end."},
        footer = {"", "Example:",
            "  overload-lab bench-ui --scenario goodput-collapse --speed 10 --seconds 60 --warmup 10",
            "  overload-lab bench-ui --scenario modal-cold-starts --tab 0 --speed 10 --seconds 60",
            "  overload-lab bench-ui --scenario shuffle-sharding --tab queues --speed 10 --seconds 60"})
public final class BenchUiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "SCENARIO", description = "Scenario file or preset "
            + "(default: goodput-collapse).")
    String scenario = "goodput-collapse";

    @Option(names = "--speed", paramLabel = "X", description = "Engine speed, 0.1 to 100 (default: 10).")
    double speed = 10;

    @Option(names = "--seconds", paramLabel = "S", description = "Wall seconds to measure, 5 to 3600 (default: 60).")
    double seconds = 60;

    @Option(names = "--warmup", paramLabel = "S", description = "Wall seconds to run before measuring, 0 to 600 "
            + "(default: 10). The share of slow frames is still printed for every 10 s, warm-up included.")
    double warmup = 10;

    @Option(names = "--ab", description = "Run with the A/B split on from the start (two worlds in lock step, side B's "
            + "series drawn over side A's).")
    boolean ab;

    @Option(names = "--tab", paramLabel = "TAB", description = "Chart tab shown: its key, 1 (the overview, default) "
            + "to 9 or 0 for the tenth (Platform or Queues), or the end of its title, e.g. queues, platform, operate.")
    String tab = "";

    @Override
    public Integer call() throws Exception {
        if (!(speed >= 0.1 && speed <= 100)) {
            throw new InputException("--speed must be in [0.1, 100], was " + speed);
        }
        if (!(seconds >= 5 && seconds <= 3600)) {
            throw new InputException("--seconds must be in [5, 3600], was " + seconds);
        }
        if (!(warmup >= 0 && warmup <= 600)) {
            throw new InputException("--warmup must be in [0, 600], was " + warmup);
        }
        Scenario s = ScenarioSource.load(scenario);
        String byTitle = tab.trim();
        java.util.function.Consumer<lab.overload.app.OverloadLabApp.Lab> pick = lab -> { };
        if (byTitle.matches("\\d+")) {
            int key = Integer.parseInt(byTitle);
            if (key > 9) {
                throw new InputException("--tab must be a tab's key, 0 to 9, was " + key);
            }
            if (key == 0 && s.functions().isEmpty() && s.queues().isEmpty()) {
                throw new InputException("--tab 0: the scenario has no tenth tab (Platform or Queues need functions "
                        + "or queues)");
            }
            int index = key == 0 ? 9 : key - 1;
            pick = lab -> lab.view().chartsView().getSelectionModel().select(index);
            byTitle = "";
        }
        java.util.function.Consumer<lab.overload.app.OverloadLabApp.Lab> select = pick;
        FrameBench.Result r;
        try {
            r = FrameBench.run(s, speed, seconds, warmup, byTitle, lab -> {
                select.accept(lab);
                lab.vm().setAbSplit(ab);
            });
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        spec.commandLine().getOut().print(r.report());
        spec.commandLine().getOut().flush();
        return OverloadLabCli.EXIT_OK;
    }
}
