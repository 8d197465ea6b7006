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

    /**
     * Runs the launcher and returns the process exit code (for tests and embedding). A window that cannot start
     * prints why on stderr and returns {@link OverloadLabCli#EXIT_FAILED}; {@link #main} then exits, so no thread
     * started before the failure (the simulation's) keeps the JVM alive without a window.
     */
    public static int run(String... args) {
        if (args.length == 0 || args[0].equals("gui")) {
            try {
                javafx.application.Application.launch(OverloadLabApp.class);
            } catch (RuntimeException | Error e) {
                System.err.println("error: Overload Lab could not start: " + reason(e));
                System.err.flush();
                return OverloadLabCli.EXIT_FAILED;
            }
            return OverloadLabCli.EXIT_OK;
        }
        return OverloadLabCli.execute(OverloadLabCli.newCommandLine(), args);
    }

    /** The innermost cause that says something, with the exception types along the way left out. */
    static String reason(Throwable e) {
        Throwable t = e;
        String said = e.toString();
        while (t != null) {
            if (t instanceof OutOfMemoryError) {
                return "out of memory; start it with more heap, e.g. OVERLOAD_LAB_JAVA_OPTS=-Xmx4g ./overload-lab";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                said = t.getMessage();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return said;
    }
}
