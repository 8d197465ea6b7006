package lab.overload.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the CLI reports failures: never a stack trace for something the user can fix.
 * <ul>
 *   <li>usage errors (unknown option, missing or unparsable value): {@code error: ...} plus a {@code hint:} line,
 *       exit 2;</li>
 *   <li>bad input found while checking a command ({@link InputException}): one {@code error: ...} line, exit 2;</li>
 *   <li>an output file that cannot be written: one line, exit 1;</li>
 *   <li>an IllegalArgumentException from a check in the models or engine that the command did not repeat: it is
 *       about the user's input, so one line, exit 2;</li>
 *   <li>running out of memory: one line with the heap limit and what to do, exit 1 (see
 *       {@link OverloadLabCli#execute});</li>
 *   <li>anything else is a bug: one line, then the stack trace for the bug report, exit 1.</li>
 * </ul>
 */
final class CliErrors {
    private CliErrors() {
    }

    /** The one line for running out of memory: the heap limit and what to do about it. */
    static String outOfMemory() {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "error: out of memory (the Java heap limit is " + maxMb + " MB). Give Java more heap, e.g. "
                + "OVERLOAD_LAB_JAVA_OPTS=-Xmx4g ./overload-lab ... (or java -Xmx4g -jar overload-lab.jar ...), or "
                + "ask for less: a shorter --duration, fewer --replications or --steps, or a smaller queue capacity";
    }

    /** Usage errors found by picocli while parsing the command line. */
    static final class Parameters implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + Text.escape(ex.getMessage()));
            err.println("hint: " + suggestion(ex) + "see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
            err.flush();
            return OverloadLabCli.EXIT_USAGE;
        }

        private static String suggestion(ParameterException ex) {
            if (ex instanceof UnmatchedArgumentException u) {
                List<String> s = u.getSuggestions();
                if (!s.isEmpty()) {
                    return "did you mean " + String.join(" or ", s.subList(0, Math.min(3, s.size()))) + "? ";
                }
            }
            return "";
        }
    }

    /** Exceptions thrown by a command's {@code call()}. */
    static final class Execution implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            int code;
            if (ex instanceof InputException) {
                err.println("error: " + Text.escape(ex.getMessage()));
                code = OverloadLabCli.EXIT_USAGE;
            } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
                Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
                err.println("error: " + Text.escape(ex.getMessage() == null ? io.toString() : ex.getMessage()));
                code = OverloadLabCli.EXIT_FAILED;
            } else if (ex instanceof IllegalArgumentException) {
                // a check in the models or engine that the command did not make first: still the user's input
                err.println("error: " + Text.escape(ex.getMessage()));
                code = OverloadLabCli.EXIT_USAGE;
            } else {
                err.println("error: internal error (please report it with the trace below): " + ex);
                ex.printStackTrace(err);
                code = OverloadLabCli.EXIT_FAILED;
            }
            err.flush();
            return code;
        }
    }
}
