package lab.overload.models.scenario;

import java.util.List;

/**
 * Client-side adaptive throttling (Google SRE book, "Handling Overload"): over the last {@code windowSeconds} the
 * client counts its requests (every attempt it wanted to send, including the ones it rejected itself) and the
 * accepts (attempts the backend answered, with success or an application error, rather than shed, throttled or left
 * unanswered), and rejects each new attempt locally with probability max(0, (requests - k accepts) / (requests + 1)).
 * In steady state the backend then sees about k times the attempts it can accept.
 */
public record ThrottleSpec(boolean enabled, double windowSeconds, double k) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Throttle", ThrottleSpec.class, List.of(
            FieldDef.bool("enabled", false,
                    "Whether the client rejects attempts locally when the backend accepts too few of them."),
            FieldDef.real("windowSeconds", "s", 1, 600, 120,
                    "Sliding window over which requests and accepts are counted (the SRE book uses 2 minutes).")
                    .shownWhen(Condition.is("enabled", true)),
            FieldDef.real("k", "", 1, 10, 2,
                    "Multiplier K: the backend is sent up to K times the attempts it accepts (lower = sooner).")
                    .shownWhen(Condition.is("enabled", true))));

    /** Adaptive throttling off. */
    public static final ThrottleSpec NONE = new ThrottleSpec(false, 120, 2);

    public ThrottleSpec {
        SCHEMA.check("windowSeconds", windowSeconds);
        SCHEMA.check("k", k);
    }
}
