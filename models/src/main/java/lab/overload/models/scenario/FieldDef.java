package lab.overload.models.scenario;

import java.util.List;
import java.util.Locale;

/**
 * One field of a scenario object: its name (the record component and JSON property), kind, unit, allowed range,
 * default and a one-sentence description. The field table of every spec is the single source for validation
 * messages, the JSON codec, the parameter paths the GUI builds sliders from, the control panel's grouping and
 * {@code docs/scenario-format.md}.
 *
 * @param live       for tunable fields: true if a running simulation applies a change at once, false if it needs a
 *                   restart (the runner restarts cleanly and says so)
 * @param group      the control-panel group of this field (for an object field: of the fields inside it), or null
 *                   to take the group of the object that holds it
 * @param shownWhen  when the field matters, as a rule on the other fields of the same record; the control panel
 *                   hides it otherwise (for an object field: hides every field inside it)
 * @param since      the first schemaVersion that has this field; an older file that sets it is rejected
 * @param countField for a {@link Kind#SPARSE} field: the integer field of the same record that bounds its indices
 *                   (index below that value), or empty when only {@code max} bounds them
 */
public record FieldDef(String name, Kind kind, String unit, double min, double max, Object defaultValue,
                       List<String> choices, ObjectSchema element, boolean tunable, boolean live, boolean logScale,
                       String description, ControlGroup group, Condition shownWhen, int since, String countField) {

    /**
     * What a field holds. SPARSE is an object whose keys are indices ("0", "17") and whose values are override
     * objects of the element schema ({@link IndexedOverrides}); min and max bound the indices.
     */
    public enum Kind { REAL, INTEGER, BOOLEAN, CHOICE, TEXT, OBJECT, LIST, TEXT_LIST, SPARSE }

    private FieldDef(String name, Kind kind, String unit, double min, double max, Object defaultValue,
                     List<String> choices, ObjectSchema element, boolean tunable, boolean logScale,
                     String description) {
        this(name, kind, unit, min, max, defaultValue, choices, element, tunable, tunable, logScale, description, null,
                Condition.ALWAYS, 1, "");
    }

    public static FieldDef real(String name, String unit, double min, double max, double def, String description) {
        return new FieldDef(name, Kind.REAL, unit, min, max, def, List.of(), null, true,
                max > 0 && min >= 0 && max / Math.max(min, 1e-300) >= 1000 && min > 0, description);
    }

    public static FieldDef integer(String name, String unit, long min, long max, long def, String description) {
        return new FieldDef(name, Kind.INTEGER, unit, min, max, def, List.of(), null, true,
                min > 0 && (double) max / min >= 1000, description);
    }

    public static FieldDef bool(String name, boolean def, String description) {
        return new FieldDef(name, Kind.BOOLEAN, "", 0, 1, def, List.of(), null, true, false, description);
    }

    public static <E extends Enum<E>> FieldDef choice(String name, Class<E> type, E def, String description) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return new FieldDef(name, Kind.CHOICE, "", 0, names.size() - 1, def, names, null, true, false, description);
    }

    public static FieldDef text(String name, String def, int maxLength, String description) {
        return new FieldDef(name, Kind.TEXT, "", def == null ? 1 : 0, maxLength, def, List.of(), null, false, false,
                description);
    }

    public static FieldDef textList(String name, String description) {
        return new FieldDef(name, Kind.TEXT_LIST, "", 0, 64, List.of(), List.of(), null, false, false, description);
    }

    public static FieldDef object(String name, ObjectSchema schema, String description) {
        return new FieldDef(name, Kind.OBJECT, "", 0, 0, null, List.of(), schema, false, false, description);
    }

    public static FieldDef list(String name, ObjectSchema element, int minSize, int maxSize, String description) {
        return new FieldDef(name, Kind.LIST, "", minSize, maxSize, minSize == 0 ? List.of() : null, List.of(),
                element, false, false, description);
    }

    /**
     * A sparse map of index to override object (see {@link IndexedOverrides}): indices in [0, maxIndex], and below
     * the value of the integer field {@code countField} of the same record when that is not empty. Every field of
     * the element schema needs a default (a member without an override takes them all).
     */
    public static FieldDef sparse(String name, ObjectSchema element, int maxIndex, String countField,
                                  String description) {
        return new FieldDef(name, Kind.SPARSE, "", 0, maxIndex, IndexedOverrides.empty(), List.of(), element, false,
                false, false, description, null, Condition.ALWAYS, 1, countField == null ? "" : countField);
    }

    /** Copy of this field that a running simulation cannot change in place (a change restarts it). */
    public FieldDef restartRequired() {
        return new FieldDef(name, kind, unit, min, max, defaultValue, choices, element, tunable, false, logScale,
                description, group, shownWhen, since, countField);
    }

    /** Copy of this field that is not offered as a parameter path (structural or identity fields). */
    public FieldDef fixed() {
        return new FieldDef(name, kind, unit, min, max, defaultValue, choices, element, false, false, logScale,
                description, group, shownWhen, since, countField);
    }

    /** Copy with a logarithmic slider (the range spans decades). */
    public FieldDef log() {
        return new FieldDef(name, kind, unit, min, max, defaultValue, choices, element, tunable, live, true,
                description, group, shownWhen, since, countField);
    }

    /** Copy in that control-panel group (for an object field: the group of the fields inside it). */
    public FieldDef group(ControlGroup controlGroup) {
        return new FieldDef(name, kind, unit, min, max, defaultValue, choices, element, tunable, live, logScale,
                description, controlGroup, shownWhen, since, countField);
    }

    /** Copy that matters only when the condition on its record holds (the panel hides it otherwise). */
    public FieldDef shownWhen(Condition condition) {
        return new FieldDef(name, kind, unit, min, max, defaultValue, choices, element, tunable, live, logScale,
                description, group, shownWhen.and(condition), since, countField);
    }

    /** Copy that a file may set only from that schemaVersion on. */
    public FieldDef since(int schemaVersion) {
        return new FieldDef(name, kind, unit, min, max, defaultValue, choices, element, tunable, live, logScale,
                description, group, shownWhen, schemaVersion, countField);
    }

    /**
     * This field's control group inside an object whose fields default to {@code context}: its own group if it has
     * one; for an object or sparse field (the group its inner fields default to), else its element schema's group;
     * else the context.
     */
    public ControlGroup groupIn(ControlGroup context) {
        if (group != null) {
            return group;
        }
        return element != null && element.group() != null ? element.group() : context;
    }

    public boolean isNumeric() {
        return kind == Kind.REAL || kind == Kind.INTEGER;
    }

    /** True for the kinds a parameter path can set: numbers, booleans and choices. */
    public boolean isScalar() {
        return isNumeric() || kind == Kind.BOOLEAN || kind == Kind.CHOICE;
    }

    /** Checks a number against the range and kind; returns it, or throws naming the field and the range. */
    public double check(double value) {
        return checkAs(name, value);
    }

    /** As {@link #check(double)}, naming the field {@code label} (a parameter path or JSON path) in the message. */
    public double checkAs(String label, double value) {
        if (!Double.isFinite(value) || value < min || value > max
                || ((kind == Kind.INTEGER || kind == Kind.CHOICE || kind == Kind.BOOLEAN) && value != Math.rint(value))) {
            throw new IllegalArgumentException(label + " must be " + rangeText() + ", was " + format(value));
        }
        return value;
    }

    /**
     * Parses a parameter value as text: a number for numeric fields, true/false (or 1/0) for booleans, a choice name
     * (or its index) for choices. Returns the numeric encoding (booleans 0/1, choices their index), range-checked.
     */
    public double parse(String label, String text) {
        String t = text == null ? "" : text.trim();
        switch (kind) {
            case BOOLEAN:
                if (t.equalsIgnoreCase("true") || t.equals("1")) {
                    return 1;
                }
                if (t.equalsIgnoreCase("false") || t.equals("0")) {
                    return 0;
                }
                throw new IllegalArgumentException(label + " must be true or false, was '" + t + "'");
            case CHOICE:
                for (int i = 0; i < choices.size(); i++) {
                    if (choices.get(i).equalsIgnoreCase(t)) {
                        return i;
                    }
                }
                break;
            case REAL:
            case INTEGER:
                break;
            default:
                throw new IllegalArgumentException(label + " is not a tunable number, switch or choice");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be " + rangeText() + ", was '" + t + "'");
        }
        return checkAs(label, v);
    }

    /** The value as users read it: a number, true/false or the choice name. */
    public String display(double encoded) {
        return switch (kind) {
            case BOOLEAN -> encoded != 0 ? "true" : "false";
            case CHOICE -> choices.get((int) encoded);
            default -> format(encoded);
        };
    }

    /** "an integer in [1, 1000] workers" style text used in every message and the docs. */
    public String rangeText() {
        return switch (kind) {
            case REAL -> "in [" + format(min) + ", " + format(max) + "]" + (unit.isEmpty() ? "" : " " + unit);
            case INTEGER -> "an integer in [" + format(min) + ", " + format(max) + "]"
                    + (unit.isEmpty() ? "" : " " + unit);
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case TEXT -> "text of " + format(min) + " to " + format(max) + " characters";
            case TEXT_LIST -> "a list of at most " + format(max) + " texts";
            case OBJECT -> "an object";
            case LIST -> "a list of " + format(min) + " to " + format(max) + " objects";
            case SPARSE -> "an object of overrides keyed by index in [" + format(min) + ", " + format(max) + "]";
        };
    }

    /**
     * Numbers as people write them, exactly: integers without a decimal point, others in the shortest decimal form
     * that reads back as the same double (so a value formatted and parsed again is unchanged).
     */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 9.0e18) {
            return Long.toString((long) v);
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-6 && a < 1e15) {
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }
}
