package lab.overload.engine.core;

/**
 * Receives the events it scheduled. Events carry a type and two arguments, so scheduling allocates nothing.
 *
 * <p>An abstract class rather than an interface: every event is dispatched through it, and a virtual call over the
 * few handler classes costs less than an interface call (measured: the interface's itable stub was about 5% of an
 * M/M/10 run).
 */
public abstract class EventHandler {
    /**
     * Handles one event at the simulation's current time.
     *
     * @param type the handler's own event type
     * @param a    first argument (usually a pool slot)
     * @param b    second argument (usually a generation, to recognise events that were cancelled)
     */
    public abstract void handle(int type, int a, long b);
}
