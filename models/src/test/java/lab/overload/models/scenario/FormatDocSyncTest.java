package lab.overload.models.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated reference in docs/scenario-format.md must be exactly what {@link FormatDoc#markdown()} gives. */
class FormatDocSyncTest {
    /** Surefire runs with the module directory as the working directory. */
    private static final Path DOC = Path.of("..", "docs", "scenario-format.md");
    static final String REGENERATE = "regenerate it from the project root with: mvn -q -pl models compile && "
            + "java -cp models/target/classes lab.overload.models.scenario.FormatDoc docs/scenario-format.md";

    /** The text between the markers, with line endings normalised (a Windows checkout may use CRLF). */
    static String generatedSection(String doc) {
        String text = doc.replace("\r\n", "\n");
        int begin = text.indexOf(FormatDoc.BEGIN + "\n");
        int end = text.indexOf(FormatDoc.END);
        if (begin < 0 || end < begin) {
            fail("docs/scenario-format.md has no " + FormatDoc.BEGIN + " ... " + FormatDoc.END + " section; "
                    + REGENERATE);
        }
        assertEquals(text.indexOf(FormatDoc.BEGIN), text.lastIndexOf(FormatDoc.BEGIN), "more than one BEGIN marker");
        assertEquals(end, text.lastIndexOf(FormatDoc.END), "more than one END marker");
        return text.substring(begin + FormatDoc.BEGIN.length() + 1, end);
    }

    @Test
    void docGeneratedSectionMatchesFieldTables() throws IOException {
        assertTrue(Files.isRegularFile(DOC), "missing " + DOC.toAbsolutePath().normalize());
        String actual = generatedSection(Files.readString(DOC, StandardCharsets.UTF_8));
        String expected = FormatDoc.markdown();
        if (!expected.equals(actual)) {
            fail("docs/scenario-format.md is out of date with the field tables (" + firstDifference(expected, actual)
                    + "); " + REGENERATE);
        }
    }

    @Test
    void docShowsTheRegenerateCommandTheTestNames() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String command = REGENERATE.substring(REGENERATE.indexOf("mvn "));
        assertTrue(doc.contains(command), "the doc should show the regenerate command: " + command);
    }

    @Test
    void everyJsonExampleInTheDocLoads() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int examples = 0;
        for (int at = doc.indexOf("```json\n"); at >= 0; at = doc.indexOf("```json\n", at + 1)) {
            String json = doc.substring(at + 8, doc.indexOf("```", at + 8));
            assertTrue(lab.overload.models.json.ScenarioCodec.read(json).clients().size() >= 1, json);
            examples++;
        }
        assertTrue(examples >= 3, "the doc shows the minimal, the fuller and the two-tier example");
    }

    @Test
    void markdownIsDeterministic() {
        assertEquals(FormatDoc.markdown(), FormatDoc.markdown());
        assertTrue(FormatDoc.markdown().endsWith("\n"));
        assertTrue(!FormatDoc.markdown().contains("\r"));
    }

    static Stream<ObjectSchema> schemas() {
        return Stream.of(Scenario.SCHEMA, ClientSpec.SCHEMA, RetrySpec.SCHEMA, ServiceSpec.SCHEMA,
                TimelineChange.SCHEMA, Lesson.SCHEMA);
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void everyTypeHasASectionWithEveryFieldAndItsRange(ObjectSchema schema) {
        String md = FormatDoc.markdown();
        int start = md.indexOf("\n### " + schema.typeName() + "\n");
        assertTrue(start >= 0, "no section for " + schema.typeName());
        int next = md.indexOf("\n### ", start + 1);
        String section = md.substring(start, next < 0 ? md.length() : next);
        assertTrue(section.contains(
                "| field | type | unit | default | range / values | live? | control | description |"));
        for (FieldDef f : schema.fields()) {
            List<String> rows = section.lines().filter(l -> l.startsWith("| `" + f.name() + "` |")).toList();
            assertEquals(1, rows.size(), schema.typeName() + "." + f.name() + " should have exactly one row");
            String row = rows.get(0);
            assertEquals(10, row.split("(?<!\\\\)\\|", -1).length, "8 cells in " + row);
            assertTrue(row.contains(f.description()), "description of " + f.name());
            if (f.kind() == FieldDef.Kind.CHOICE) {
                f.choices().forEach(c -> assertTrue(row.contains("`" + c + "`"), c + " listed in " + row));
            }
        }
    }

    @Test
    void exactRangesAndLiveFlags() {
        String md = FormatDoc.markdown();
        assertTrue(md.contains("| `seed` | integer |  | 1 | [0, 9007199254740991] | - |"), "exact integer range");
        assertTrue(md.contains("| `ratePerSecond` | number | 1/s | 10 | [0, 100000] | yes |"));
        assertTrue(md.contains("| `loop` | choice |  | `OPEN` | `OPEN`, `CLOSED` | restart |"));
        assertTrue(md.contains("| `name` | text |  | *required* | 1 to 200 characters | - |"));
        assertTrue(md.contains("- `clients.NAME.retry.FIELD` (Retry), FIELD one of: `maxAttempts`,"));
        assertTrue(md.contains("- `services.NAME.FIELD` (Service), FIELD one of: `hosts`,"));
    }

    @Test
    void mainRewritesOnlyTheGeneratedSectionAndIsIdempotent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("doc.md");
        Files.writeString(file, "# intro\n\n" + FormatDoc.BEGIN + "\nstale\n" + FormatDoc.END + "\ntrailer\n");
        quietly(() -> FormatDoc.main(new String[] {file.toString()}));
        String once = Files.readString(file);
        assertEquals("# intro\n\n" + FormatDoc.BEGIN + "\n" + FormatDoc.markdown() + FormatDoc.END + "\ntrailer\n",
                once);
        assertEquals(FormatDoc.markdown(), generatedSection(once));
        quietly(() -> FormatDoc.main(new String[] {file.toString()}));
        assertEquals(once, Files.readString(file));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Runs the action with System.out discarded (main reports what it updated). */
    private static void quietly(IoAction action) throws IOException {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            System.setOut(out);
        }
    }

    private static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : "<end>";
            String al = i < a.size() ? a.get(i) : "<end>";
            if (!el.equals(al)) {
                return "first difference at generated line " + (i + 1) + ": expected '" + el + "' but the doc has '"
                        + al + "'";
            }
        }
        return "differs only in line endings or a final newline";
    }
}
