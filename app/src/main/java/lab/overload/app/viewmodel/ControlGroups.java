package lab.overload.app.viewmodel;

import java.util.Map;

/** Which group of the control panel a parameter belongs to, by its field name (DESIGN.md §6). */
public final class ControlGroups {
    public static final String LOAD = "Load";
    public static final String CLIENT = "Client";
    public static final String LATENCY = "Latency";
    public static final String SERVER = "Server";

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
        String field = path.substring(path.lastIndexOf('.') + 1);
        return BY_FIELD.getOrDefault(field, SERVER);
    }

    public static final java.util.List<String> ORDER = java.util.List.of(LOAD, CLIENT, LATENCY, SERVER);
}
