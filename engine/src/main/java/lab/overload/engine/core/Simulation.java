package lab.overload.engine.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The event core: an integer microsecond clock, the calendar ordered by (time, phase, sequence), and
 * {@link #step()} / {@link #runUntil(long)}. Components register as handlers and schedule events with plain
 * arguments; the core knows nothing of clients or services.
 *
 * <p>Thread rule: a simulation and everything in it belongs to one thread at a time (the runner's).
 */
public final class Simulation {
    private final EventCalendar calendar = new EventCalendar();
    private final List<EventHandler> handlerList = new ArrayList<>();
    private EventHandler[] handlers = new EventHandler[0];
    private long nowMicros;
    private long eventsProcessed;

    /** Registers a handler and returns its id for {@link #schedule}. */
    public int register(EventHandler handler) {
        handlerList.add(handler);
        handlers = handlerList.toArray(new EventHandler[0]);
        return handlers.length - 1;
    }

    /** A new FIFO timer ring for timers scheduled in time order (see {@link #scheduleInOrder}). */
    public int newTimerRing() {
        return calendar.newFifo();
    }

    public long nowMicros() {
        return nowMicros;
    }

    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Events waiting in the calendar (including cancelled ones not yet discarded). */
    public int pendingEvents() {
        return calendar.size();
    }

    /** Schedules an event for a handler at an absolute time, which must not be in the past. */
    public void schedule(long atMicros, int phase, int handler, int type, int a, long b) {
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("cannot schedule at " + atMicros + " us, before now " + nowMicros);
        }
        calendar.schedule(atMicros, phase, handler << 8 | type, a, b);
    }

    /**
     * Schedules a timer on a ring; cheap when the ring's times are non-decreasing, correct either way. Returns a
     * handle for {@link #cancelInOrder}; a timer that could not keep the ring's order returns {@link #NO_HANDLE} and
     * cannot be cancelled (its handler must recognise it as stale).
     */
    public long scheduleInOrder(int ring, long atMicros, int phase, int handler, int type, int a, long b) {
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("cannot schedule at " + atMicros + " us, before now " + nowMicros);
        }
        return calendar.scheduleFifo(ring, atMicros, phase, handler << 8 | type, a, b);
    }

    /** A timer handle that names no timer. */
    public static final long NO_HANDLE = EventCalendar.NO_HANDLE;

    /**
     * Cancels a timer scheduled by {@link #scheduleInOrder} on the same ring: it is never delivered (nor counted in
     * {@link #eventsProcessed}). Handles of timers already delivered or cancelled, and {@link #NO_HANDLE}, are ignored.
     */
    public void cancelInOrder(int ring, long handle) {
        calendar.cancelFifo(ring, handle);
    }

    /** Time of the next event, or Long.MAX_VALUE if none. */
    public long peekMicros() {
        return calendar.peekTime();
    }

    /** Processes the next event; false if there is none. */
    public boolean step() {
        if (!calendar.pop()) {
            return false;
        }
        dispatch();
        return true;
    }

    /** Processes every event with time up to and including {@code untilMicros}, then sets the clock to it. */
    public void runUntil(long untilMicros) {
        while (calendar.popNotAfter(untilMicros)) {
            dispatch();
        }
        if (untilMicros > nowMicros) {
            nowMicros = untilMicros;
        }
    }

    /**
     * Processes every event strictly before {@code micros}, then sets the clock to it: whatever is done next happens
     * after everything before that time and before everything at it, control events included. A time at or before
     * now changes nothing.
     */
    public void advanceTo(long micros) {
        if (micros > nowMicros) {
            runUntil(micros - 1);
            nowMicros = micros;
        }
    }

    /**
     * Delivers the popped event. The first few handler ids each have a call site of their own: the JIT profiles the
     * receiver class per call site. A world registers itself (id 0), then one handler per service, then one per
     * client group, so in a scenario with one service and one client group each site sees one class and the JIT can
     * inline it, where one shared site sees three and calls through a vtable stub. (With more services, a site may
     * see two classes over several scenarios, which the JIT still inlines.)
     */
    private void dispatch() {
        nowMicros = calendar.time;
        eventsProcessed++;
        int c = calendar.code;
        int h = c >>> 8;
        int type = c & 0xff;
        switch (h) {
            case 0 -> handlers[0].handle(type, calendar.a, calendar.b);
            case 1 -> handlers[1].handle(type, calendar.a, calendar.b);
            case 2 -> handlers[2].handle(type, calendar.a, calendar.b);
            case 3 -> handlers[3].handle(type, calendar.a, calendar.b);
            default -> handlers[h].handle(type, calendar.a, calendar.b);
        }
    }
}
