package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapCommandTest {
    /** Table rows "m  percent  1-in" as printed. */
    private static List<String[]> rows(String out) {
        return out.lines().filter(l -> l.matches("  \\d+ +\\S+ +\\S+")).map(l -> l.trim().split(" +")).toList();
    }

    @Test
    void eightNodesShardsOfTwo() {
        Cli.Result r = Cli.run("overlap", "--nodes", "8", "--shard-size", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Distinct shards C(8, 2) = 28\n"), r.out());
        List<String[]> rows = rows(r.out());
        assertEquals(3, rows.size(), r.out());
        assertEquals(List.of("0", "53.5714", "1.87"), List.of(rows.get(0)));
        assertEquals(List.of("1", "42.8571", "2.33"), List.of(rows.get(1)));
        assertEquals(List.of("2", "3.5714", "28.00"), List.of(rows.get(2)));
        assertTrue(r.out().contains("K^2/N = 0.5 nodes"), r.out());
    }

    @Test
    void hundredNodesShardsOfFive() {
        Cli.Result r = Cli.run("overlap", "--nodes", "100", "--shard-size", "5");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Distinct shards C(100, 5) = 75,287,520\n"), r.out());
        List<String[]> rows = rows(r.out());
        // exact: C(5,m) C(95,5-m) / C(100,5)
        List<String> percents = rows.stream().map(x -> x[1]).toList();
        assertEquals(List.of("76.9590", "21.1426", "1.8385", "0.0593", "0.0006309", "0.000001328"), percents);
        assertEquals("75,287,520", rows.get(5)[2]);
    }

    @Test
    void largeShardsFoldNegligibleRows() {
        Cli.Result r = Cli.run("overlap", "--nodes", "100", "--shard-size", "50");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("  0..8 "), r.out());
        assertTrue(r.out().contains("C(100, 50) = 100,891,344,545,564,193,334,812,497,256"), r.out());
        Cli.Result all = Cli.run("overlap", "--nodes", "100", "--shard-size", "50", "--all");
        assertEquals(51, rows(all.out()).size(), all.out());
    }

    @Test
    void badSizesExit2() {
        RunCommandTest.assertOneLineError(Cli.run("overlap", "--nodes", "8", "--shard-size", "9"),
                "--shard-size must be an integer in [1, --nodes = 8], was 9");
        RunCommandTest.assertOneLineError(Cli.run("overlap", "--nodes", "8", "--shard-size", "0"),
                "--shard-size");
        RunCommandTest.assertOneLineError(Cli.run("overlap", "--nodes", "0", "--shard-size", "1"),
                "--nodes must be an integer in [1, 100000], was 0");
        RunCommandTest.assertOneLineError(Cli.run("overlap", "--nodes", "100001", "--shard-size", "1"),
                "--nodes must be an integer in [1, 100000], was 100001");
        Cli.Result r = Cli.run("overlap", "--nodes", "8");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: Missing required option: '--shard-size=K'"), r.err());
    }

    @Test
    void edgeCases() {
        Cli.Result r = Cli.run("overlap", "--nodes", "1", "--shard-size", "1");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("1", "100.0000", "1.00"), List.of(rows(r.out()).get(1)));
        r = Cli.run("overlap", "--nodes", "3", "--shard-size", "2");
        assertEquals(List.of("0", "0", "never"), List.of(rows(r.out()).get(0)), r.out());
        r = Cli.run("overlap", "--nodes", "100000", "--shard-size", "3");
        assertTrue(r.out().contains("C(100000, 3) = 166,661,666,700,000"), r.out());
    }

    /**
     * The shuffle-sharding preset, sharded as its step 2 does: the exact 53.6 / 42.9 / 3.6 % next to the measured
     * share of 1,000 tenants' hands (within 5 points), none of the tenants sharing no lane with the noisy one
     * impacted, and every tenant holding its very hand impacted.
     */
    @Test
    void aScenarioPrintsExactNextToMeasured() {
        Cli.Result r = Cli.run("overlap", "--scenario", "shuffle-sharding", "--set",
                "queues.events.mapping=SHUFFLE_SHARD", "--set", "queues.events.pollersPerLane=1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("8 lanes, hands of 2, 1000 tenants; busiest tenant 7"), r.out());
        List<String[]> table = r.out().lines().filter(l -> l.matches("  \\d +\\S+ +\\S+ +\\d+ +\\S+"))
                .map(l -> l.trim().split(" +")).toList();
        assertEquals(3, table.size(), r.out());
        double[] exact = {53.5714, 42.8571, 3.5714};
        for (int m = 0; m < 3; m++) {
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", exact[m]), table.get(m)[1]);
            assertEquals(exact[m], Double.parseDouble(table.get(m)[2]), 5, "measured share at overlap " + m);
        }
        assertEquals("0.0", table.get(0)[4], "no lane in common: nobody impacted");
        assertEquals("100.0", table.get(2)[4], "the noisy tenant's very hand: everybody impacted");
        RunCommandTest.assertOneLineError(Cli.run("overlap", "--scenario", "queue-backlog"),
                "has no queue with SHUFFLE_SHARD or HASH lanes (queues: inbox SHARED)");
        RunCommandTest.assertOneLineError(Cli.run("overlap", "--scenario", "shuffle-sharding", "--nodes", "8"),
                "leave out --nodes and --shard-size");
        RunCommandTest.assertOneLineError(Cli.run("overlap", "--scenario", "shuffle-sharding", "--set",
                "queues.events.handSize=0"), "handSize");
    }
}
