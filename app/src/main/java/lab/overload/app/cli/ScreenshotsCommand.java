package lab.overload.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lab.overload.app.headless.Screenshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code screenshots}: regenerates the window screenshots of every bundled preset, headless and reproducibly. */
@Command(name = "screenshots", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION,
        description = {"Render the main window on each bundled preset at the end of its run (the preset's own seed, "
            + "so the pictures are reproducible), plus two tipping-point curves, the Platform and Queues tabs, and three "
            + "windows in presenter mode at 1280x720 (*-presenter.png), and write one PNG each. Needs no display."},
        footer = {"", "Example:", "  overload-lab screenshots --out screenshots"})
public final class ScreenshotsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the PNGs (default: screenshots).")
    Path out = Path.of("screenshots");

    @Option(names = "--seconds", paramLabel = "S",
            description = "Sim seconds to run each preset before the picture, 1 to 3600, capped at the preset's "
                    + "duration (default: each preset's whole duration).")
    double seconds = 0;

    @Override
    public Integer call() throws Exception {
        if (seconds != 0 && !(seconds >= 1 && seconds <= 3600)) {
            throw new InputException("--seconds must be in [1, 3600], was " + seconds);
        }
        List<Path> files = Screenshots.write(out, seconds);
        for (Path f : files) {
            spec.commandLine().getOut().println("Wrote " + f);
        }
        spec.commandLine().getOut().flush();
        return OverloadLabCli.EXIT_OK;
    }
}
