package lab.overload.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The headless CLI, {@code overload-lab}. Build it with {@link #newCommandLine()}, which installs the error handlers
 * (one {@code error:} line instead of a stack trace; exit 2 for bad input and usage errors).
 */
@Command(name = "overload-lab", mixinStandardHelpOptions = true, version = OverloadLabCli.VERSION,
        description = {"Overload Lab: a deterministic laboratory for overload behaviour in services and serverless "
            + "systems. Headless commands for design reviews, sweeps and CI."},
        subcommands = {RunCommand.class, OverlapCommand.class, ValidateCommand.class, BenchCommand.class,
            SweepCommand.class, MergeCommand.class, MetastabilityCommand.class, BenchUiCommand.class,
            ScreenshotsCommand.class, CompareCommand.class, ReportCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure (a failed check, an unwritable output, an internal error), "
            + "2 bad input or usage.",
            "Run 'overload-lab COMMAND --help' for a command's options."})
public final class OverloadLabCli implements Callable<Integer> {
    public static final String VERSION = "0.1.0";
    public static final int EXIT_OK = 0;
    /** A check failed (e.g. a validation case), an output could not be written, or an internal error. */
    public static final int EXIT_FAILED = 1;
    /** Bad input or usage. */
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    /** Without a subcommand: print the usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return EXIT_OK;
    }

    /**
     * Runs a command line built by {@link #newCommandLine()} and returns the exit code. Running out of memory is one
     * {@code error:} line saying what to do, not a stack trace (exit 1).
     */
    public static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            cli.getErr().println(CliErrors.outOfMemory());
            cli.getErr().flush();
            return EXIT_FAILED;
        }
    }

    /** The CLI with its error handlers installed; run it with {@link #execute(CommandLine, String...)}. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new OverloadLabCli());
        cli.setParameterExceptionHandler(new CliErrors.Parameters());
        cli.setExecutionExceptionHandler(new CliErrors.Execution());
        return cli;
    }
}
