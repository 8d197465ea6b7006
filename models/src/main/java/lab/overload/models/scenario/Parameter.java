package lab.overload.models.scenario;

/**
 * One tunable value of a scenario: its path (e.g. {@code clients.web.ratePerSecond}), its field definition (unit,
 * range, default, description) and its current value in numeric encoding (booleans 0/1, choices their index).
 */
public record Parameter(String path, String group, FieldDef def, double value) {
    /** The current value as users read it. */
    public String displayValue() {
        return def.display(value);
    }
}
