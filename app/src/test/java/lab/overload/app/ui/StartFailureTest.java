package lab.overload.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.overload.app.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window that cannot start must not leave a JVM running without one: the launcher says why on stderr and exits
 * non-zero. The app runs in its own JVM (headless, Monocle), with a bundled preset list that names a preset the
 * build does not have: the first lesson loads and the engine thread starts, then building the preset picker fails.
 */
class StartFailureTest {
    @Test
    void aFailedStartPrintsWhyAndExits(@TempDir Path dir) throws IOException, InterruptedException {
        Path overlay = Files.createDirectories(dir.resolve("overlay/presets"));
        Files.writeString(overlay.resolve("presets.txt"), "goodput-collapse.json\nno-such-lesson.json\n");
        Path userPresets = Files.createDirectories(dir.resolve("user-presets"));
        String classPath = dir.resolve("overlay") + File.pathSeparator
                + System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dheadless.geometry=1920x1200-32", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Doverloadlab.userPresets=" + userPresets,
                Launcher.class.getName()));
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        // A hang guard only: the process is expected to end within seconds; it never asserts a speed.
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(ended, "the JVM must exit after a failed start, not keep running without a window:\n" + stderr);
        assertEquals(1, p.exitValue(), stderr);
        assertTrue(stderr.contains("error: Overload Lab could not start: no bundled preset named no-such-lesson.json"),
                stderr);
    }
}
