package lab.overload.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calendar delivers events in (time, phase, sequence) order from its heap and rings, and never a cancelled one. */
class EventCalendarTest {
    /** An event as scheduled: its order key and identity. */
    private record Ev(long time, int phase, long seq, int id) {
    }

    @Test
    void equalTimesAreOrderedByPhaseThenBySchedulingOrder() {
        EventCalendar c = new EventCalendar();
        c.schedule(10, Phase.ARRIVAL, 1, 0, 0);
        c.schedule(10, Phase.COMPLETION, 2, 0, 0);
        c.schedule(5, Phase.ARRIVAL, 3, 0, 0);
        c.schedule(10, Phase.COMPLETION, 4, 0, 0);
        List<Integer> codes = new ArrayList<>();
        while (c.pop()) {
            codes.add(c.code);
        }
        assertTrue(Phase.COMPLETION < Phase.ARRIVAL, "completions come before arrivals at equal times");
        assertEquals(List.of(3, 2, 4, 1), codes);
    }

    @Test
    void ringEntriesMergeWithTheHeapAndCancelledOnesAreNeverDelivered() {
        EventCalendar c = new EventCalendar();
        int ring = c.newFifo();
        long h1 = c.scheduleFifo(ring, 100, Phase.TIMEOUT, 1, 0, 0);
        long h2 = c.scheduleFifo(ring, 200, Phase.TIMEOUT, 2, 0, 0);
        long h3 = c.scheduleFifo(ring, 300, Phase.TIMEOUT, 3, 0, 0);
        assertEquals(EventCalendar.NO_HANDLE, c.scheduleFifo(ring, 250, Phase.TIMEOUT, 4, 0, 0),
                "an entry out of the ring's order goes to the heap and has no handle");
        c.schedule(150, Phase.ARRIVAL, 5, 0, 0);
        c.cancelFifo(ring, h2);
        c.cancelFifo(ring, h1);
        c.cancelFifo(ring, h1); // twice: ignored
        c.cancelFifo(ring, EventCalendar.NO_HANDLE);
        assertEquals(3, c.size(), "the cancelled head entries are discarded at once");
        assertFalse(c.popNotAfter(149));
        assertTrue(c.popNotAfter(150));
        assertEquals(5, c.code);
        assertTrue(c.pop());
        assertEquals(4, c.code);
        assertEquals(250, c.time);
        assertTrue(c.pop());
        assertEquals(3, c.code);
        c.cancelFifo(ring, h3); // already delivered: ignored
        assertFalse(c.pop());
        assertTrue(c.isEmpty());
    }

    /** A ring that wraps around and grows (past its initial 256 entries) keeps its order, handles and cancellations. */
    @Test
    void aRingThatWrapsAndGrowsKeepsOrderAndHandles() {
        EventCalendar c = new EventCalendar();
        int ring = c.newFifo();
        java.util.Map<Integer, Long> handles = new java.util.HashMap<>();
        List<Integer> expected = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        int id = 0;
        long t = 0;
        // wrap first: 200 in, 150 out, so the head sits mid-array when the ring later grows
        for (; id < 200; id++) {
            handles.put(id, c.scheduleFifo(ring, t += 3, Phase.TIMEOUT, id, 0, 0));
        }
        for (int k = 0; k < 150; k++) {
            assertTrue(c.pop());
            delivered.add(c.code);
        }
        for (; id < 1200; id++) {
            handles.put(id, c.scheduleFifo(ring, t += 3, Phase.TIMEOUT, id, 0, 0));
        }
        int cancelled = 0;
        for (int v = 150; v < 1200; v++) {
            if (v % 3 == 0 || v % 7 == 0) {
                c.cancelFifo(ring, handles.get(v));
                cancelled++;
            } else {
                expected.add(v);
            }
        }
        // 1050 entries were waiting; only the cancelled head (150) goes at once, those behind the live 151 stay
        assertEquals(1049, c.size(), "cancelled entries behind a live head stay until they reach it");
        c.cancelFifo(ring, handles.get(3)); // delivered long ago: ignored
        while (c.pop()) {
            delivered.add(c.code);
        }
        List<Integer> all = new ArrayList<>();
        for (int v = 0; v < 150; v++) {
            all.add(v);
        }
        all.addAll(expected);
        assertEquals(all, delivered);
        assertEquals(0, c.size());
        assertTrue(cancelled > 400);
    }

    @Test
    void randomMixMatchesASortOfTheLiveEvents() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            EventCalendar c = new EventCalendar();
            // 3 rings, or 13 (the ring heap then has three levels to sift through)
            int[] rings = new int[seed <= 10 ? 3 : 13];
            for (int k = 0; k < rings.length; k++) {
                rings[k] = c.newFifo();
            }
            long[] ringLast = new long[rings.length];
            List<Ev> pending = new ArrayList<>();
            List<long[]> handles = new ArrayList<>(); // {ring, handle, id}
            List<Integer> cancelled = new ArrayList<>();
            long now = 0;
            long seq = 0;
            int id = 0;
            List<Integer> delivered = new ArrayList<>();
            List<Integer> expected = new ArrayList<>();
            for (int step = 0; step < 4000; step++) {
                int op = r.nextInt(10);
                if (op < 3) {
                    long t = now + r.nextInt(50);
                    int phase = r.nextInt(5);
                    c.schedule(t, phase, id, 0, 0);
                    pending.add(new Ev(t, phase, seq++, id++));
                } else if (op < 6) {
                    int q = r.nextInt(rings.length);
                    // mostly in order; sometimes earlier than the ring's last entry (then it goes to the heap)
                    long t = r.nextInt(8) == 0 ? now + r.nextInt(5) : Math.max(now, ringLast[q]) + r.nextInt(30);
                    int phase = r.nextInt(5);
                    long h = c.scheduleFifo(rings[q], t, phase, id, 0, 0);
                    if (h != EventCalendar.NO_HANDLE) {
                        ringLast[q] = t;
                        handles.add(new long[] {q, h, id});
                    }
                    pending.add(new Ev(t, phase, seq++, id++));
                } else if (op < 8 && !handles.isEmpty()) {
                    long[] h = handles.remove(r.nextInt(handles.size()));
                    c.cancelFifo(rings[(int) h[0]], h[1]);
                    int victim = (int) h[2];
                    if (pending.removeIf(e -> e.id() == victim)) {
                        cancelled.add(victim);
                    }
                } else {
                    long limit = now + r.nextInt(20);
                    pending.sort(Comparator.comparingLong(Ev::time).thenComparingInt(Ev::phase)
                            .thenComparingLong(Ev::seq));
                    while (!pending.isEmpty() && pending.get(0).time() <= limit) {
                        expected.add(pending.remove(0).id());
                    }
                    while (c.popNotAfter(limit)) {
                        assertTrue(c.time >= now, "time never goes back");
                        now = c.time;
                        delivered.add(c.code);
                    }
                    now = Math.max(now, limit);
                }
            }
            pending.sort(Comparator.comparingLong(Ev::time).thenComparingInt(Ev::phase).thenComparingLong(Ev::seq));
            pending.forEach(e -> expected.add(e.id()));
            while (c.pop()) {
                delivered.add(c.code);
            }
            assertEquals(expected, delivered, "seed " + seed);
            for (int v : cancelled) {
                assertFalse(delivered.contains(v), "cancelled event " + v + " was delivered (seed " + seed + ")");
            }
        }
    }

    /**
     * One delivery at a time, with schedules, peeks and size queries in between: a delivered heap top is removed
     * lazily (a schedule right after it takes its place), which the batch pops above never leave pending.
     */
    @Test
    void singleDeliveriesInterleavedWithSchedulesPeeksAndSizes() {
        Comparator<Ev> order = Comparator.comparingLong(Ev::time).thenComparingInt(Ev::phase)
                .thenComparingLong(Ev::seq);
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            EventCalendar c = new EventCalendar();
            int ring = c.newFifo();
            long ringLast = 0;
            List<Ev> pending = new ArrayList<>();
            long now = 0;
            long seq = 0;
            int id = 0;
            for (int step = 0; step < 5000; step++) {
                int op = r.nextInt(12);
                if (op < 4) {
                    long t = now + r.nextInt(40);
                    int phase = r.nextInt(5);
                    c.schedule(t, phase, id, 0, 0);
                    pending.add(new Ev(t, phase, seq++, id++));
                } else if (op < 6) {
                    long t = Math.max(now, ringLast) + r.nextInt(30);
                    int phase = r.nextInt(5);
                    c.scheduleFifo(ring, t, phase, id, 0, 0);
                    ringLast = t;
                    pending.add(new Ev(t, phase, seq++, id++));
                } else if (op < 10) {
                    pending.sort(order);
                    boolean popped = c.pop();
                    assertEquals(!pending.isEmpty(), popped, "seed " + seed + " step " + step);
                    if (popped) {
                        Ev e = pending.remove(0);
                        assertEquals(e.id(), c.code, "seed " + seed + " step " + step);
                        assertEquals(e.time(), c.time);
                        now = c.time;
                    }
                } else if (op == 10) {
                    long min = pending.stream().mapToLong(Ev::time).min().orElse(Long.MAX_VALUE);
                    assertEquals(min, c.peekTime(), "seed " + seed + " step " + step);
                } else {
                    assertEquals(pending.size(), c.size(), "seed " + seed + " step " + step);
                    assertEquals(pending.isEmpty(), c.isEmpty());
                }
            }
        }
    }
}
