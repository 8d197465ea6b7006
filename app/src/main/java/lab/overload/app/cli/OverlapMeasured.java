package lab.overload.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.LaneChoice;
import lab.overload.engine.component.async.OverlapTable;
import lab.overload.engine.component.async.QueueStats;
import lab.overload.engine.policy.ShuffleSharder;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.LaneMapping;
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.theory.ShardOverlap;

/**
 * {@code overlap --scenario FILE}: runs the scenario and prints, for its first queue with hands (SHUFFLE_SHARD or
 * HASH), the exact overlap table next to the measured one: how the other tenants' hands overlap the busiest tenant's
 * hand, and what share of the tenants at each overlap that sent messages were impacted (a message older than the
 * queue's {@code impactAgeMillis}).
 */
final class OverlapMeasured {
    private OverlapMeasured() {
    }

    static void print(Scenario s, PrintWriter out) {
        QueueSpec q = s.queues().stream().filter(x -> x.mapping() == LaneMapping.SHUFFLE_SHARD
                || x.mapping() == LaneMapping.HASH).findFirst().orElseThrow(() -> new InputException(
                "--scenario: " + s.name() + " has no queue with SHUFFLE_SHARD or HASH lanes (queues: "
                        + (s.queues().isEmpty() ? "none" : String.join(", ", s.queues().stream()
                        .map(x -> x.name() + " " + x.mapping()).toList())) + ")"));
        World w = new World(s);
        w.runUntil(s.durationMicros());
        LaneChoice choice = w.laneChoice(q.name());
        QueueStats stats = w.queueStats(q.name());
        ShuffleSharder hands = choice.sharder();
        int noisy = OverlapTable.busiest(stats);
        int k = hands.handSize();
        long[] rows = OverlapTable.measure(stats, hands, noisy);
        double[] exact = ShardOverlap.overlapDistribution(hands.laneCount(), k);
        long others = stats.tenants() - 1L;
        out.printf(Locale.ROOT, "Queue %s of %s: %d lanes, hands of %d, %d tenants; busiest tenant %d (%d messages)%n",
                q.name(), s.name(), hands.laneCount(), k, stats.tenants(), noisy, stats.tenantEnqueued(noisy));
        out.println();
        TextTable t = new TextTable();
        t.section("lanes shared m", "exact %", "measured %", "tenants", "impacted %");
        for (int m = 0; m <= k; m++) {
            long tenants = rows[3 * m];
            long active = rows[3 * m + 1];
            t.row(Integer.toString(m), OverlapCommand.percent(100 * exact[m]),
                    others == 0 ? "-" : OverlapCommand.percent(100.0 * tenants / others), Long.toString(tenants),
                    active == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * rows[3 * m + 2] / active));
        }
        out.print(t.render());
        out.println();
        out.println("measured %: the other tenants' hands by lanes shared with the busiest tenant's hand; impacted %: "
                + "of those that sent messages, the share with a message more than "
                + FieldDef.format(q.impactAgeMillis()) + " ms old in a measured second.");
        out.flush();
    }
}
