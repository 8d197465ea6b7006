package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.RunResult;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The CLI with hostile files, outputs that must not be written, and user mistakes that must not be bugs. */
class FilesAndFailuresTest {
    @TempDir
    Path dir;

    private Path tiny() throws IOException {
        return Files.writeString(dir.resolve("tiny.json"), RunCommandTest.TINY);
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo made a FIFO");
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available");
        }
        return fifo;
    }

    /** One {@code error:} line that names every part given, exit 2, no stack trace. */
    private static void assertOneErrorLine(Cli.Result r, String... parts) {
        assertEquals(OverloadLabCli.EXIT_USAGE, r.code(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line: " + r.err());
        assertTrue(lines.get(0).startsWith("error: "), r.err());
        for (String part : parts) {
            assertTrue(lines.get(0).contains(part), "names '" + part + "': " + r.err());
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void anOutputThatIsTheInputScenarioIsRefused() throws IOException {
        Path scenario = tiny();
        for (String spelling : List.of(scenario.toString(), dir.resolve(".").resolve("tiny.json").toString())) {
            for (String option : List.of("--summary", "--intervals")) {
                assertOneErrorLine(Cli.run("run", scenario.toString(), option, spelling), option, spelling,
                        "input file");
            }
        }
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, scenario);
        assertOneErrorLine(Cli.run("run", link.toString(), "--summary", scenario.toString()), "--summary");
        assertEquals(RunCommandTest.TINY, Files.readString(scenario), "the scenario is untouched");
        assertOneErrorLine(Cli.run("sweep", scenario.toString(), "--param", "clients.web.ratePerSecond",
                "--from", "10", "--to", "20", "--steps", "2", "--out", scenario.toString()), "--out");
        assertEquals(RunCommandTest.TINY, Files.readString(scenario), "the scenario is untouched");
    }

    @Test
    void anOutputThatIsNotARegularFileIsRefused() throws Exception {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull));
        Path scenario = tiny();
        assertOneErrorLine(Cli.run("run", scenario.toString(), "--summary", devNull.toString()), "--summary",
                "/dev/null", "not a regular file");
        assertFalse(Files.isRegularFile(devNull), "the device is still a device");
        Path pipe = fifo("out.csv");
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Cli.run("run", scenario.toString(), "--intervals", pipe.toString()));
        assertOneErrorLine(r, "--intervals", "out.csv", "not a regular file");
        assertOneErrorLine(Cli.run("sweep", scenario.toString(), "--param", "clients.web.ratePerSecond",
                "--from", "10", "--to", "20", "--plot", devNull.toString()), "--plot", "/dev/null");
    }

    @Test
    void aScenarioThatIsNotARegularFileIsRefusedWithoutBlocking() throws Exception {
        Path pipe = fifo("pipe.json");
        // A FIFO without a writer blocks whoever opens it; the guard catches a hang and asserts no speed.
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("run", pipe.toString()));
        assertOneErrorLine(r, pipe.toString(), "not a regular file");
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero));
        assertOneErrorLine(assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("run", zero.toString())),
                "/dev/zero", "not a regular file");
        Path broken = dir.resolve("broken.json");
        Files.createSymbolicLink(broken, dir.resolve("gone.json"));
        assertOneErrorLine(Cli.run("run", broken.toString()), "broken.json", "broken link");
    }

    /** A policy column that first appears mid-run (the throttle switched on at 2 s) and one there from the start. */
    private static final String TIMELINE = RunCommandTest.TINY.replace("\"retry\": {\"maxAttempts\": 2,",
            "\"retryBudget\": {\"kind\": \"AWS_STANDARD\"}, \"retry\": {\"maxAttempts\": 2,")
            .replace("\"lesson\":", "\"timeline\": [{\"atSeconds\": 2, \"path\": \"clients.web.throttle.enabled\", "
                    + "\"value\": \"true\"}],\n  \"lesson\":");

    @Test
    void intervalsStreamToTheFileWithTheBytesAListWouldGive() throws IOException {
        Path scenario = Files.writeString(dir.resolve("timeline.json"), TIMELINE);
        Scenario s = ScenarioCodec.readFile(scenario);
        String expected = IntervalCsv.write(BatchRunner.run(s, List.of(), true).intervals());
        String header = expected.lines().findFirst().orElseThrow();
        assertTrue(header.endsWith("clients.web.throttleProbability,clients.web.throttledLocally"),
                "fixture: the throttle's columns come last, after the budget's: " + header);

        Path csv = dir.resolve("intervals.csv");
        Cli.Result r = Cli.run("run", scenario.toString(), "--intervals", csv.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(expected, Files.readString(csv), "streamed CSV = the CSV of the whole list");
        assertTrue(r.out().contains("Wrote " + csv + " (50 intervals)"), r.out());
        assertEquals(List.of(csv, scenario), listing(), "no spill or temporary file left");

        List<Object> seen = new ArrayList<>();
        List<RunResult> results = Replications.run(s, 1, 1, seen::add);
        assertEquals(50, seen.size(), "every interval reached the sink");
        assertEquals(List.of(), results.get(0).intervals(), "and the run kept none of them");
    }

    @Test
    void aSeedAboveTwoToThe53IsEchoedExactly() throws IOException {
        String tooBig = "9007199254740993";
        assertOneErrorLine(Cli.run("run", tiny().toString(), "--seed", tooBig), "--seed", "was " + tooBig);
        assertOneErrorLine(Cli.run("sweep", tiny().toString(), "--param", "clients.web.ratePerSecond", "--from",
                "10", "--to", "20", "--seed", tooBig), "--seed", "was " + tooBig);
        assertOneErrorLine(Cli.run("sweep", tiny().toString(), "--param", "clients.web.ratePerSecond", "--from",
                "10", "--to", "20", "--seed", "-1"), "--seed", "was -1");
    }

    @Test
    void namesWithControlCharactersAreEscapedWhenPrinted() throws IOException {
        Path evil = Files.writeString(dir.resolve("evil.json"), RunCommandTest.TINY.replace("\"name\": \"tiny\"",
                "\"name\": \"tiny\\u001b[2J\\nWrote /etc/passwd\""));
        Cli.Result r = Cli.run("run", evil.toString(), "--duration", "1", "--warmup", "0");
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.out().contains("\u001b"), "no raw escape character reaches the terminal");
        assertTrue(r.out().startsWith("tiny\\u001b[2J\\nWrote /etc/passwd (seed 7)\n"), r.out());
        Cli.Result bad = Cli.run("run", evil.toString(), "--set", "clients.web.ratePerSecond=x\u001b[2J");
        assertOneErrorLine(bad, "\\u001b[2J");
        assertFalse(bad.err().contains("\u001b"), bad.err());
    }

    @Test
    void minLimitAboveMaxLimitIsOneErrorLineNamingBoth() throws IOException {
        assertOneErrorLine(Cli.run("run", tiny().toString(), "--set", "services.api.limit.maxLimit=10", "--set",
                "services.api.limit.minLimit=20"), "limit.minLimit (20)", "limit.maxLimit (10)");
    }

    @Command(name = "hungry")
    static final class Hungry implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void runningOutOfMemoryIsOneLineWithWhatToDo() {
        CommandLine cli = OverloadLabCli.newCommandLine();
        cli.addSubcommand("hungry", new Hungry());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = OverloadLabCli.execute(cli, "hungry");
        assertEquals(OverloadLabCli.EXIT_FAILED, code);
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("error: out of memory") && lines.get(0).contains("-Xmx"), lines.get(0));
    }
}
