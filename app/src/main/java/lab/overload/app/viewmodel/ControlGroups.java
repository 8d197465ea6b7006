package lab.overload.app.viewmodel;

import java.util.Map;

/** Which group of the control panel a parameter belongs to, by its field name (DESIGN.md §6). */
public final class ControlGroups {
    public static final String LOAD = "Load";
    public static final String CLIENT = "Client";
    public static final String LATENCY = "Latency";
    public static final String SERVER = "Server";
    public static final String CLIENT_POLICIES = "Client policies";
    public static final String SERVER_POLICIES = "Server policies";
    public static final String DEPENDENCY = "Dependency";

    /** Nested policy objects, by the path segment that names them. */
    private static final Map<String, String> BY_OBJECT = Map.of(
            "retryBudget", CLIENT_POLICIES, "throttle", CLIENT_POLICIES, "circuitBreaker", CLIENT_POLICIES,
            "pagination", CLIENT_POLICIES, "limit", SERVER_POLICIES, "shedding", SERVER_POLICIES,
            "deadline", SERVER_POLICIES, "boundedWork", SERVER_POLICIES, "dependency", DEPENDENCY);

    private static final Map<String, String> BY_FIELD = Map.ofEntries(
            Map.entry("loop", LOAD), Map.entry("arrivals", LOAD), Map.entry("ratePerSecond", LOAD),
            Map.entry("users", LOAD), Map.entry("thinkTimeMillis", LOAD), Map.entry("sizeDistribution", LOAD),
            Map.entry("sizeMean", LOAD), Map.entry("sizeCv", LOAD),
            Map.entry("timeoutKind", CLIENT), Map.entry("timeoutMillis", CLIENT), Map.entry("maxAttempts", CLIENT),
            Map.entry("backoffBaseMillis", CLIENT), Map.entry("backoffCapMillis", CLIENT),
            Map.entry("jitter", CLIENT),
            Map.entry("serviceTimeDistribution", LATENCY), Map.entry("serviceTimeMillis", LATENCY),
            Map.entry("serviceTimeCv", LATENCY), Map.entry("errorProbability", LATENCY),
            Map.entry("contentionSigma", LATENCY), Map.entry("coherencyKappa", LATENCY));

    private ControlGroups() {
    }

    /** The group of a parameter path's last field; everything not listed is a server setting. */
    public static String of(String path) {
        String[] parts = path.split("\\.");
        if (parts.length > 3 && BY_OBJECT.containsKey(parts[2])) {
            return BY_OBJECT.get(parts[2]);
        }
        String field = parts[parts.length - 1];
        return BY_FIELD.getOrDefault(field, SERVER);
    }

    public static final java.util.List<String> ORDER = java.util.List.of(LOAD, CLIENT, CLIENT_POLICIES, LATENCY,
            SERVER, SERVER_POLICIES, DEPENDENCY);
}
