package lab.overload.models.scenario;

import java.util.List;

/**
 * An API front door: a token bucket of {@code burst} tokens refilled continuously at {@code ratePerSecond}, in front
 * of one {@code target} stage (a function or a service). An attempt that finds a whole token takes it and is passed
 * on; one that finds less than a token is answered at once with a cheap 429 ({@code THROTTLED}), which its client may
 * retry. The defaults are API Gateway's account-level limits (10,000 per second, burst 5,000); each API may have its
 * own, lower limit.
 */
public record ApiSpec(String name, String target, double ratePerSecond, int burst) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Api", ApiSpec.class, ControlGroup.API, List.of(
            FieldDef.text("name", null, 40, "Identifier used in parameter paths (letters, digits, - and _)."),
            FieldDef.text("target", null, 40, "Stage this API passes requests to (a function or a service)."),
            FieldDef.real("ratePerSecond", "1/s", 0.001, 1_000_000, 10_000,
                    "Steady throttle rate: tokens added per second, continuously.").log(),
            FieldDef.integer("burst", "requests", 1, 1_000_000, 5_000,
                    "Bucket size: the most requests admitted at once after a quiet period.").log()));

    public ApiSpec {
        name = ClientSpec.checkName(SCHEMA.checkText("name", name), "name");
        target = ClientSpec.checkName(SCHEMA.checkText("target", target), "target");
        SCHEMA.check("ratePerSecond", ratePerSecond);
        SCHEMA.check("burst", burst);
    }
}
