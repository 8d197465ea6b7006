package lab.overload.engine.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.FunctionStats;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.AttemptCounts;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** REPORT lines: one per invocation that ran, with the platform's billing rule and the init of cold starts. */
class ReportLinesTest {
    @Test
    void everyInvocationThatRanHasOneLineAndColdOnesCarryTheirInit() throws IOException {
        Scenario s = SampledTracesTest.preset("modal-cold-starts", 40); // init 1000 ms, CONSTANT
        World w = new World(s);
        w.recordReports(100_000);
        List<ReportLine> lines = new ArrayList<>();
        w.onInterval(i -> lines.addAll(w.reportLog().drain()));
        w.runUntil(s.durationMicros());
        lines.addAll(w.reportLog().drain());
        AttemptCounts f = w.summary().byStage().get("f").attempts();
        assertEquals(f.completedUseful() + f.completedWasted() + f.completedError() + f.abandonedByServer(),
                lines.size(), "one line per invocation that ended after running");
        FunctionStats stats = w.functionStats("f");
        long cold = lines.stream().filter(ReportLine::cold).count();
        assertTrue(cold > 0 && cold <= stats.cold(), cold + " cold lines of " + stats.cold() + " cold starts");
        for (ReportLine l : lines) {
            if (l.cold()) {
                assertEquals(1_000_000, l.initMicros(), "init as the scenario says, placement not included: " + l);
            }
            assertTrue(l.billedMillis() * 1000 >= l.durationMicros() && l.billedMillis() * 1000 < l.durationMicros()
                    + 1000, "billed is the duration rounded up to 1 ms: " + l.text());
            assertEquals(1769, l.memoryMb(), "the function's memory size: " + l);
        }
        assertEquals(0, w.reportLog().dropped());
    }

    @Test
    void billedDurationRoundsUpToAWholeMillisecond() {
        assertEquals(12, line(12_000, -1).billedMillis());
        assertEquals(13, line(12_001, -1).billedMillis());
        assertEquals(1, line(1, -1).billedMillis());
    }

    @Test
    void theTextHasTheShapeOfALambdaReportLine() {
        assertEquals("2.500 REPORT RequestId: f-7\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB"
                + "\tInit Duration: 800.00 ms", line(12_345, 800_000).text());
        assertEquals("2.500 REPORT RequestId: f-7\tDuration: 0.50 ms\tBilled Duration: 1 ms\tMemory Size: 512 MB",
                line(500, -1).text());
    }

    @Test
    void theRingKeepsTheLatestLinesAndCountsTheLost() {
        ReportLog log = new ReportLog(3);
        for (int i = 1; i <= 5; i++) {
            log.add("f", i, i * 1000L, 10, 128, -1, ReportLog.OK);
        }
        assertEquals(List.of(3L, 4L, 5L), log.drain().stream().map(ReportLine::requestId).toList());
        assertEquals(2, log.dropped());
        assertEquals(List.of(), log.drain());
        log.add("f", 6, 6000, 10, 128, -1, ReportLog.TIMEOUT);
        assertEquals("timeout", log.drain().get(0).status());
    }

    private static ReportLine line(long durationMicros, long initMicros) {
        return new ReportLine("f", 7, 2_500_000, durationMicros, 512, initMicros, "ok");
    }
}
