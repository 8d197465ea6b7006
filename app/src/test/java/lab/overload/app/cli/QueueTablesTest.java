package lab.overload.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code run} prints each queue's lane table (with each lane's busy pollers and empty polls), the overlap with the noisy tenant's hand and the most impacted
 * tenants; a scenario without queues prints none of them.
 */
class QueueTablesTest {

    @Test
    void runPrintsTheLanesTheOverlapAndTheMostImpactedTenants() {
        Cli.Result r = Cli.run("run", "shuffle-sharding", "--duration", "30", "--set",
                "queues.events.mapping=SHUFFLE_SHARD", "--set", "queues.events.pollersPerLane=1");
        assertEquals(0, r.code(), r.toString());
        String out = r.out();
        assertTrue(out.contains("Queue events: 8 lanes"), out);
        assertTrue(out.contains("busy pollers (mean)") && out.contains("empty polls"), out);
        List<String> lanes = out.lines().filter(l -> l.matches("  lane \\d+ +\\d+ +\\d+ +\\d+ +[\\d.]+ +\\d+"))
                .toList();
        assertEquals(8, lanes.size(), out);
        double busy = lanes.stream().mapToDouble(l -> Double.parseDouble(l.trim().split(" +")[5])).sum();
        assertTrue(busy > 0 && busy <= 8, "one poller per lane, some of them busy: " + out);
        assertTrue(out.contains("Lanes shared with noisy tenant 7"), out);
        List<String> overlap = out.lines().filter(l -> l.matches("  [012] lanes +\\d+ +\\d+")).toList();
        assertEquals(3, overlap.size(), out);
        long tenants = overlap.stream().mapToLong(l -> Long.parseLong(l.trim().split(" +")[2])).sum();
        assertEquals(999, tenants, "every other tenant at one overlap level");
        assertTrue(out.contains("Most impacted tenants (age over 1000 ms)"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  tenant 7 +\\d+ +\\S+ +\\d+")),
                "the noisy tenant is among the most impacted: " + out);
    }

    @Test
    void noQueueNoQueueTables() {
        Cli.Result r = Cli.run("run", "goodput-collapse", "--duration", "2", "--warmup", "0");
        assertEquals(0, r.code(), r.toString());
        assertTrue(!r.out().contains("Queue ") && !r.out().contains("Most impacted"), r.out());
    }
}
