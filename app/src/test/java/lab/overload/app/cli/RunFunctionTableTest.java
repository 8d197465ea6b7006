package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} prints a per-function and per-API table after the totals, with the summary file's numbers. */
class RunFunctionTableTest {
    /** f (reserved 3) behind an API that throttles, g unreserved and busy enough to be throttled by the account. */
    private static final String PLATFORM = """
            {"name": "platform", "seed": 3, "durationSeconds": 20, "warmupSeconds": 2,
             "clients": [{"name": "web", "target": "front", "ratePerSecond": 60, "timeoutKind": "NONE"},
                         {"name": "batch", "target": "g", "ratePerSecond": 80, "timeoutKind": "NONE"}],
             "apis": [{"name": "front", "target": "f", "ratePerSecond": 50, "burst": 10}],
             "platform": [{"name": "acct", "concurrencyLimit": 12, "unreservedMinimum": 5}],
             "functions": [{"name": "f", "durationMillis": 50, "initMillis": 300, "reservedConcurrency": 3},
                           {"name": "g", "durationMillis": 100, "initMillis": 300}]}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runPrintsTheFunctionsAndApisAfterTheTotals() throws IOException {
        Path scenario = dir.resolve("platform.json");
        Files.writeString(scenario, PLATFORM);
        Path summary = dir.resolve("summary.json");
        Cli.Result r = Cli.run("run", scenario.toString(), "--summary", summary.toString());
        assertEquals(0, r.code(), r.toString());
        String out = r.out();
        int functions = out.indexOf("Functions (invokes after warm-up)");
        assertTrue(functions > out.indexOf("Work (worker-seconds)"), "after the totals:\n" + out);
        assertTrue(out.indexOf("APIs (requests after warm-up)") > functions, out);

        JsonNode stages = JSON.readTree(summary.toFile()).get("byStage");
        assertEquals(List.of(cell(stages, "f", "invocations", "total"), cell(stages, "g", "invocations", "total")),
                row(out, "invokes"));
        assertEquals(List.of(cell(stages, "f", "invocations", "cold"), cell(stages, "g", "invocations", "cold")),
                row(out, "cold"));
        assertEquals(List.of(cell(stages, "f", "invocations", "throttled", "reservedConcurrency"),
                cell(stages, "g", "invocations", "throttled", "reservedConcurrency")),
                row(out, "throttled: reserved concurrency"));
        assertEquals(List.of(cell(stages, "f", "invocations", "throttled", "accountConcurrency"),
                cell(stages, "g", "invocations", "throttled", "accountConcurrency")),
                row(out, "throttled: account concurrency"));
        assertEquals("3", row(out, "concurrency, max").get(0), "f is throttled at its reservation, so it reaches it");
        assertEquals(List.of("reserved", "3", "unreserved", "9"), row(out, "concurrency limit"));
        assertEquals(List.of("12", "12"), row(out, "account concurrency limit"));
        assertEquals(List.of(cell(stages, "front", "requests"), cell(stages, "front", "throttled")),
                List.of(row(out, "requests").get(0), row(out, "throttled (API rate)").get(0)));
        // the story: each cause shows up where it should
        assertTrue(Long.parseLong(row(out, "throttled: reserved concurrency").get(0)) > 0, out);
        assertTrue(Long.parseLong(row(out, "throttled: account concurrency").get(1)) > 0, out);
        assertTrue(Long.parseLong(row(out, "throttled (API rate)").get(0)) > 0, out);
        assertEquals(-1, out.indexOf("Functions (invokes after warm-up)", functions + 1), "one function table");
    }

    private static String cell(JsonNode stages, String stage, String... path) {
        JsonNode n = stages.get(stage);
        for (String p : path) {
            n = n.get(p);
        }
        return n.asText();
    }

    /** The cells of the first table row with that label (two spaces of indent, then the label). */
    private static List<String> row(String out, String label) {
        for (String line : out.split("\n")) {
            if (line.startsWith("  " + label + "  ")) {
                return List.of(line.substring(2 + label.length()).trim().split("\\s+"));
            }
        }
        throw new AssertionError("no row '" + label + "' in\n" + out);
    }
}
