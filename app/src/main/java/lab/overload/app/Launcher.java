package lab.overload.app;

import lab.overload.app.cli.OverloadLabCli;

/**
 * Entry point of {@code overload-lab.jar}. A plain {@code main} (it does not extend a JavaFX {@code Application}, so
 * the shaded jar starts without JavaFX on the module path). With no arguments or {@code gui} it opens the window on
 * the first lesson; with a subcommand it runs the headless CLI, which needs no display.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the launcher and returns the process exit code (for tests and embedding). */
    public static int run(String... args) {
        if (args.length == 0 || args[0].equals("gui")) {
            javafx.application.Application.launch(OverloadLabApp.class);
            return OverloadLabCli.EXIT_OK;
        }
        return OverloadLabCli.newCommandLine().execute(args);
    }
}
