package lab.overload.engine.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.overload.engine.lesson.LessonStep.Change;
import lab.overload.engine.lesson.LessonStep.Start;
import lab.overload.engine.run.ControlChange;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every "try this" step of every preset's lesson, done as its text says and checked against what its text claims;
 * and the numbers each story quotes, checked on the preset as loaded.
 * The changes come from the text itself ({@code path = value}, made after pressing R or at "about N s"), applied
 * through parameter paths and the batch runner's change path; what the step claims is declared per preset and step
 * in {@link LessonExpectations}, and a step without a declaration fails. Headless, no threads, each preset's own
 * seed. The measured numbers are printed, one line per claim.
 */
class LessonStepsTest {
    private static final Path PRESETS = Path.of("..", "presets");
    /** What reads on a projector in the lesson panel. */
    private static final int MAX_STEP_CHARS = 300;

    static List<String> presetNames() throws IOException {
        return Files.readAllLines(PRESETS.resolve("presets.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> l.endsWith(".json")).map(l -> l.substring(0, l.length() - 5))
                .toList();
    }

    @Test
    void everyDeclaredPresetExists() throws IOException {
        List<String> names = presetNames();
        for (String declared : LessonExpectations.BY_PRESET.keySet()) {
            assertTrue(names.contains(declared), "expectations declared for a preset that is not listed: " + declared);
        }
    }

    @TestFactory
    Stream<DynamicNode> everyStepOfEveryLessonDoesWhatItSays() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (String name : presetNames()) {
            Scenario preset = ScenarioCodec.read(PRESETS.resolve(name + ".json"));
            nodes.add(dynamicContainer(name, lessonTests(name, preset)));
        }
        return nodes.stream();
    }

    private static Stream<DynamicNode> lessonTests(String name, Scenario preset) {
        List<String> texts = preset.lesson().tryThis();
        List<List<Claim>> expected = LessonExpectations.BY_PRESET.getOrDefault(name, List.of());
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("every step has a declared expectation", () -> {
            assertFalse(texts.isEmpty(), name + " has no steps");
            assertEquals(texts.size(), expected.size(), name + ": " + texts.size() + " steps in the lesson, "
                    + expected.size() + " declared in LessonExpectations (one list of claims per step, in order)");
            for (int i = 0; i < expected.size(); i++) {
                assertFalse(expected.get(i).isEmpty(), name + " step " + (i + 1) + " declares no claim");
            }
        }));
        Map<Integer, StepRun> runs = new HashMap<>();
        StepRun asLoaded = new StepRun(preset, List.of());
        List<Claim> story = LessonExpectations.STORY.getOrDefault(name, List.of());
        if (!story.isEmpty()) {
            tests.add(dynamicTest("the story", () -> check(name + " story", story, asLoaded, asLoaded,
                    preset.lesson().story())));
        }
        for (int i = 0; i < texts.size(); i++) {
            int number = i + 1;
            String text = texts.get(i);
            List<Claim> claims = i < expected.size() ? expected.get(i) : List.of();
            tests.add(dynamicTest("step " + number + ": " + abbreviate(text), () -> {
                assertTrue(text.length() <= MAX_STEP_CHARS, name + " step " + number + " has " + text.length()
                        + " characters; at most " + MAX_STEP_CHARS + " read on a projector");
                LessonStep step = LessonStep.parse(number, text);
                StepRun run = run(preset, step, asLoaded);
                runs.put(number, run);
                StepRun before = reference(name, preset, step, runs, asLoaded, run);
                check(name + " step " + number, claims, before, run, text);
            }));
        }
        return tests.stream();
    }

    /** Checks each claim on the run (against {@code before} where it compares), printing the numbers it measured. */
    private static void check(String what, List<Claim> claims, StepRun before, StepRun run, String text) {
        List<String> failures = new ArrayList<>();
        for (Claim c : claims) {
            if (c.comparative() && before == run) {
                failures.add("compares with the run it starts from, but " + what + " changes nothing: "
                        + c.describe(Double.NaN, Double.NaN));
                continue;
            }
            double b = before == run ? Double.NaN : c.metric().measure(before, c.fromSeconds(), c.toSeconds());
            double a = c.metric().measure(run, c.fromSeconds(), c.toSeconds());
            String line = what + ": " + c.describe(b, a);
            System.out.println(line);
            if (!c.holds(b, a)) {
                failures.add(line);
            }
        }
        assertTrue(failures.isEmpty(), "the text claims what the run does not show (rewrite the text, not the "
                + "check):\n  " + String.join("\n  ", failures) + "\ntext: " + text);
    }

    /**
     * The step done as written: changes before play on the scenario (the same numbers as making them at 0 s through
     * the runner's change path, as the app does after R), timed ones through the runner's change path at their time.
     */
    private static StepRun run(Scenario preset, LessonStep step, StepRun asLoaded) {
        if (step.changes().isEmpty()) {
            return asLoaded;
        }
        Scenario s = preset;
        for (Change c : step.atStart()) {
            s = ParameterPaths.with(s, c.path(), c.value());
        }
        List<ControlChange> controls = new ArrayList<>();
        for (Change c : step.timed()) {
            assertTrue(step.atSeconds() < preset.durationSeconds(), "step " + step.number() + " changes "
                    + c + " at " + step.atSeconds() + " s, after the run ends");
            ParameterPaths.with(s, c.path(), c.value());
            controls.add(new ControlChange(Math.round(step.atSeconds() * 1e6), c.path(), c.value()));
        }
        return new StepRun(s, controls);
    }

    /**
     * The run a step starts from: the step it names (whose every changed path it must set too), else the same run
     * without its timed changes, else the preset as loaded. A step that changes nothing is its own reference.
     */
    private static StepRun reference(String name, Scenario preset, LessonStep step, Map<Integer, StepRun> runs,
                                     StepRun asLoaded, StepRun run) {
        if (step.buildsOn().isPresent()) {
            int n = step.buildsOn().getAsInt();
            LessonStep base = LessonStep.parse(n, preset.lesson().tryThis().get(n - 1));
            List<String> paths = step.changes().stream().map(Change::path).toList();
            for (Change c : base.changes()) {
                assertTrue(paths.contains(c.path()), name + " step " + step.number() + " builds on step " + n
                        + " but does not set " + c.path() + ", which step " + n + " sets");
            }
            assertTrue(runs.containsKey(n), "step " + n + " ran before step " + step.number());
            return runs.get(n);
        }
        if (!step.timed().isEmpty()) {
            Scenario s = preset;
            for (Change c : step.atStart()) {
                s = ParameterPaths.with(s, c.path(), c.value());
            }
            return step.atStart().isEmpty() ? asLoaded : new StepRun(s, List.of());
        }
        return step.changes().isEmpty() ? run : asLoaded;
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 67) + "...";
    }

    @Test
    void stepsAreReadAsTheUserReadsThem() {
        LessonStep s = LessonStep.parse(3, "Press R, set services.api.queueCapacity = 16 and "
                + "services.api.expiredWork = DROP_AT_DEQUEUE (step 2), play; at about 60 s set "
                + "clients.web.ratePerSecond = 200.");
        assertEquals(Start.PRESS_R, s.start());
        assertEquals(List.of(new Change("services.api.queueCapacity", "16"),
                new Change("services.api.expiredWork", "DROP_AT_DEQUEUE")), s.atStart());
        assertEquals(60, s.atSeconds());
        assertEquals(List.of(new Change("clients.web.ratePerSecond", "200")), s.timed());
        assertEquals(2, s.buildsOn().getAsInt());
        LessonStep watch = LessonStep.parse(1, "As loaded: watch goodput fall near 40 s; L = 100 x 0.2 is no path.");
        assertTrue(watch.changes().isEmpty() && Double.isNaN(watch.atSeconds()));
    }

    @Test
    void aStepThatDoesNotSayWhereItStartsOrWhenIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LessonStep.parse(1,
                "Set clients.web.retry.maxAttempts = 1: fewer attempts."));
        assertThrows(IllegalArgumentException.class, () -> LessonStep.parse(1,
                "As loaded, set clients.web.retry.maxAttempts = 1 (no time, no reset)."));
        assertThrows(IllegalArgumentException.class, () -> LessonStep.parse(1,
                "Press R and watch (a reset that changes nothing)."));
        assertThrows(IllegalArgumentException.class, () -> LessonStep.parse(2,
                "Press R, set clients.web.retry.maxAttempts = 1 as in step 2."));
    }
}
