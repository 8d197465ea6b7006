package lab.overload.engine.core;

/** Receives the events it scheduled. Events carry a type and two arguments, so scheduling allocates nothing. */
public interface EventHandler {
    /**
     * Handles one event at the simulation's current time.
     *
     * @param type the handler's own event type
     * @param a    first argument (usually a pool slot)
     * @param b    second argument (usually a generation, to recognise events that were cancelled)
     */
    void handle(int type, int a, long b);
}
