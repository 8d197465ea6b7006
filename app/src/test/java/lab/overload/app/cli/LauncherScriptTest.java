package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code overload-lab} script at the project root builds the jar when it is missing and rebuilds it when a source,
 * preset, asset or pom is newer than it, so a pulled or edited checkout never runs a stale build; build output under
 * {@code target/} does not count. Run on a copy of the script in a scratch tree, with {@code mvn} and {@code java}
 * replaced by stubs that log their calls; file times are set explicitly.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherScriptTest {
    private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);
    private static final FileTime JAR = FileTime.fromMillis(1_000_000_500_000L);
    private static final FileTime NEW = FileTime.fromMillis(1_000_001_000_000L);

    @TempDir
    Path root;
    private Path log;
    private Path jar;

    @BeforeEach
    void tree() throws IOException {
        Files.copy(Path.of("..", "overload-lab"), root.resolve("overload-lab"));
        executable(root.resolve("overload-lab"));
        for (String f : List.of("pom.xml", "models/src/M.java", "engine/src/E.java", "app/pom.xml", "app/src/A.java",
                "assets/chart.css", "presets/p.json", "app/target/classes/C.class", "engine/target/E.class")) {
            write(root.resolve(f), "x", OLD);
        }
        jar = root.resolve("app/target/overload-lab.jar");
        write(jar, "jar", JAR);
        log = root.resolve("calls.log");
        Path bin = root.resolve("stubs/bin");
        write(bin.resolve("mvn"), "#!/usr/bin/env bash\necho mvn \"$@\" >> '" + log + "'\ntouch '" + jar + "'\n",
                OLD);
        write(bin.resolve("java"), "#!/usr/bin/env bash\necho java \"$@\" >> '" + log + "'\n", OLD);
        executable(bin.resolve("mvn"));
        executable(bin.resolve("java"));
    }

    @Test
    void aJarNewerThanEverySourceRunsAsItIs() throws Exception {
        Result r = run("--version");
        assertEquals(List.of("java -jar " + jar + " --version"), r.calls(), r.stderr());
    }

    @Test
    void aSourceNewerThanTheJarRebuildsItFirstAndSaysWhich() throws Exception {
        Files.setLastModifiedTime(root.resolve("app/src/A.java"), NEW);
        Result r = run("run", "x");
        assertEquals(List.of("mvn -q -DskipTests package", "java -jar " + jar + " run x"), r.calls(), r.stderr());
        assertTrue(r.stderr().contains("app/src/A.java changed since it was built"), r.stderr());
        Result again = run("run", "x");
        assertEquals(List.of("mvn -q -DskipTests package", "java -jar " + jar + " run x", "java -jar " + jar
                + " run x"), again.calls(), "the rebuilt jar is newer than the source: no second build");
    }

    @Test
    void aChangedPresetAssetOrPomRebuildsButBuildOutputDoesNot() throws Exception {
        Files.setLastModifiedTime(root.resolve("app/target/classes/C.class"), NEW);
        Files.setLastModifiedTime(root.resolve("engine/target/E.class"), NEW);
        assertEquals(List.of("java -jar " + jar), run().calls());
        for (String f : List.of("presets/p.json", "assets/chart.css", "pom.xml")) {
            Files.deleteIfExists(log);
            Files.setLastModifiedTime(jar, JAR);
            Files.setLastModifiedTime(root.resolve(f), NEW);
            Result r = run();
            assertEquals(List.of("mvn -q -DskipTests package", "java -jar " + jar), r.calls(), f + ": " + r.stderr());
            Files.setLastModifiedTime(root.resolve(f), OLD);
        }
    }

    @Test
    void aMissingJarIsBuilt() throws Exception {
        Files.delete(jar);
        Result r = run();
        assertEquals(List.of("mvn -q -DskipTests package", "java -jar " + jar), r.calls(), r.stderr());
        assertTrue(r.stderr().contains("first run"), r.stderr());
    }

    private record Result(List<String> calls, String stderr) { }

    private Result run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("overload-lab").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", root.resolve("stubs/bin") + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", root.resolve("stubs").toString());
        pb.environment().remove("OVERLOAD_LAB_JAVA_OPTS");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script hangs"); // a hang guard, not a speed claim
        assertEquals(0, p.exitValue(), err);
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return new Result(calls, err);
    }

    private static void write(Path f, String text, FileTime time) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, time);
    }

    private static void executable(Path f) throws IOException {
        Files.setPosixFilePermissions(f, Set.copyOf(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
