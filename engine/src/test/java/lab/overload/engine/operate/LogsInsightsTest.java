package lab.overload.engine.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.StageInterval;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The talk's Logs Insights query over REPORT lines, and how it compares with the true concurrency. */
class LogsInsightsTest {
    private static ReportLine line(long endMicros, long durationMicros) {
        return new ReportLine("f", 1, endMicros, durationMicros, 128, -1, "ok");
    }

    @Test
    void theQueryIsTheFormulaOnKnownLinesSortedByConcurrency() {
        List<ReportLine> lines = List.of(
                line(200_000, 100_000), line(900_000, 300_000), // second 0: avg 200 ms, 2 lines
                line(1_000_000, 1_000_000), line(1_500_000, 1_000_000), line(1_999_999, 1_000_000), // second 1
                line(5_000_001, 40_000)); // second 5
        List<LogsInsights.Row> rows = LogsInsights.query(lines, second -> second * 10.0);
        assertEquals(List.of(1L, 0L, 5L), rows.stream().map(LogsInsights.Row::second).toList(),
                "sorted by concurrency descending");
        LogsInsights.Row first = rows.get(0);
        assertEquals(1000.0, first.avgDurationMillis());
        assertEquals(3, first.count());
        assertEquals(3.0, first.concurrency(), 1e-12);
        assertEquals(10.0, first.trueConcurrency());
        assertEquals(200.0, rows.get(1).avgDurationMillis(), 1e-12);
        assertEquals(0.2 * 2, rows.get(1).concurrency(), 1e-12);
        assertEquals(0.04, rows.get(2).concurrency(), 1e-12);
    }

    @Test
    void secondMeansWeighIntervalsByTheTimeTheyCover() {
        SecondMeans m = new SecondMeans(10);
        m.add(0, 400_000, 10);
        m.add(400_000, 1_200_000, 5); // 600 ms in second 0, 200 ms in second 1
        assertEquals((10 * 0.4 + 5 * 0.6), m.mean(0), 1e-12);
        assertTrue(Double.isNaN(m.mean(1)), "second 1 is not covered yet");
        m.add(1_200_000, 2_000_000, 1);
        assertEquals(5 * 0.2 + 1 * 0.8, m.mean(1), 1e-12);
    }

    /**
     * In a steady state (100 invokes/s of 100 ms exponential work in warm sandboxes: L = lambda W = 10) the formula's
     * concurrency agrees with the true one. Not second by second: the formula books each invoke's whole duration into
     * the second it ended in, so the work in flight across each boundary (about L W / 2 ... L W concurrency-seconds,
     * here 0.5 to 1 of about 10) moves between neighbouring seconds; each second is allowed 25 %. Over the 25 s window
     * only the two ends lose or gain that much, so the sums agree within 2 %.
     */
    @Test
    void inASteadyStateTheFormulaAgreesWithTheTrueConcurrency() throws IOException {
        Scenario s = SampledTracesTest.preset("modal-cold-starts", 29); // the surge comes at 30 s
        World w = new World(s);
        w.recordReports(100_000);
        List<ReportLine> lines = new ArrayList<>();
        SecondMeans truth = new SecondMeans(100);
        w.onInterval(i -> {
            lines.addAll(w.reportLog().drain());
            StageInterval f = i.byStage().get("f");
            truth.add(i.startMicros(), i.endMicros(), f.concurrencyMean());
        });
        w.runUntil(s.durationMicros());
        double formula = 0;
        double exact = 0;
        int seconds = 0;
        for (LogsInsights.Row r : LogsInsights.query(lines, truth::mean)) {
            if (r.second() >= 3 && r.second() < 28) {
                assertEquals(r.trueConcurrency(), r.concurrency(), 0.25 * r.trueConcurrency(), "second " + r);
                formula += r.concurrency();
                exact += r.trueConcurrency();
                seconds++;
            }
        }
        assertEquals(25, seconds);
        assertEquals(10.0, exact / seconds, 1.0, "Little's law: L = 100/s x 0.1 s");
        assertEquals(exact, formula, 0.02 * exact, "over the window the formula and the truth agree");
    }
}
