package lab.overload.models.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * When a field matters, as a rule on the other fields of the record that holds it, e.g. {@code is("kind", "AIMD")}
 * or {@code above("maxAttempts", 1)}. The control panel hides a field whose condition is false (a knob that would do
 * nothing under the current settings) and the format reference prints the rule. Clauses combine with
 * {@link #and(Condition)}; {@link #ALWAYS} has none.
 *
 * @param clauses all must hold
 */
public record Condition(List<Clause> clauses) {
    /** No rule: the field always matters. */
    public static final Condition ALWAYS = new Condition(List.of());

    /** How a clause compares the field's value. */
    public enum Op { IS, IS_NOT, ABOVE }

    /**
     * One comparison with a field of the owning record. Values compare as text: a choice by its name, a switch as
     * true/false, a number in {@link FieldDef#format(double)} form (ABOVE compares numbers).
     */
    public record Clause(String field, Op op, String value) {
        boolean test(Record owner) {
            Object v = Records.get(owner, field);
            return switch (op) {
                case IS -> text(v).equals(value);
                case IS_NOT -> !text(v).equals(value);
                case ABOVE -> ((Number) v).doubleValue() > Double.parseDouble(value);
            };
        }

        @Override
        public String toString() {
            String shown = value.isEmpty() ? "empty" : value;
            return switch (op) {
                case IS -> field + " is " + shown;
                case IS_NOT -> field + " is not " + shown;
                case ABOVE -> field + " > " + value;
            };
        }
    }

    public Condition {
        clauses = List.copyOf(clauses);
    }

    /** The field's value is {@code value} (a choice name, true/false, a number or a text; "" = empty text). */
    public static Condition is(String field, Object value) {
        return new Condition(List.of(new Clause(field, Op.IS, text(value))));
    }

    /** The field's value is not {@code value}. */
    public static Condition isNot(String field, Object value) {
        return new Condition(List.of(new Clause(field, Op.IS_NOT, text(value))));
    }

    /** The numeric field's value is greater than {@code threshold}. */
    public static Condition above(String field, double threshold) {
        return new Condition(List.of(new Clause(field, Op.ABOVE, FieldDef.format(threshold))));
    }

    /** Both this and the other condition. */
    public Condition and(Condition other) {
        List<Clause> all = new ArrayList<>(clauses);
        all.addAll(other.clauses);
        return new Condition(all);
    }

    /** Whether the rule holds for a record of the schema that declares it. */
    public boolean test(Record owner) {
        for (Clause c : clauses) {
            if (!c.test(owner)) {
                return false;
            }
        }
        return true;
    }

    /** "kind is AIMD and enabled is true"; empty for {@link #ALWAYS}. */
    @Override
    public String toString() {
        return String.join(" and ", clauses.stream().map(Clause::toString).toList());
    }

    private static String text(Object v) {
        if (v instanceof Enum<?> e) {
            return e.name();
        } else if (v instanceof Number n) {
            return FieldDef.format(n.doubleValue());
        }
        return String.valueOf(v);
    }
}
