package lab.overload.models.json;

/**
 * A scenario document that cannot be read: {@link #jsonPath()} says where (e.g. {@code $.clients[0].ratePerSecond})
 * and the message says what is wrong and what is allowed.
 */
public final class ScenarioFormatException extends IllegalArgumentException {
    private final String jsonPath;

    public ScenarioFormatException(String jsonPath, String problem) {
        super(jsonPath + ": " + problem);
        this.jsonPath = jsonPath;
    }

    public ScenarioFormatException(String jsonPath, String problem, Throwable cause) {
        super(jsonPath + ": " + problem, cause);
        this.jsonPath = jsonPath;
    }

    public String jsonPath() {
        return jsonPath;
    }
}
