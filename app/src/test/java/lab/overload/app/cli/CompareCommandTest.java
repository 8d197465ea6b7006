package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import lab.overload.engine.run.Compare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void identicalSettingsGiveIdenticalSidesAndZeroDifferencesInTheJson() throws IOException {
        Path out = dir.resolve("ab.json");
        // the preset's queueCapacity is 100000: B sets it to the value it already has
        Cli.Result r = Cli.run("compare", "goodput-collapse", "--duration", "20", "--replications", "3",
                "--vs-set", "services.api.queueCapacity=100000", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        JsonNode tree = JSON.readTree(out.toFile());
        assertEquals(3, tree.get("replications").asInt());
        assertEquals(3, tree.get("seeds").size());
        JsonNode metrics = tree.get("metrics");
        assertEquals(Compare.METRICS.size(), metrics.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            JsonNode row = m.getValue();
            assertEquals(row.get("meanA"), row.get("meanB"), m.getKey());
            assertEquals(0.0, row.get("meanDifference").asDouble(-1), m.getKey());
            assertEquals(0.0, row.get("halfWidth95").asDouble(-1), m.getKey());
        }
        assertTrue(metrics.get("ratesPerSecond.goodput").get("meanA").asDouble() > 100, tree.toString());
    }

    @Test
    void aSmallQueueRaisesGoodputOnTheCollapsePresetAndTheCsvSaysSo() throws IOException {
        Path out = dir.resolve("sub/ab.csv");
        Cli.Result r = Cli.run("compare", "goodput-collapse", "--duration", "60", "--replications", "3",
                "--vs-set", "services.api.queueCapacity=16", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("B: A with services.api.queueCapacity=16"), r.out());
        assertTrue(r.out().contains("95% CI of B - A"), r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals("metric,meanA,meanB,meanDifference,halfWidth95,n", lines.get(0));
        assertEquals(Compare.METRICS.size() + 1, lines.size());
        String[] goodput = lines.stream().filter(l -> l.startsWith("ratesPerSecond.goodput,")).findFirst()
                .orElseThrow().split(",");
        double a = Double.parseDouble(goodput[1]);
        double b = Double.parseDouble(goodput[2]);
        double diff = Double.parseDouble(goodput[3]);
        double halfWidth = Double.parseDouble(goodput[4]);
        assertTrue(b > a, "goodput B " + b + " should exceed A " + a);
        assertEquals(b - a, diff, 1e-9 * Math.abs(b));
        assertTrue(diff - halfWidth > 0, "the interval should exclude 0: " + diff + " +/- " + halfWidth);
        assertEquals("3", goodput[5]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--vs-set services.api.queueCapacity=-3          | services.api.queueCapacity must be",
        "--vs-set services.api.nope=3                    | --vs-set: parameter path 'services.api.nope'",
        "--vs-set queueCapacity                          | --vs-set 'queueCapacity' must look like PATH=VALUE",
        "--vs-set services.api.hosts=2 --replications 0  | --replications must be an integer in [1, 1000]",
        "--vs-set services.api.hosts=2 --set x.y=1       | x.y"})
    void badInputIsOneErrorLineExitTwoAndNothingWritten(String args, String message) {
        Path out = dir.resolve("ab.csv");
        List<String> argv = new java.util.ArrayList<>(List.of("compare", "goodput-collapse", "--out",
                out.toString()));
        argv.addAll(List.of(args.trim().split("\\s+")));
        Cli.Result r = Cli.run(argv.toArray(String[]::new));
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message), r.toString());
        assertFalse(Files.exists(out));
    }
}
