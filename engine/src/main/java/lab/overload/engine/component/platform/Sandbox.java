package lab.overload.engine.component.platform;

/**
 * One sandbox: it lives on a worker manager, belongs to one function and works on one invoke at a time. States:
 * initialising (placement and init of a cold invoke), busy (an invoke's work), idle (warm, waiting for an invoke until
 * its keep-alive ends). Mutable, owned by the simulation thread. Its expiry has at most one pending event, at
 * {@link #expiryEventMicros} (the function's {@code SandboxExpiry}); {@link #life}, bumped when the object is reused
 * for a new sandbox, lets an event of an earlier sandbox find it changed.
 */
public final class Sandbox {
    public static final int INITIALIZING = 0;
    public static final int BUSY = 1;
    public static final int IDLE = 2;
    /** Expired or evicted: the slot is free and the object may be reused. */
    public static final int GONE = 3;

    /** Its index in its function's sandbox table (reused after it is gone). */
    public final int id;
    public int workerManager;
    public int state = GONE;
    /** When it entered its current state, µs. */
    public long sinceMicros;
    /** When it last finished an invoke (or became ready), µs: the most recently used idle one is reused first. */
    public long lastUsedMicros;
    public int life;
    /** When its current idle period ends (keep-alive measured from when it became idle), µs. */
    public long expiresAtMicros;
    /** Time of its pending expiry event, or -1 when none is pending. */
    public long expiryEventMicros = -1;
    /** Pre-initialised by provisioned concurrency: it never expires. */
    public boolean provisioned;
    /** Its current invoke's work reaches the function timeout: it is abandoned there. */
    public boolean timesOut;
    /** Its init's dependency call failed: the invoke that waited for the init answers with an error. */
    public boolean initFailed;
    /** When its current invoke reached it (a cold one: when its placement started), µs. */
    public long invokeStartMicros;
    /** Its current invoke started cold (placement and init first). */
    public boolean coldInvoke;

    public Sandbox(int id) {
        this.id = id;
    }
}
