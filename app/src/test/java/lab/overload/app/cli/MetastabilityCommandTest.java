package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MetastabilityCommandTest {
    private static final String PRESET = Path.of("..", "presets", "metastable-retry-storm.json").toString();

    @TempDir
    Path dir;

    /**
     * Runs the CLI in-process like {@link Cli#run}, registering the command first if OverloadLabCli does not list it
     * yet.
     */
    private static Cli.Result run(String... args) {
        CommandLine cli = new CommandLine(new OverloadLabCli());
        if (!cli.getSubcommands().containsKey("metastability")) {
            cli.addSubcommand("metastability", new CommandLine(new MetastabilityCommand()));
        }
        cli.setParameterExceptionHandler(new CliErrors.Parameters());
        cli.setExecutionExceptionHandler(new CliErrors.Execution());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void thePresetIsStillDegradedAfterItsSpike() {
        Cli.Result r = run("metastability", PRESET, "--duration", "60");
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        for (String s : new String[] {"Metastable retry storm (seed 42), 60 s simulated",
            "Trigger 1: clients.web.ratePerSecond=400 at 20-25 s (5 s load spike)", "baseline, 10-20 s",
            "after, 50-60 s", "threshold (0.5 x baseline)", "STILL DEGRADED", "recovery time"}) {
            assertTrue(r.out().contains(s), "missing '" + s + "' in\n" + r.out());
        }
    }

    @Test
    void setGraceAndFractionChangeTheCheck() {
        Cli.Result r = run("metastability", PRESET, "--duration", "60", "--set", "services.api.discipline=LIFO",
                "--grace", "5", "--fraction", "0.8");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("RECOVERED"), r.out());
        assertTrue(r.out().contains("threshold (0.8 x baseline)"), r.out());
        assertTrue(r.out().contains("from 5 s after the trigger ends"), r.out());
    }

    @Test
    void hysteresisPrintsTheRecoveryLoad() {
        Cli.Result r = run("metastability", PRESET, "--duration", "60", "--hysteresis", "--steps", "3",
                "--threads", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Hysteresis: clients.web.ratePerSecond set to each load when the spike ends "
                + "(base load 200/s)"), r.out());
        assertTrue(r.out().contains("200/s"), r.out());
        assertTrue(r.out().contains("110/s"), r.out());
        assertTrue(r.out().contains("20/s"), r.out());
        assertTrue(r.out().contains("Recovery load: 20/s (10% of the base load 200/s)"), r.out());
    }

    @Test
    void badOptionsExitTwoWithOneLineNamingTheOption() {
        String[][] cases = {
            {"--fraction", "0", "--fraction must be in (0, 1], was 0"},
            {"--fraction", "1.5", "--fraction must be in (0, 1], was 1.5"},
            {"--grace", "-1", "--grace must be in [0, 864000] s, was -1"},
            {"--window", "0", "--window must be in (0, 864000] s, was 0"},
            {"--steps", "4", "--steps needs --hysteresis"},
            {"--set", "clients.web.nope=1", "'nope' is not a tunable field"},
            {"--set", "clients.web.ratePerSecond", "--set 'clients.web.ratePerSecond' must look like PATH=VALUE"},
            {"--duration", "0", "--duration must be in [0.001, 864000]"},
        };
        for (String[] c : cases) {
            Cli.Result r = run("metastability", PRESET, c[0], c[1]);
            assertEquals(2, r.code(), String.join(" ", c) + "\n" + r);
            assertEquals(1, r.err().lines().count(), r.toString());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(c[2]), c[2] + "\n" + r);
            assertEquals("", r.out());
        }
        Cli.Result steps = run("metastability", PRESET, "--hysteresis", "--steps", "0");
        assertEquals(2, steps.code(), steps.toString());
        assertTrue(steps.err().contains("--steps must be an integer in [1, 1000], was 0"), steps.toString());
        Cli.Result notANumber = run("metastability", PRESET, "--grace", "soon");
        assertEquals(2, notANumber.code(), notANumber.toString());
        assertTrue(notANumber.err().contains("--grace"), notANumber.toString());
        Cli.Result missing = run("metastability", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code(), missing.toString());
    }

    @Test
    void scenariosWithoutTheRightTriggerAreBadInput() throws IOException {
        Path noTrigger = dir.resolve("steady.json");
        Files.writeString(noTrigger, """
                {"name": "steady", "durationSeconds": 5,
                 "clients": [{"name": "web", "target": "api"}], "services": [{"name": "api"}],
                 "timeline": [{"atSeconds": 1, "path": "clients.web.ratePerSecond", "value": "20"}]}
                """);
        Cli.Result r = run("metastability", noTrigger.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("has no trigger to check"), r.toString());

        Path latency = dir.resolve("latency.json");
        Files.writeString(latency, """
                {"name": "latency spike", "durationSeconds": 30,
                 "clients": [{"name": "web", "target": "api"}], "services": [{"name": "api"}],
                 "timeline": [{"atSeconds": 5, "path": "services.api.serviceTimeMillis", "value": "200",
                               "holdSeconds": 2}]}
                """);
        Cli.Result ok = run("metastability", latency.toString());
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(ok.out().contains("RECOVERED"), ok.out());
        Cli.Result h = run("metastability", latency.toString(), "--hysteresis");
        assertEquals(2, h.code(), h.toString());
        assertTrue(h.err().startsWith("error: --hysteresis: the scenario has no load spike"), h.toString());
    }

    @Test
    void aRunTooShortForTheGracePeriodSaysSo() {
        Cli.Result r = run("metastability", PRESET, "--duration", "30");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("PENDING"), r.out());
        assertTrue(r.out().contains("note: ") && r.out().contains("needs data beyond 35 s"), r.out());
    }
}
