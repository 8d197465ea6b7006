package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.overload.engine.core.RandomStreams;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunCommandTest {
    /** Overloaded on purpose (offered 4 erlangs on 4 workers, small queue, short timeout, one retry). */
    static final String TINY = """
            {
              "schemaVersion": 1,
              "name": "tiny",
              "seed": 7,
              "durationSeconds": 5,
              "warmupSeconds": 1,
              "intervalMillis": 100,
              "lesson": {"formula": "rho = lambda / (c * mu)"},
              "clients": [{"name": "web", "target": "api", "ratePerSecond": 200, "timeoutMillis": 150,
                           "retry": {"maxAttempts": 2, "backoffBaseMillis": 10}}],
              "services": [{"name": "api", "workersPerHost": 4, "queueCapacity": 10, "serviceTimeMillis": 20}]
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path tiny() throws IOException {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, TINY);
        return f;
    }

    @Test
    void runPrintsTableAndWritesSummaryThatConserves() throws IOException {
        Path summary = dir.resolve("out/summary.json");
        Cli.Result r = Cli.run("run", tiny().toString(), "--summary", summary.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        for (String s : List.of("tiny (seed 7)", "Requests (arrived after warm-up)", "failed: timed out",
                "Attempts (sent after warm-up)", "completed, wasted", "goodput (succeeded)", "p99.9",
                "queue wait (ms)", "utilization (%)", "Work (worker-seconds)", "not useful",
                "Lesson formula: rho = lambda / (c * mu)", "Wrote " + summary)) {
            assertTrue(r.out().contains(s), "missing '" + s + "' in\n" + r.out());
        }

        JsonNode j = JSON.readTree(summary.toFile());
        assertEquals("tiny", j.get("scenario").asText());
        assertEquals(7, j.get("seed").asLong());
        assertEquals(4.0, j.get("measuredSeconds").asDouble(), 1e-9);
        JsonNode req = j.get("requests");
        long total = req.get("total").asLong();
        assertTrue(total > 500, "about 800 requests expected, got " + total);
        assertEquals(total, sum(req, "succeeded", "failedTimeout", "failedRejected", "failedError", "expired",
                "inFlight"));
        JsonNode att = j.get("attempts");
        assertEquals(att.get("total").asLong(), sum(att, "completedUseful", "completedWasted", "completedError",
                "shed", "throttled", "abandonedByServer", "inFlight"));
        assertEquals(att.get("total").asLong(), total + att.get("retries").asLong());
        assertTrue(att.get("retries").asLong() > 0, "the tiny scenario is overloaded, so it retries");
        double cohortGoodput = j.get("requests").get("succeeded").asDouble() / 4.0;
        assertEquals(cohortGoodput, j.get("ratesPerSecond").get("goodput").asDouble(), 0.05 * cohortGoodput,
                "goodput counts successes by when they happen; it differs from the cohort's successes per second "
                        + "only by requests that straddle the warm-up and the end (within 5% here)");
        for (String group : List.of("ratesPerSecond", "latencyMillis", "queueWaitMillis", "concurrency",
                "queueLength", "workSeconds", "littlesLaw")) {
            assertTrue(j.get(group).isObject(), group);
        }
        assertTrue(j.get("utilization").isNumber());
        // the table shows the same numbers as the file
        assertTrue(r.out().matches("(?s).*\\n  total +" + total + " +100\\.00\\n.*"), r.out());
    }

    private static long sum(JsonNode node, String... fields) {
        long s = 0;
        for (String f : fields) {
            s += node.get(f).asLong();
        }
        return s;
    }

    @Test
    void sameSeedGivesByteIdenticalSummaryAndOverridesApply() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        String f = tiny().toString();
        assertEquals(0, Cli.run("run", f, "-q", "--summary", a.toString()).code());
        assertEquals(0, Cli.run("run", f, "-q", "--summary", b.toString()).code());
        assertEquals(Files.readString(a), Files.readString(b));
        Cli.Result r = Cli.run("run", f, "--seed", "8", "--duration", "3", "--warmup", "0.5", "--set",
                "clients.web.ratePerSecond=50", "--set", "services.api.discipline=LIFO", "--summary", c.toString());
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.out().isEmpty());
        JsonNode j = JSON.readTree(c.toFile());
        assertEquals(8, j.get("seed").asLong());
        assertEquals(2.5, j.get("measuredSeconds").asDouble(), 1e-9);
        // 50/s over 2.5 s: about 125 requests, far from the 800 of the base scenario
        long total = j.get("requests").get("total").asLong();
        assertTrue(total > 70 && total < 190, "requests " + total);
    }

    @Test
    void quietPrintsNothing() throws IOException {
        Cli.Result r = Cli.run("run", tiny().toString(), "--quiet");
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void replicationsGiveMeanHalfWidthAndCountForEveryNumber() throws IOException {
        Path s1 = dir.resolve("r1.json");
        Path s2 = dir.resolve("r2.json");
        String f = tiny().toString();
        Cli.Result r = Cli.run("run", f, "--replications", "3", "--summary", s1.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("3 replications"), r.out());
        assertTrue(r.out().contains(" +/- "), r.out());

        JsonNode j = JSON.readTree(s1.toFile());
        assertEquals("tiny", j.get("scenario").asText());
        assertEquals(7, j.get("seed").asLong());
        assertEquals(3, j.get("replications").asInt());
        assertEquals(List.of(7L, RandomStreams.replicationSeed(7, 1), RandomStreams.replicationSeed(7, 2)),
                longs(j.get("seeds")));
        JsonNode total = j.get("requests").get("total");
        assertEquals(3, total.get("n").asInt());
        assertTrue(total.get("mean").asDouble() > 500);
        assertTrue(total.get("halfWidth95").isNumber());
        assertEquals(4.0, j.get("measuredSeconds").get("mean").asDouble(), 1e-9);
        // every number of the single-run layout became {mean, halfWidth95, n}
        List<String> leaves = new ArrayList<>();
        statLeaves(j, "", leaves);
        Path single = dir.resolve("single.json");
        assertEquals(0, Cli.run("run", f, "-q", "--summary", single.toString()).code());
        List<String> numbers = new ArrayList<>();
        numberLeaves(JSON.readTree(single.toFile()), "", numbers);
        numbers.remove("seed");
        assertEquals(numbers, leaves);
        assertTrue(leaves.contains("attempts.completedError"));
        assertTrue(leaves.contains("littlesLaw.inSystemMean"));

        // deterministic whatever the thread count
        assertEquals(0, Cli.run("run", f, "-q", "--replications", "3", "--threads", "1", "--summary",
                s2.toString()).code());
        assertEquals(Files.readString(s1), Files.readString(s2));
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asLong()));
        return out;
    }

    /** Collects the paths of {mean, halfWidth95, n} objects and fails on any other bare number. */
    private static void statLeaves(JsonNode node, String path, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("halfWidth95")) {
                assertEquals(List.of("mean", "halfWidth95", "n"), fieldNames(v), p);
                assertEquals(3, v.get("n").asInt(), p);
                out.add(p);
            } else if (v.isObject()) {
                statLeaves(v, p, out);
            } else if (v.isNumber()) {
                assertTrue(p.equals("seed") || p.equals("replications"), "bare number at " + p);
            }
        }
    }

    /** Paths of the numbers (and nulls, i.e. undefined numbers) of a single-run summary, in document order. */
    private static void numberLeaves(JsonNode node, String path, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (e.getValue().isObject()) {
                numberLeaves(e.getValue(), p, out);
            } else if (e.getValue().isNumber() || e.getValue().isNull()) {
                out.add(p);
            }
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void intervalsCsvHasHeaderAndOneRowPerInterval() throws IOException {
        Path csv = dir.resolve("i.csv");
        Cli.Result r = Cli.run("run", tiny().toString(), "-q", "--intervals", csv.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        assertEquals("index", header[0]);
        assertEquals(IntervalCsv.header(), List.of(header));
        assertTrue(List.of(header).containsAll(List.of("offered", "succeeded", "latencyP99Millis",
                "offeredPerSecond", "goodputPerSecond", "throughputPerSecond")));
        assertEquals(1 + 50, lines.size(), "5 s in 100 ms intervals");
        int offeredCol = List.of(header).indexOf("offered");
        int rateCol = List.of(header).indexOf("offeredPerSecond");
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertEquals(header.length, cells.length, "row " + i);
            assertEquals(i - 1, Integer.parseInt(cells[0]));
            assertEquals(Long.parseLong(cells[offeredCol]) * 10, Double.parseDouble(cells[rateCol]), 1e-9);
            assertFalse(lines.get(i).contains("E"), "plain decimals only: " + lines.get(i));
        }
        assertTrue(lines.get(50).startsWith("49,4900000,5000000,"), lines.get(50));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown path", List.of("--set", "clients.web.nope=1"), "clients.web.nope"),
                Arguments.of("unknown client", List.of("--set", "clients.mobile.ratePerSecond=1"), "mobile"),
                Arguments.of("out of range", List.of("--set", "clients.web.ratePerSecond=-5"),
                        "clients.web.ratePerSecond must be in [0, 100000] 1/s, was -5"),
                Arguments.of("not a number", List.of("--set", "services.api.workersPerHost=many"),
                        "services.api.workersPerHost"),
                Arguments.of("bad choice", List.of("--set", "services.api.discipline=RANDOM"),
                        "services.api.discipline must be one of FIFO, LIFO"),
                Arguments.of("no equals", List.of("--set", "clients.web.ratePerSecond"), "PATH=VALUE"),
                Arguments.of("negative duration", List.of("--duration", "-1"), "--duration must be in [0.001"),
                Arguments.of("warmup >= duration", List.of("--duration", "2", "--warmup", "2"),
                        "--warmup (2 s) must be less than --duration (2 s)"),
                Arguments.of("duration below scenario warmup", List.of("--duration", "0.5"),
                        "the scenario's warmupSeconds (1 s) must be less than --duration (0.5 s)"),
                Arguments.of("negative seed", List.of("--seed", "-3"), "--seed must be an integer in [0,"),
                Arguments.of("zero replications", List.of("--replications", "0"), "--replications"),
                Arguments.of("NaN duration", List.of("--duration", "NaN"), "--duration"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badOverridesExit2NamingTheFieldAndWriteNothing(String name, List<String> options, String expected)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("run", tiny().toString()));
        args.addAll(options);
        Path summary = dir.resolve("never/summary.json");
        Path csv = dir.resolve("never.csv");
        args.addAll(List.of("--summary", summary.toString(), "--intervals", csv.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertOneLineError(r, expected);
        assertFalse(Files.exists(summary), "nothing written");
        assertFalse(Files.exists(summary.getParent()), "not even the directory");
        assertFalse(Files.exists(csv));
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("malformed", "{\"schemaVersion\": 1, \"name\": ", "$: not valid JSON"),
                Arguments.of("out of range", RunCommandTestFixtures.replace(TINY, "\"ratePerSecond\": 200",
                        "\"ratePerSecond\": -5"), "$.clients[0].ratePerSecond: must be in [0, 100000] 1/s, was -5"),
                Arguments.of("unknown property", RunCommandTestFixtures.replace(TINY, "\"seed\": 7",
                        "\"seed\": 7, \"sede\": 8"), "$.sede: unknown property"),
                Arguments.of("wrong type", RunCommandTestFixtures.replace(TINY, "\"workersPerHost\": 4",
                        "\"workersPerHost\": \"4\""), "$.services[0].workersPerHost"),
                Arguments.of("empty", "", "$: document is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badScenarioFilesExit2NamingTheJsonPath(String name, String content, String expected) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, content);
        Path summary = dir.resolve("s.json");
        Cli.Result r = Cli.run("run", f.toString(), "--summary", summary.toString());
        assertOneLineError(r, expected);
        assertFalse(Files.exists(summary));
    }

    @Test
    void missingFileExits2AndListsPresets() {
        Path summary = dir.resolve("s.json");
        Cli.Result r = Cli.run("run", dir.resolve("nowhere.json").toString(), "--summary", summary.toString());
        assertOneLineError(r, "nowhere.json: no such file");
        assertFalse(Files.exists(summary));
    }

    @Test
    void directoryAsOutputExits2BeforeRunning() throws IOException {
        Cli.Result r = Cli.run("run", tiny().toString(), "--summary", dir.toString());
        assertOneLineError(r, "--summary " + dir + ": is a directory");
        Path same = dir.resolve("same");
        r = Cli.run("run", tiny().toString(), "--summary", same.toString(), "--intervals", same.toString());
        assertOneLineError(r, "name the same file");
        assertFalse(Files.exists(same));
    }

    @Test
    void usageErrorsExit2WithOneLineAndAHint() throws IOException {
        Cli.Result r = Cli.run("run", tiny().toString(), "--sed", "3");
        assertEquals(2, r.code(), r.toString());
        String[] lines = r.err().split("\\R");
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].startsWith("error: Unknown option") && lines[0].contains("'--sed'"), lines[0]);
        assertTrue(lines[1].startsWith("hint: did you mean --seed"), lines[1]);
        assertTrue(lines[1].contains("overload-lab run --help"), lines[1]);

        r = Cli.run("run", tiny().toString(), "--duration", "long");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("error: Invalid value for option '--duration'"), r.err());

        r = Cli.run("run");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("error: Missing required parameter: 'SCENARIO'"), r.err());

        r = Cli.run("frobnicate");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("error: Unmatched argument"), r.err());
    }

    @Test
    void bundledPresetRunsByName() throws IOException {
        List<String> presets = ScenarioSource.presetNames();
        Assumptions.assumeFalse(presets.isEmpty(), "no presets bundled");
        Path summary = dir.resolve("p.json");
        Cli.Result r = Cli.run("run", presets.get(0), "--duration", "2", "--warmup", "0", "-q", "--summary",
                summary.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(JSON.readTree(summary.toFile()).get("requests").get("total").asLong() >= 0);
    }

    @Test
    void helpAndVersion() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code());
        assertEquals("0.1.0", r.out().strip());
        r = Cli.run("run", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--replications=N"), r.out());
        r = Cli.run();
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Commands:"), r.out());
    }

    static void assertOneLineError(Cli.Result r, String expected) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), "nothing on stdout");
        String[] lines = r.err().split("\\R");
        assertEquals(1, lines.length, "one line: " + r.err());
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        assertTrue(lines[0].contains(expected), "expected '" + expected + "' in: " + lines[0]);
    }
}
