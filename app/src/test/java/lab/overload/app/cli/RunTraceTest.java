package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --trace FILE --trace-requests N}: the event trace as JSON lines, and its checks. */
class RunTraceTest {
    @TempDir
    Path dir;

    @Test
    void traceHoldsTheFirstRequestsAsJsonLines() throws IOException {
        Path scenario = dir.resolve("tiny.json");
        Files.writeString(scenario, RunCommandTest.TINY);
        Path trace = dir.resolve("out/trace.jsonl");
        Cli.Result r = Cli.run("run", scenario.toString(), "-q", "--trace", trace.toString(), "--trace-requests", "5");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = Files.readAllLines(trace);
        assertFalse(lines.isEmpty(), "some events");
        ObjectMapper json = new ObjectMapper();
        long maxRequest = 0;
        for (String line : lines) {
            JsonNode e = json.readTree(line);
            assertEquals(List.of("timeMicros", "event", "requestId", "attempt", "client", "stage", "outcome"),
                    fieldNames(e), "every line has the same keys, in order: " + line);
            maxRequest = Math.max(maxRequest, e.get("requestId").asLong());
        }
        assertEquals(5, maxRequest, "requests 1 to 5 only");
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("send", first.get("event").asText(), "the first event sends request 1");
        assertEquals(1, first.get("requestId").asLong());
        assertTrue(first.get("stage").isNull(), "a client's event has no stage");
    }

    @Test
    void aBadRequestCountIsOneErrorLineAndNothingWritten() {
        Path trace = dir.resolve("trace.jsonl");
        Cli.Result r = Cli.run("run", "littles-law", "-q", "--trace", trace.toString(), "--trace-requests", "0");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("error: --trace-requests must be an integer in [1, 1000000], was 0"), r.err());
        assertFalse(Files.exists(trace), "nothing written");
    }

    private static List<String> fieldNames(JsonNode n) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
