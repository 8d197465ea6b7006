package lab.overload.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.engine.run.ControlChange;
import lab.overload.engine.run.Recording;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;
import org.junit.jupiter.api.Test;

class RunSoFarTest {
    private static final String RATE = "clients.web.ratePerSecond";

    private static Scenario collapse() {
        return PresetCatalog.bundled("goodput-collapse.json");
    }

    @Test
    void liveChangesJoinTheTimelineInTimeOrderAheadOfScheduledOnesAndLaterOnesAreLeftOut() {
        Scenario s = collapse();
        TimelineChange ramp = s.timeline().get(0);
        long rampMicros = Math.round(ramp.atSeconds() * 1e6);
        List<ControlChange> log = List.of(new ControlChange(3_000_000, RATE, "250"),
                new ControlChange(rampMicros, RATE, "300"), new ControlChange(50_000_000, RATE, "100"));
        Scenario recorded = ScenarioCodec.read(new RunSoFar(s, log, 30_000_000).scenarioJson());
        String label = Recording.LABEL + ": " + RATE + " = ";
        assertEquals(List.of(new TimelineChange(3, RATE, "250", 0, 0, label + "250"),
                new TimelineChange(ramp.atSeconds(), RATE, "300", 0, 0, label + "300"), ramp),
                recorded.timeline(), "the change at 50 s lies after the run's 30 s and is not in the export; a live "
                        + "change at the ramp's time took effect before it");
    }

    @Test
    void theSummaryBeforeTheWarmUpEndsIsRefusedWithTheReason() {
        RunSoFar early = new RunSoFar(collapse().withDuration(90, 10), List.of(), 4_000_000);
        IllegalStateException e = assertThrows(IllegalStateException.class, early::summaryJson);
        assertEquals("nothing is measured yet: the warm-up lasts until 10 s and the run is at 4 s", e.getMessage());
        // the intervals have no warm-up: 40 of them
        assertEquals(1 + 40, early.intervalsCsv().split("\n").length);
        IllegalStateException notStarted = assertThrows(IllegalStateException.class,
                new RunSoFar(collapse(), List.of(), 0)::intervalsCsv);
        assertTrue(notStarted.getMessage().contains("not started"), notStarted.getMessage());
    }
}
