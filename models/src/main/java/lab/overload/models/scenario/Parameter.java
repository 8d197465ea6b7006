package lab.overload.models.scenario;

/**
 * One tunable value of a scenario: its path (e.g. {@code clients.web.ratePerSecond}), its field definition (unit,
 * range, default, description) and its current value in numeric encoding (booleans 0/1, choices their index).
 *
 * @param group   the part of the scenario it belongs to, as a path prefix: {@code clients.web}, {@code services.api}
 * @param control the control-panel group of its field
 * @param shown   whether it matters under the scenario's current settings (the panel hides it otherwise)
 */
public record Parameter(String path, String group, FieldDef def, double value, ControlGroup control, boolean shown) {
    /** The current value as users read it. */
    public String displayValue() {
        return def.display(value);
    }
}
