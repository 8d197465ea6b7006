package lab.overload.models.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.overload.models.json.ScenarioCodec;
import org.junit.jupiter.api.Test;

/** Timeline checks cost one check per entry over a whole run, however many changes the run applies. */
class TimelineCheckTest {
    private static final int ENTRIES = 2000;

    private static Scenario withTimeline(int entries) {
        return withTimeline(ParameterPathsTest.scenario(), entries);
    }

    private static Scenario withTimeline(Scenario s, int entries) {
        List<TimelineChange> timeline = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            timeline.add(new TimelineChange(i * 0.005, "clients.web.ratePerSecond", Integer.toString(10 + i % 50),
                    0, 0, ""));
        }
        return Records.with(s, "timeline", timeline);
    }

    /** Applying every entry in turn, as a run does, rebuilds the scenario once per entry. */
    @Test
    void applyingEveryEntryChecksEachEntryOnce() {
        Scenario base = ParameterPathsTest.scenario();
        long before = TimelineCheck.entriesChecked();
        Scenario s = withTimeline(base, ENTRIES);
        assertEquals(ENTRIES, TimelineCheck.entriesChecked() - before, "loading checks each entry once");

        long loaded = TimelineCheck.entriesChecked();
        for (TimelineChange c : s.timeline()) {
            s = ParameterPaths.with(s, c.path(), c.value());
        }
        s = ParameterPaths.with(s, "services.api.workersPerHost", "12");
        s = s.withSeed(3).withDuration(20, 1);
        assertEquals(0, TimelineCheck.entriesChecked() - loaded, ENTRIES + " rebuilds re-checked no entry "
                + "(it was " + ENTRIES + " x " + ENTRIES + " checks)");
        assertEquals(ENTRIES, s.timeline().size());
        assertEquals(withTimeline(ENTRIES).timeline(), s.timeline());
    }

    @Test
    void aChangeOfNamesChecksAgainAndStillRejects() {
        Scenario s = withTimeline(3);
        ClientSpec web = s.client("web");
        List<ClientSpec> renamed = new ArrayList<>(s.clients());
        renamed.set(0, Records.with(web, "name", "mobile"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Records.with(s, "clients", renamed));
        assertTrue(e.getMessage().startsWith("timeline[0]: parameter path 'clients.web.ratePerSecond'"),
                e.getMessage());
    }

    @Test
    void badEntriesAreStillRejectedWithTheirIndex() {
        String json = ScenarioCodec.write(withTimeline(2)).replace("\"value\" : \"11\"", "\"value\" : \"-1\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioCodec.read(json));
        assertTrue(e.getMessage().contains("timeline[1]") && e.getMessage().contains("ratePerSecond"),
                e.getMessage());
    }
}
