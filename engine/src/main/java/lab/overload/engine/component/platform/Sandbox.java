package lab.overload.engine.component.platform;

/**
 * One sandbox: it lives on a worker manager, belongs to one function and works on one invoke at a time. States:
 * initialising (placement and init of a cold invoke), busy (an invoke's work), idle (warm, waiting for an invoke until
 * its keep-alive ends). Mutable, owned by the simulation thread; {@link #epoch} is bumped when the sandbox leaves
 * the idle state, so a scheduled expiry of an earlier idle period finds it changed and does nothing.
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
    public int epoch;
    /** Pre-initialised by provisioned concurrency: it never expires. */
    public boolean provisioned;
    /** Its current invoke's work reaches the function timeout: it is abandoned there. */
    public boolean timesOut;
    /** When its current invoke reached it (a cold one: when its placement started), µs. */
    public long invokeStartMicros;
    /** Its current invoke started cold (placement and init first). */
    public boolean coldInvoke;

    public Sandbox(int id) {
        this.id = id;
    }
}
