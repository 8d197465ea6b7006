package lab.overload.app.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.engine.metrics.LaneInterval;
import lab.overload.models.theory.ShardOverlap;
import org.junit.jupiter.api.Test;

/** The overlap table's rows: exact from the hypergeometric table, measured shares from a known lane section. */
class OverlapRowTest {

    @Test
    void exactRowsAreTheHypergeometricTableAndMeasuredOnesWaitForASealedSecond() {
        List<OverlapRow> rows = OverlapRow.of(100, 5, null);
        double[] exact = ShardOverlap.overlapDistribution(100, 5);
        assertEquals(6, rows.size());
        for (int m = 0; m <= 5; m++) {
            assertEquals(100 * exact[m], rows.get(m).exactPercent(), 0.0);
            assertTrue(Double.isNaN(rows.get(m).measuredPercent()));
            assertEquals(-1, rows.get(m).tenants());
        }
    }

    @Test
    void measuredSharesComeFromTheLaneSection() {
        // 600 + 300 + 100 other tenants; of those that sent (500, 300, 50): 0, 30 and 50 impacted
        LaneInterval lanes = new LaneInterval(new long[16], 7, new int[] {2, 4},
                new long[] {600, 500, 0, 300, 300, 30, 100, 50, 50});
        List<OverlapRow> rows = OverlapRow.of(8, 2, lanes);
        assertEquals(List.of(60.0, 30.0, 10.0), rows.stream().map(OverlapRow::measuredPercent).toList());
        assertEquals(List.of(0.0, 10.0, 100.0), rows.stream().map(OverlapRow::impactedPercent).toList());
        assertEquals(List.of(600L, 300L, 100L), rows.stream().map(OverlapRow::tenants).toList());
    }
}
