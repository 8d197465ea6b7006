package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void validatePrintsTableAndWritesReport() throws IOException {
        Path report = dir.resolve("docs/validation.md");
        Cli.Result r = Cli.run("validate", "--replications", "2", "--scale", "0.01", "--report", report.toString());
        assertTrue(r.code() == 0 || r.code() == 1, r.toString());
        assertTrue(r.out().startsWith("| case | theory |"), r.out());
        assertTrue(r.out().contains(r.code() == 0 ? "Validation passed" : "Validation FAILED"), r.out());
        String md = Files.readString(report);
        assertTrue(md.startsWith("# Validation report"), md);
        assertTrue(md.contains("overload-lab validate --replications 2 --scale 0.01 --report "), md);
        assertTrue(md.contains("| case | theory |"), md);
        assertEquals(r.code() == 1, md.contains("**NO**"), "exit 1 exactly when a case fails");
    }

    @Test
    void benchUiRejectsBadOptionsBeforeStartingAnything() {
        RunCommandTest.assertOneLineError(Cli.run("bench-ui", "--warmup", "-1"),
                "--warmup must be in [0, 600], was -1.0");
        RunCommandTest.assertOneLineError(Cli.run("bench-ui", "--speed", "500"),
                "--speed must be in [0.1, 100], was 500.0");
        RunCommandTest.assertOneLineError(Cli.run("bench-ui", "--seconds", "1"),
                "--seconds must be in [5, 3600], was 1.0");
        RunCommandTest.assertOneLineError(Cli.run("bench-ui", "--tab", "10"),
                "--tab must be a tab's key, 0 to 9, was 10");
        RunCommandTest.assertOneLineError(Cli.run("bench-ui", "--tab", "0"),
                "--tab 0: the scenario has no tenth tab (Platform or Queues need functions or queues)");
    }

    @Test
    void validateRejectsBadOptions() {
        Path report = dir.resolve("v.md");
        RunCommandTest.assertOneLineError(Cli.run("validate", "--scale", "0", "--report", report.toString()),
                "--scale must be in (0, 100], was 0");
        RunCommandTest.assertOneLineError(Cli.run("validate", "--replications", "0"), "--replications");
        assertFalse(Files.exists(report));
    }

    @Test
    void benchRunsTheFourCases() throws IOException {
        Path out = dir.resolve("bench.txt");
        Cli.Result r = Cli.run("bench", "--requests", "2k", "--repetitions", "1", "--report", out.toString());
        assertEquals(0, r.code(), r.toString());
        for (String c : new String[] {"mmc ", "mmc-timeout", "collapse", "platform ", "platform / mmc, median req/s",
                "lanes "}) {
            assertTrue(r.out().contains(c), r.out());
        }
        assertTrue(r.out().contains("lanes / mmc, median req/s: "), "the lanes case's ratio: " + r.out());
        assertTrue(Files.readString(out).contains("mmc-timeout"));
    }

    @Test
    void benchRejectsBadOptions() {
        RunCommandTest.assertOneLineError(Cli.run("bench", "--requests", "10"), "--requests must be in [1000");
        RunCommandTest.assertOneLineError(Cli.run("bench", "--requests", "lots"), "--requests must be a count");
        RunCommandTest.assertOneLineError(Cli.run("bench", "--repetitions", "0"), "--repetitions");
        RunCommandTest.assertOneLineError(Cli.run("bench", "--scenario", "no-such-preset"), "no-such-preset");
    }
}
