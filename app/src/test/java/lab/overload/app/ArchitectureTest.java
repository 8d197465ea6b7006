package lab.overload.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Layering rules of DESIGN.md, checked on the source trees (surefire runs with the app module as the working
 * directory): models and engine never touch JavaFX or AWT; models never depends on the engine; neither depends on
 * the app; and the deterministic engine packages (core, component, policy, metrics) never read the wall clock, use
 * unseeded randomness or hop threads. Wall-clock pacing belongs only to {@code lab.overload.engine.run}.
 *
 * <p>Sources are scanned with comments and string literals blanked out (line numbers kept), so prose that mentions
 * {@code javafx} or {@code System.currentTimeMillis()} is not flagged, while imports, fully-qualified names and calls
 * (including method references) are.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("..");
    private static final Path MODELS = ROOT.resolve("models/src/main/java");
    private static final Path ENGINE = ROOT.resolve("engine/src/main/java");
    private static final List<String> DETERMINISTIC = List.of("core", "component", "policy", "metrics");

    /** A forbidden construct: a pattern on blanked code and what to call it in the failure message. */
    record Rule(String what, Pattern pattern) {
        static Rule of(String what, String regex) {
            return new Rule(what, Pattern.compile(regex));
        }
    }

    static final Rule JAVAFX = Rule.of("uses JavaFX", "\\bjavafx\\s*\\.");
    static final Rule AWT = Rule.of("uses AWT", "\\bjava\\s*\\.\\s*awt\\b");
    static final Rule ENGINE_DEP = Rule.of("depends on the engine", "\\blab\\s*\\.\\s*overload\\s*\\.\\s*engine\\b");
    static final Rule APP_DEP = Rule.of("depends on the app", "\\blab\\s*\\.\\s*overload\\s*\\.\\s*app\\b");
    static final List<Rule> NO_WALL_CLOCK = List.of(
            Rule.of("calls Platform.runLater", "\\bPlatform\\s*(\\.|::)\\s*runLater\\b"),
            Rule.of("reads the wall clock (System.currentTimeMillis)", "\\bSystem\\s*(\\.|::)\\s*currentTimeMillis\\b"),
            Rule.of("reads the wall clock (System.nanoTime)", "\\bSystem\\s*(\\.|::)\\s*nanoTime\\b"),
            Rule.of("reads the wall clock (now())",
                    "\\b(Instant|LocalDateTime|LocalDate|LocalTime|ZonedDateTime|OffsetDateTime)\\s*(\\.|::)\\s*now\\b"),
            Rule.of("reads the wall clock (Clock.system*)", "\\bClock\\s*\\.\\s*system\\w*\\s*\\("),
            Rule.of("sleeps (Thread.sleep)", "\\bThread\\s*(\\.|::)\\s*sleep\\b"),
            Rule.of("uses unseeded randomness (Math.random)", "\\bMath\\s*(\\.|::)\\s*random\\b"),
            Rule.of("uses unseeded randomness (ThreadLocalRandom)", "\\bThreadLocalRandom\\b"),
            Rule.of("uses unseeded randomness (new Random())", "\\bnew\\s+(Random|SplittableRandom)\\s*\\(\\s*\\)"));

    @Test
    void sourceTreesExist() {
        for (Path dir : List.of(MODELS.resolve("lab/overload/models"), ENGINE.resolve("lab/overload/engine"))) {
            assertTrue(Files.isDirectory(dir), "expected source tree " + dir.toAbsolutePath().normalize()
                    + " (the test must run with the app module as working directory)");
        }
        assertTrue(javaFiles(MODELS).size() > 5 && javaFiles(ENGINE).size() > 5, "too few sources found");
    }

    @Test
    void modelsAndEngineNeverUseJavaFxOrAwt() {
        List<String> offences = new ArrayList<>();
        for (Path file : concat(javaFiles(MODELS), javaFiles(ENGINE))) {
            offences.addAll(check(file, List.of(JAVAFX, AWT)));
        }
        assertNone("models and engine must not use JavaFX or AWT (the engine never imports javafx.*; only the app "
                + "does)", offences);
    }

    @Test
    void modelsNeverDependOnTheEngineOrApp() {
        List<String> offences = new ArrayList<>();
        for (Path file : javaFiles(MODELS)) {
            offences.addAll(check(file, List.of(ENGINE_DEP, APP_DEP)));
        }
        assertNone("models must not import lab.overload.engine or lab.overload.app", offences);
    }

    @Test
    void engineNeverDependsOnTheApp() {
        List<String> offences = new ArrayList<>();
        for (Path file : javaFiles(ENGINE)) {
            offences.addAll(check(file, List.of(APP_DEP)));
        }
        assertNone("engine must not import lab.overload.app", offences);
    }

    @Test
    void deterministicEnginePackagesNeverUseTheWallClock() {
        List<String> offences = new ArrayList<>();
        for (String pkg : DETERMINISTIC) {
            for (Path file : javaFiles(ENGINE.resolve("lab/overload/engine").resolve(pkg))) {
                offences.addAll(check(file, NO_WALL_CLOCK));
            }
        }
        assertNone("engine core/component/policy/metrics must not use the wall clock, unseeded randomness or "
                + "Platform.runLater; wall-clock pacing belongs only to lab.overload.engine.run", offences);
    }

    // ---- the checker checks itself: comments and strings are ignored, code is found on the right line ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "import javafx.application.Platform;                    | 1",
        "import static javafx.application.Platform.runLater;    | 1",
        "import java.awt.Color;                                  | 1",
        "class A { java.awt.Color c; }                           | 1",
        "class A {\\n  void f() { javafx.application.Platform.runLater(() -> { }); }\\n} | 2",
        "// import javafx.scene.Node;\\nimport javafx.scene.Node; | 2",
        "// javafx.x\\n/* javafx.x */ String s = \"javafx.x\";     | 0",
        "/** {@link javafx.scene.Node}\\n * java.awt.Color\\n */ class A { }  | 0",
        "String s = \"\"\"\\n  javafx.scene.Node\\n  \"\"\"; java.awt.List l; | 3",
        "char c = '\\\"'; java.awt.List l;                         | 1",
        "String s = \"a\\\\\\\"javafx.x\"; int javafxCount;          | 0",
        "import my.javafxish.Thing; import java.awtx.Y;          | 0"})
    void checkerFindsJavaFxAndAwtInCodeOnly(String source, int expectedLine) {
        List<String> hits = scan("A.java", source.replace("\\n", "\n"), List.of(JAVAFX, AWT));
        if (expectedLine == 0) {
            assertEquals(List.of(), hits);
        } else {
            assertTrue(!hits.isEmpty() && hits.get(0).startsWith("A.java:" + expectedLine + ": "), hits.toString());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "long t = System.currentTimeMillis();            | true",
        "LongSupplier s = System::currentTimeMillis;     | true",
        "long t = System . nanoTime ();                   | true",
        "Platform.runLater(r);                           | true",
        "var i = java.time.Instant.now();                | true",
        "double r = Math.random();                       | true",
        "Random r = new Random();                        | true",
        "Random r = new Random(seed);                    | false",
        "long t = sim.nowMicros(); // not currentTimeMillis() | false",
        "String s = \"System.currentTimeMillis()\";       | false",
        "long currentTimeMillis = 0;                     | false"})
    void checkerFindsWallClockCalls(String source, boolean flagged) {
        assertEquals(flagged, !scan("B.java", source, NO_WALL_CLOCK).isEmpty(), source);
    }

    @Test
    void checkerFindsDependenciesButNotLookalikes() {
        assertEquals(1, scan("C.java", "import lab.overload.engine.core.Simulation;", List.of(ENGINE_DEP)).size());
        assertEquals(1, scan("C.java", "import lab.overload.app.cli.RunCommand;", List.of(APP_DEP)).size());
        assertEquals(0, scan("C.java", "import lab.overload.application.X;", List.of(APP_DEP)).size());
        assertEquals(0, scan("C.java", "import lab.overload.engineering.X;", List.of(ENGINE_DEP)).size());
    }

    // ---- scanning ----

    private static List<String> check(Path file, List<Rule> rules) {
        try {
            String name = ROOT.relativize(file).toString().replace('\\', '/');
            return scan(name, Files.readString(file, StandardCharsets.UTF_8), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offences as "file:line: what: code", one per rule and line. */
    static List<String> scan(String name, String source, List<Rule> rules) {
        String[] code = blankCommentsAndStrings(source).split("\n", -1);
        String[] original = source.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < code.length; i++) {
            for (Rule rule : rules) {
                Matcher m = rule.pattern().matcher(code[i]);
                if (m.find()) {
                    out.add(name + ":" + (i + 1) + ": " + rule.what() + ": " + original[i].strip());
                }
            }
        }
        return out;
    }

    /**
     * The source with every comment, string, text block and char literal replaced by spaces, newlines kept, so line
     * numbers stay right and only code can match a rule.
     */
    static String blankCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? s.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < s.length() && s.charAt(end) != c && s.charAt(end) != '\n') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, s.length());
            } else {
                out.append(c);
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(s.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void assertNone(String rule, List<String> offences) {
        if (!offences.isEmpty()) {
            fail(rule + "; " + offences.size() + " offence(s):\n  " + String.join("\n  ", offences));
        }
    }
}
