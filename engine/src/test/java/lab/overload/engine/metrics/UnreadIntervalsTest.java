package lab.overload.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import lab.overload.engine.component.World;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A world whose intervals nobody reads closes them without building snapshots ({@link Recorder#sealUnread}), and while a
 * seal is only bookkeeping ({@link Recorder#sealIsBookkeeping}) it closes them every 100 intervals only. That must
 * change nothing anyone can see: the summary (with the queues' and the platform's blocks) is byte-identical to a run
 * that listened from the start, and a listener set part-way through a run receives, from the next interval boundary
 * on, exactly the snapshots a listener set at the start receives. Presets cover the kinds of section and instrument:
 * one client and its only service (the sole case; with no policy there, seals are bookkeeping), a retry budget's
 * counters and gauges, two client groups and three stages, functions on the platform, queues with lanes and
 * per-tenant tables, and async queues in front of functions. The seals saved show in the event count: exactly the
 * seal events not made.
 */
class UnreadIntervalsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"goodput-collapse", "metastable-retry-storm", "retry-budgets", "dependency-isolation",
        "modal-cold-starts", "shuffle-sharding", "lambda-async-under-the-hood"})
    void intervalsNobodyReadsChangeNothingThatIsRead(String preset) throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", preset + ".json"));
        long end = s.durationMicros();
        long attach = end / 3 + 12_345; // part-way through an interval

        World listening = new World(s);
        List<IntervalSnapshot> all = new ArrayList<>();
        listening.onInterval(all::add);
        listening.runUntil(end);

        World unread = new World(s);
        unread.runUntil(end);

        World late = new World(s);
        late.runUntil(attach);
        List<IntervalSnapshot> fromAttach = new ArrayList<>();
        late.onInterval(fromAttach::add);
        late.runUntil(end);

        long seals = end / (s.intervalMillis() * 1000L);
        long sparseSeals = (seals + World.SPARSE_SEAL_INTERVALS - 1) / World.SPARSE_SEAL_INTERVALS;
        long saved = BOOKKEEPING.contains(preset) ? seals - sparseSeals : 0;
        assertEquals(saved, listening.eventsProcessed() - unread.eventsProcessed(),
                preset + ": seal events saved (sparse seals only where a seal is bookkeeping)");

        String summary = SummaryJson.write(listening.summary().toMap());
        assertEquals(summary, SummaryJson.write(unread.summary().toMap()), preset + ": the summary moved");
        assertEquals(summary, SummaryJson.write(late.summary().toMap()), preset + ": the summary moved (late)");
        assertEquals(deep(listening.queueSummaries()), deep(unread.queueSummaries()), preset + ": queue summaries");

        long interval = s.intervalMillis() * 1000L;
        long boundary = (attach + interval - 1) / interval * interval; // the first after the attach
        List<IntervalSnapshot> expected = all.stream().filter(x -> x.startMicros() >= boundary).toList();
        assertTrue(expected.size() > 10, "enough intervals after the attach: " + expected.size());
        assertEquals(expected.size(), fromAttach.size(), preset + ": whole intervals after the attach");
        for (int i = 0; i < expected.size(); i++) {
            IntervalSnapshot want = expected.get(i);
            IntervalSnapshot got = fromAttach.get(i);
            for (RecordComponent c : IntervalSnapshot.class.getRecordComponents()) {
                // The per-second latencies start with the listener (Recorder#secondLatencies): the second of the
                // attach is partial, so they are compared from the next second on.
                if (c.getName().equals("latencies") && want.startMicros() < (attach / SECOND + 1) * SECOND) {
                    continue;
                }
                assertEquals(deep(c.getAccessor().invoke(want)), deep(c.getAccessor().invoke(got)),
                        preset + ": " + c.getName() + " of interval " + want.index() + " differs after a late attach");
            }
        }
    }

    private static final long SECOND = 1_000_000;
    /** The presets whose seals are only bookkeeping: one client and its only service, with no policy registered. */
    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("goodput-collapse",
            "metastable-retry-storm");

    /**
     * A canonical text of a value: records by component, the engine's other value classes by field, maps by entry,
     * lists and arrays by element.
     */
    private static String deep(Object o) throws Exception {
        StringBuilder sb = new StringBuilder();
        deep(o, sb);
        return sb.toString();
    }

    private static void deep(Object o, StringBuilder sb) throws Exception {
        if (o == null) {
            sb.append("null");
        } else if (o.getClass().isRecord()) {
            sb.append(o.getClass().getSimpleName()).append('{');
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                sb.append(c.getName()).append('=');
                deep(accessor.invoke(o), sb);
                sb.append(',');
            }
            sb.append('}');
        } else if (o instanceof Map<?, ?> m) {
            sb.append('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                deep(e.getKey(), sb);
                sb.append(':');
                deep(e.getValue(), sb);
                sb.append(',');
            }
            sb.append('}');
        } else if (o instanceof Collection<?> c) {
            sb.append('[');
            for (Object x : c) {
                deep(x, sb);
                sb.append(',');
            }
            sb.append(']');
        } else if (o.getClass().isArray()) {
            sb.append('[');
            for (int i = 0; i < Array.getLength(o); i++) {
                deep(Array.get(o, i), sb);
                sb.append(',');
            }
            sb.append(']');
        } else if (o.getClass().getName().startsWith("lab.overload.") && !o.getClass().isEnum()) {
            sb.append(o.getClass().getSimpleName()).append('{'); // a value class of the engine: by its fields
            for (Field f : o.getClass().getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    sb.append(f.getName()).append('=');
                    deep(f.get(o), sb);
                    sb.append(',');
                }
            }
            sb.append('}');
        } else {
            sb.append(o);
        }
    }
}
