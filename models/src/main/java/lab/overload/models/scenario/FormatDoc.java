package lab.overload.models.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates the Markdown reference of the scenario format from the field tables, so the documentation cannot drift
 * from the records. {@code docs/scenario-format.md} holds this text between {@link #BEGIN} and {@link #END}; a test
 * checks that it is current. Regenerate it from the project root with
 * {@code mvn -q -pl models compile && java -cp models/target/classes lab.overload.models.scenario.FormatDoc
 * docs/scenario-format.md}; without an argument the reference is printed.
 */
public final class FormatDoc {
    public static final String BEGIN = "<!-- BEGIN GENERATED -->";
    public static final String END = "<!-- END GENERATED -->";

    /** The object types in documentation order, each with where it appears in a scenario document. */
    private static final List<ObjectSchema> TYPES = List.of(Scenario.SCHEMA, ClientSpec.SCHEMA, RetrySpec.SCHEMA,
            RetryBudgetSpec.SCHEMA, ThrottleSpec.SCHEMA, CircuitBreakerSpec.SCHEMA, PaginationSpec.SCHEMA,
            ServiceSpec.SCHEMA, LimitSpec.SCHEMA, SheddingSpec.SCHEMA, DeadlineSpec.SCHEMA, BoundedWorkSpec.SCHEMA,
            DependencySpec.SCHEMA, TimelineChange.SCHEMA, Lesson.SCHEMA);
    private static final List<String> WHERE = List.of("the top-level object of the file", "each element of `clients`",
            "`clients[i].retry`", "`clients[i].retryBudget`", "`clients[i].throttle`", "`clients[i].circuitBreaker`",
            "`clients[i].pagination`", "each element of `services`", "`services[i].limit`",
            "`services[i].shedding`", "`services[i].deadline`", "`services[i].boundedWork`",
            "`services[i].dependency`", "each element of `timeline`", "`lesson`");

    private FormatDoc() {
    }

    /** The generated reference: one table per object type, then the parameter path patterns. */
    public static String markdown() {
        StringBuilder paths = new StringBuilder();
        Set<ObjectSchema> withPaths = new HashSet<>();
        patterns(paths, "clients.NAME", ClientSpec.SCHEMA, withPaths);
        patterns(paths, "services.NAME", ServiceSpec.SCHEMA, withPaths);
        StringBuilder out = new StringBuilder();
        out.append("## Field reference\n\n")
                .append("Generated from the field tables of the scenario records; do not edit by hand.\n\n")
                .append("- **default**: the value a missing (or `null`) field takes; *required* fields have none.\n")
                .append("- **live?**: `yes` = a parameter path that a running simulation applies at once; ")
                .append("`restart` = a parameter path whose change needs a fresh run; ")
                .append("`-` = not a parameter path (set it in the file).\n");
        for (int i = 0; i < TYPES.size(); i++) {
            ObjectSchema schema = TYPES.get(i);
            out.append("\n### ").append(schema.typeName()).append("\n\n")
                    .append("Appears as ").append(WHERE.get(i)).append(".\n\n")
                    .append("| field | type | unit | default | range / values | live? | description |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (FieldDef f : schema.fields()) {
                out.append("| `").append(f.name()).append("` | ").append(type(f)).append(" | ")
                        .append(cell(f.unit())).append(" | ").append(defaultText(f)).append(" | ")
                        .append(range(f)).append(" | ").append(live(f, withPaths.contains(schema))).append(" | ")
                        .append(cell(f.description())).append(" |\n");
            }
        }
        out.append("\n### Parameter paths\n\n")
                .append("`NAME` is the `name` of a client group or service.\n\n").append(paths);
        return out.toString();
    }

    private static void patterns(StringBuilder out, String prefix, ObjectSchema schema, Set<ObjectSchema> seen) {
        seen.add(schema);
        List<String> names = new ArrayList<>();
        List<FieldDef> nested = new ArrayList<>();
        for (FieldDef f : schema.fields()) {
            if (f.kind() == FieldDef.Kind.OBJECT) {
                nested.add(f);
            } else if (f.tunable() && f.isScalar()) {
                names.add("`" + f.name() + "`");
            }
        }
        out.append("- `").append(prefix).append(".FIELD` (").append(schema.typeName()).append("), FIELD one of: ")
                .append(String.join(", ", names)).append('\n');
        for (FieldDef f : nested) {
            patterns(out, prefix + "." + f.name(), f.element(), seen);
        }
    }

    private static String type(FieldDef f) {
        return switch (f.kind()) {
            case REAL -> "number";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case CHOICE -> "choice";
            case TEXT -> "text";
            case TEXT_LIST -> "list of text";
            case OBJECT -> "[" + f.element().typeName() + "](#" + f.element().typeName().toLowerCase() + ")";
            case LIST -> "list of [" + f.element().typeName() + "](#" + f.element().typeName().toLowerCase() + ")";
        };
    }

    private static String defaultText(FieldDef f) {
        Object d = f.defaultValue();
        return switch (f.kind()) {
            case REAL, INTEGER -> number(f, ((Number) d).doubleValue());
            case BOOLEAN, CHOICE -> "`" + d + "`";
            case TEXT -> d == null ? "*required*" : ((String) d).isEmpty() ? "empty" : "`" + cell((String) d) + "`";
            case TEXT_LIST -> "empty";
            case OBJECT -> "all defaults";
            case LIST -> d == null ? "*required*" : "empty";
        };
    }

    private static String range(FieldDef f) {
        return switch (f.kind()) {
            case REAL, INTEGER -> f.min() == f.max() ? number(f, f.min())
                    : "[" + number(f, f.min()) + ", " + number(f, f.max()) + "]";
            case BOOLEAN -> "`true`, `false`";
            case CHOICE -> String.join(", ", f.choices().stream().map(c -> "`" + c + "`").toList());
            case TEXT -> number(f, f.min()) + " to " + number(f, f.max()) + " characters";
            case TEXT_LIST, LIST -> number(f, f.min()) + " to " + number(f, f.max()) + " items";
            case OBJECT -> "object";
        };
    }

    private static String live(FieldDef f, boolean hasPaths) {
        return !(hasPaths && f.tunable() && f.isScalar()) ? "-" : f.live() ? "yes" : "restart";
    }

    /** Integers exactly (a seed range must not print as 9.0072e+15), other numbers as the messages print them. */
    private static String number(FieldDef f, double v) {
        return f.kind() != FieldDef.Kind.REAL && v == Math.rint(v) ? Long.toString((long) v) : FieldDef.format(v);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Prints the reference, or with a file argument replaces the text between the markers of that file. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.print(markdown());
            return;
        }
        Path file = Path.of(args[0]);
        String doc = Files.readString(file, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file + " has no " + BEGIN + " ... " + END + " section");
        }
        String updated = doc.substring(0, begin) + BEGIN + "\n" + markdown() + doc.substring(end);
        Files.writeString(file, updated, StandardCharsets.UTF_8);
        System.out.println("updated the generated section of " + file);
    }
}
