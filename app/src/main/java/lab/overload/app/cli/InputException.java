package lab.overload.app.cli;

/**
 * Bad input from the user (a missing or malformed scenario, a bad parameter path or value, an out-of-range option):
 * reported as one line on stderr, exit code {@link OverloadLabCli#EXIT_USAGE}. The message names the option, JSON
 * path or parameter path at fault and what is allowed.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
