package lab.overload.models.scenario;

import java.util.List;

/**
 * A scheduled parameter change: at {@code atSeconds} set {@code path} to {@code value}. With {@code rampSeconds > 0}
 * a numeric value moves linearly from its current value over that time (in steps of one metrics interval). With
 * {@code holdSeconds > 0} the previous value is restored after that long (a spike).
 */
public record TimelineChange(double atSeconds, String path, String value, double rampSeconds, double holdSeconds,
                             String label) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("TimelineChange", TimelineChange.class, List.of(
            FieldDef.real("atSeconds", "s", 0, 864_000, 0, "Sim time of the change.").fixed(),
            FieldDef.text("path", null, 200, "Parameter path to change, e.g. clients.web.ratePerSecond."),
            FieldDef.text("value", null, 100, "New value: a number, true/false or a choice name."),
            FieldDef.real("rampSeconds", "s", 0, 864_000, 0,
                    "Move linearly to the value over this time; 0 = a step.").fixed(),
            FieldDef.real("holdSeconds", "s", 0, 864_000, 0,
                    "Restore the previous value after this time; 0 = keep it (a spike when > 0).").fixed(),
            FieldDef.text("label", "", 200, "Marker text shown on the time axis.")));

    public TimelineChange {
        SCHEMA.check("atSeconds", atSeconds);
        path = SCHEMA.checkText("path", path);
        value = SCHEMA.checkText("value", value);
        SCHEMA.check("rampSeconds", rampSeconds);
        SCHEMA.check("holdSeconds", holdSeconds);
        label = SCHEMA.checkText("label", label);
    }
}
