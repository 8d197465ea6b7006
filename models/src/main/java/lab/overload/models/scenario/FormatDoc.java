package lab.overload.models.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    private FormatDoc() {
    }

    /** One object type's table: where it appears, and for types inside a section, its control-panel group. */
    private record Place(ObjectSchema schema, String where, boolean hasPaths, ControlGroup group) {
    }

    /** The generated reference: the sections, one table per object type, then the parameter path patterns. */
    public static String markdown() {
        List<Place> places = new ArrayList<>();
        places.add(new Place(Scenario.SCHEMA, "the top-level object of the file", false, null));
        StringBuilder paths = new StringBuilder();
        for (Section section : Section.modelled()) {
            ObjectSchema schema = section.schema();
            places.add(new Place(schema, "each element of `" + section.property() + "`", true, schema.group()));
            nested(places, schema, "`" + section.property() + "[i]", schema.group());
            patterns(paths, section.property() + ".NAME", schema);
        }
        for (FieldDef f : Scenario.SCHEMA.fields()) {
            if (f.element() != null && Section.of(f.name()) == null) {
                places.add(new Place(f.element(), f.kind() == FieldDef.Kind.LIST ? "each element of `" + f.name()
                        + "`" : "`" + f.name() + "`", false, null));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("## Field reference\n\n")
                .append("Generated from the section registry and the field tables of the scenario records; ")
                .append("do not edit by hand.\n\n");
        sections(out);
        out.append("\n- **default**: the value a missing (or `null`) field takes; *required* fields have none.\n")
                .append("- **live?**: `yes` = a parameter path that a running simulation applies at once; ")
                .append("`restart` = a parameter path whose change needs a fresh run; ")
                .append("`-` = not a parameter path (set it in the file).\n")
                .append("- **control**: the control-panel group of a parameter and, after \"when\", the settings ")
                .append("under which it matters (the panel hides it otherwise).\n");
        for (Place place : places) {
            out.append("\n### ").append(place.schema().typeName()).append("\n\n")
                    .append("Appears as ").append(place.where()).append(".\n\n")
                    .append("| field | type | unit | default | range / values | live? | control | description |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (FieldDef f : place.schema().fields()) {
                out.append("| `").append(f.name()).append("` | ").append(type(f)).append(" | ")
                        .append(cell(f.unit())).append(" | ").append(defaultText(f)).append(" | ")
                        .append(range(f)).append(" | ").append(live(f, place.hasPaths())).append(" | ")
                        .append(control(f, place)).append(" | ")
                        .append(f.since() > 1 ? "*New in schemaVersion " + f.since() + ".* " : "")
                        .append(cell(f.description())).append(" |\n");
            }
        }
        out.append("\n### Parameter paths\n\n")
                .append("`NAME` is the `name` of an element of the section.\n\n").append(paths);
        return out.toString();
    }

    /** The registry: every section, modelled or reserved for a later version. */
    private static void sections(StringBuilder out) {
        out.append("### Sections\n\n")
                .append("| section | element | stage? | names onward targets in | in this version |\n")
                .append("|---|---|---|---|---|\n");
        for (Section s : Section.values()) {
            out.append("| `").append(s.property()).append("` | ")
                    .append(s.isModelled() ? "[" + s.schema().typeName() + "](#"
                            + s.schema().typeName().toLowerCase() + ")" : "-").append(" | ")
                    .append(s.isStage() ? "yes" : "no").append(" | ")
                    .append(s.targetFields().isEmpty() ? "-" : String.join(", ",
                            s.targetFields().stream().map(t -> "`" + t + "`").toList())).append(" | ")
                    .append(s.isModelled() ? "yes" : "reserved: a file that has it is rejected").append(" |\n");
        }
    }

    /** The object and sparse fields inside a section's elements, depth first, with the group they pass on. */
    private static void nested(List<Place> places, ObjectSchema schema, String prefix, ControlGroup group) {
        for (FieldDef f : schema.fields()) {
            if (f.kind() == FieldDef.Kind.OBJECT || f.kind() == FieldDef.Kind.SPARSE) {
                ControlGroup inner = f.groupIn(group);
                String where = f.kind() == FieldDef.Kind.OBJECT ? prefix + "." + f.name() + "`"
                        : "each value of " + prefix + "." + f.name() + "`";
                places.add(new Place(f.element(), where, true, inner));
                nested(places, f.element(), prefix + "." + f.name() + (f.kind() == FieldDef.Kind.SPARSE
                        ? "[INDEX]" : ""), inner);
            }
        }
    }

    private static void patterns(StringBuilder out, String prefix, ObjectSchema schema) {
        List<String> names = new ArrayList<>();
        List<FieldDef> nested = new ArrayList<>();
        for (FieldDef f : schema.fields()) {
            if (f.kind() == FieldDef.Kind.OBJECT || f.kind() == FieldDef.Kind.SPARSE) {
                nested.add(f);
            } else if (f.tunable() && f.isScalar()) {
                names.add("`" + f.name() + "`");
            }
        }
        out.append("- `").append(prefix).append(".FIELD` (").append(schema.typeName()).append("), FIELD one of: ")
                .append(String.join(", ", names)).append('\n');
        for (FieldDef f : nested) {
            patterns(out, prefix + "." + f.name() + (f.kind() == FieldDef.Kind.SPARSE ? ".INDEX" : ""),
                    f.element());
        }
    }

    private static String control(FieldDef f, Place place) {
        if (!place.hasPaths() || !f.tunable() || !f.isScalar()) {
            return "-";
        }
        ControlGroup g = f.groupIn(place.group());
        String when = f.shownWhen().toString();
        return g.label() + (when.isEmpty() ? "" : ", when " + cell(when));
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
            case SPARSE -> "overrides of [" + f.element().typeName() + "](#" + f.element().typeName().toLowerCase()
                    + ") by index";
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
            case SPARSE -> "none";
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
            case SPARSE -> "indices 0 to " + number(f, f.max())
                    + (f.countField().isEmpty() ? "" : ", below `" + f.countField() + "`");
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
