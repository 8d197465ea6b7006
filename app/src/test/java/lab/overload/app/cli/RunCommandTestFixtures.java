package lab.overload.app.cli;

/** Small text helpers for the scenario fixtures. */
final class RunCommandTestFixtures {
    private RunCommandTestFixtures() {
    }

    /** The text with one occurrence of {@code from} replaced; fails when it does not occur. */
    static String replace(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalArgumentException("fixture does not contain " + from);
        }
        return text.replace(from, to);
    }
}
